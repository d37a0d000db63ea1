package org.vigie.importer;

import crosby.binary.Fileformat;
import com.google.protobuf.ByteString;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.vigie.support.Accounts;
import org.vigie.support.Api;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The importer's bounds on hostile files (issue 19): what a block, a gzip stream or an XML value may
 * declare or inflate to is checked before the memory is taken, and a file in which nothing is of its
 * format is a failure (exit 1, 422), not "0 imported".
 */
@QuarkusTest
class ImportBoundsTest extends ImportCommandFixture {

    @Inject
    ImportService imports;

    private String failure(Path file) {
        long cameras = sql.count("SELECT count(*) FROM camera");
        ImportFailure e = assertThrows(ImportFailure.class, () -> imports.importFile(file, ImportOptions.defaults(), c -> { }));
        assertEquals(cameras, sql.count("SELECT count(*) FROM camera"), "no camera written");
        return e.getMessage();
    }

    @Test
    void aPbfBlockDeclaringMoreThan32MegabytesIsRefusedBeforeAllocation() throws IOException {
        // A few dozen bytes that declare a 2 GB block: the osmpbf reader would allocate it, then its copy.
        byte[] blob = Fileformat.Blob.newBuilder().setRawSize(Integer.MAX_VALUE)
                .setZlibData(ByteString.copyFrom(new byte[] {120, -100, 3, 0, 0, 0, 0, 1})).build().toByteArray();
        byte[] header = Fileformat.BlobHeader.newBuilder().setType("OSMHeader").setDatasize(blob.length).build().toByteArray();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(file);
        out.writeInt(header.length);
        out.write(header);
        out.write(blob);
        Path pbf = Files.write(dir.resolve("bomb.osm.pbf"), file.toByteArray());
        assertThat(failure(pbf), containsString("declares a raw_size of " + Integer.MAX_VALUE + " bytes, more than the 33554432"));
    }

    @Test
    void aGzipInputInflatingBeyondItsBoundIsRefusedNamingTheBound() throws IOException {
        Path gz = dir.resolve("bomb.json.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("{\"elements\": [".getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 70; i++) {
                out.write(spaces);
            }
            out.write("]}".getBytes(StandardCharsets.UTF_8));
        }
        String message = failure(gz);
        assertThat(message, containsString("inflates to more than " + 64L * 1024 * 1024 + " bytes"));
    }

    @Test
    void anXmlValueLongerThanAMegabyteIsRefused() throws IOException {
        Path xml = Files.writeString(dir.resolve("long.osm"), "<osm version=\"0.6\"><node id=\"1\" lat=\"48.1\" lon=\"2.1\">"
                + "<tag k=\"man_made\" v=\"" + "x".repeat(2 * 1024 * 1024) + "\"/></node></osm>");
        assertThat(failure(xml), containsString("longer than 1048576 bytes"));
    }

    @Test
    void aFileOfNoOsmFormatIsAFailureNotZeroImported() throws IOException {
        Path objects = Files.writeString(dir.resolve("cameras.json"),
                "[{\"id\": 1, \"lat\": 48.1, \"lon\": 2.1, \"type\": \"camera\"}, {\"id\": 2, \"lat\": 48.2, \"lon\": 2.2, \"type\": \"dome\"}]");
        assertThat(failure(objects), containsString("was recognised as overpass-json"));

        assertEquals(1, command.run(List.of(objects.toString())), "the command exits 1");
        assertThat(console.err(), containsString("node, way or relation"));

        Accounts.admin().authorized().multiPart("file", objects.toFile()).post("/api/imports")
                .then().statusCode(422).contentType(Api.PROBLEM)
                .body("detail", containsString("cameras.json"))
                .body("detail", org.hamcrest.Matchers.not(containsString(dir.toString())));
    }

    @Test
    void anEmptyOverpassAnswerIsStillZeroImported() throws IOException {
        Path empty = Files.writeString(dir.resolve("none.json"), "{\"elements\": []}");
        assertEquals(0, imports.importFile(empty, ImportOptions.defaults(), c -> { }).created());
    }

    @Test
    void theUploadReportNamesTheFileByItsOwnName() throws IOException {
        Path survey = OsmXmlFiles.extract().camera(1001, 1, 2.001, 48.001).write(dir, "survey.osm");
        Accounts.admin().authorized().multiPart("file", survey.toFile()).post("/api/imports")
                .then().statusCode(200).body("file", equalTo("survey.osm"));
    }
}
