package org.vigie.importer;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.support.SharedData;
import org.vigie.support.Sql;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A file that fails to parse imports nothing, and the failure says where. */
@QuarkusTest
class BrokenFilesTest {

    @Inject
    ImportService imports;
    @Inject
    Sql sql;
    @TempDir
    Path dir;

    @BeforeEach
    void clean() {
        ImportFixtures.forgetImportedCameras(sql);
    }

    private String failure(Path file) {
        long cameras = sql.count("SELECT count(*) FROM camera");
        long versions = sql.count("SELECT count(*) FROM camera_version");
        ImportFailure e = assertThrows(ImportFailure.class, () -> imports.importFile(file, ImportOptions.defaults(), c -> { }));
        assertEquals(cameras, sql.count("SELECT count(*) FROM camera"), "no camera written");
        assertEquals(versions, sql.count("SELECT count(*) FROM camera_version"), "no version written");
        return e.getMessage();
    }

    /** The first {@code fraction} of a real file: a download cut short. */
    private Path truncated(String relative, double fraction) throws IOException {
        byte[] whole = Files.readAllBytes(SharedData.file(relative));
        return Files.write(dir.resolve("cut-" + Path.of(relative).getFileName()),
                Arrays.copyOf(whole, (int) (whole.length * fraction)));
    }

    @Test
    void truncatedPbf() throws IOException {
        assertThat(failure(truncated("osm/monaco-2021-04-21.osm.pbf", 0.6)), containsString("broken PBF"));
    }

    @Test
    void aPbfCutInsideTheLengthOfItsNextBlock() throws IOException {
        // The whole file, then the first 2 of the 4 bytes that give the next block's header length.
        byte[] whole = Files.readAllBytes(SharedData.file("osm/monaco-2021-04-21.osm.pbf"));
        Path cut = Files.write(dir.resolve("cut-in-length.osm.pbf"), Arrays.copyOf(whole, whole.length + 2));
        assertThat(failure(cut), containsString("inside its length): the file was cut short"));
    }

    @Test
    void aCorruptCompressedBlockInAWellFramedPbf() throws IOException {
        Path corrupt = PbfFiles.withCorruptLastBlock(SharedData.file("osm/monaco-2021-04-21.osm.pbf"), dir.resolve("corrupt.osm.pbf"));
        String message = failure(corrupt);
        assertThat(message, containsString("broken PBF after"));
        assertThat(message, containsString("invalid block type"));
    }

    @Test
    void truncatedOsmXml() throws IOException {
        assertThat(failure(truncated("osm/virginia-tech-campus-2012.osm", 0.7)), containsString("malformed XML at line"));
    }

    @Test
    void truncatedOverpassJsonAfterManyGoodElements() throws IOException {
        assertThat(failure(truncated("osm/webcams-world-overpass-2024-06-23.json", 0.9)), containsString("malformed JSON at line"));
    }

    @Test
    void truncatedSousSurveillanceExport() throws IOException {
        assertThat(failure(truncated("legacy/sous-surveillance-2012.geojson", 0.5)), containsString("malformed JSON at line"));
    }

    @Test
    void aFileCutAfterSeveralWrittenBlocksLeavesNothing() throws IOException {
        OsmXmlFiles big = OsmXmlFiles.extract();
        for (int i = 0; i < 9000; i++) {
            big.camera(200_000 + i, 1, 2.0 + i * 1e-6, 48.005, "camera:type", "dome");
        }
        String xml = big.xml();
        Path cut = Files.writeString(dir.resolve("cut-big.osm"), xml.substring(0, (int) (xml.length() * 0.8)));
        assertThat(failure(cut), containsString("malformed XML at line"));
    }

    @Test
    void anIncompleteOverpassAnswerIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("timeout.json"), "{\"version\": 0.6, \"elements\": ["
                + "{\"type\": \"node\", \"id\": 9, \"lat\": 48.1, \"lon\": 2.1, \"tags\": {\"man_made\": \"surveillance\"}}],"
                + "\"remark\": \"runtime error: Query timed out in \\\"query\\\" at line 3 after 181 seconds.\"}");
        assertThat(failure(file), containsString("incomplete"));
    }

    @Test
    void aMemberOfUnknownType() throws IOException {
        Path file = Files.writeString(dir.resolve("member.osm"), "<osm version=\"0.6\">\n"
                + "  <relation id=\"1\"><member type=\"\" ref=\"x\"/><tag k=\"man_made\" v=\"surveillance\"/></relation>\n</osm>\n");
        assertThat(failure(file), containsString("member type"));
    }

    @Test
    void malformedXmlSaysWhere() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.osm"), "<?xml version=\"1.0\"?>\n<osm version=\"0.6\">\n"
                + "  <node id=\"1\" lat=\"48.0\" lon=\"2.0\"><tag k=\"man_made\" v=\"surveillance\"/></node>\n"
                + "  <node id=\"2\" lat=\"48.0\" lon=\"2.0\"><tag k=\"man_made\" v=\"surveillance\"></node>\n</osm>\n");
        assertThat(failure(file), containsString("line 4"));
    }

    @Test
    void anElementWithoutCoordinates() throws IOException {
        Path file = Files.writeString(dir.resolve("nolat.osm"), "<osm version=\"0.6\">\n"
                + "  <node id=\"1\" lon=\"2.0\"><tag k=\"man_made\" v=\"surveillance\"/></node>\n</osm>\n");
        assertThat(failure(file), containsString("lacks a valid id, lat, lon, ref or member type"));
    }

    @Test
    void unknownContent() throws IOException {
        assertThat(failure(Files.writeString(dir.resolve("notes.txt"), "cameras: many")), containsString("cannot tell the format"));
        assertThat(failure(Files.writeString(dir.resolve("page.html"), "<html><body>hi</body></html>")), containsString("not OpenStreetMap XML"));
        assertThat(failure(Files.writeString(dir.resolve("empty.json"), "")), containsString("is empty"));
    }

    @Test
    void missingFile() {
        assertThat(failure(dir.resolve("nowhere.pbf")), containsString("no such readable file"));
    }

    @Test
    void fullAreaWithoutBoundsIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("overpass.json"),
                "{\"elements\": [{\"type\": \"node\", \"id\": 9, \"lat\": 48.1, \"lon\": 2.1, \"tags\": {\"man_made\": \"surveillance\"}}]}");
        long before = sql.count("SELECT count(*) FROM camera");
        ImportFailure e = assertThrows(ImportFailure.class,
                () -> imports.importFile(file, new ImportOptions(null, true, null), c -> { }));
        assertThat(e.getMessage(), containsString("--full-area needs --bbox"));
        assertEquals(before, sql.count("SELECT count(*) FROM camera"));
    }
}
