package org.vigie.importer;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.vigie.cli.UsageException;
import org.vigie.support.Accounts;
import org.vigie.support.Api;
import org.vigie.support.SharedData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The import command line and the HTTP upload: same import, same report. */
@QuarkusTest
class ImportCommandTest extends ImportCommandFixture {

    private Path survey() throws IOException {
        return OsmXmlFiles.extract().camera(1001, 1, 2.001, 48.001).camera(1002, 1, 2.002, 48.002, "man_made", "monitoring_station")
                .write(dir, "survey.osm");
    }

    @Test
    void importsAndReports() throws IOException {
        assertEquals(0, command.run(List.of(survey().toString())));
        String report = console.out();
        assertThat(report, containsString("imported 1, updated 0, unchanged 0, removed 0"));
        assertThat(report, containsString("monitoring_station"));
        assertEquals(1, ImportFixtures.imported(sql, "osm"));
    }

    @Test
    void jsonReport() throws IOException {
        assertEquals(0, command.run(List.of("--json", survey().toString())));
        assertThat(console.out(), containsString("\"created\":1"));
    }

    @Test
    void aBrokenFileExitsNonZeroWithTheReason() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.osm"), "<osm><node id=\"1\" lat=\"4");
        assertEquals(1, command.run(List.of(bad.toString())));
        assertThat(console.err(), containsString("malformed XML"));
        assertThat(console.err(), containsString("nothing was imported from"));
    }

    @Test
    void forcingAFormat() throws IOException {
        assertEquals(1, command.run(List.of("--format", "pbf", survey().toString())));
        assertThat(console.err(), containsString("broken PBF"));
        assertEquals(0, ImportFixtures.imported(sql, "osm"));
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertThat(assertThrows(UsageException.class, () -> command.run(List.of())).getMessage(), containsString("at least one file"));
        assertThat(assertThrows(UsageException.class, () -> command.run(List.of("--format", "shp", "x"))).getMessage(), containsString("unknown format"));
        assertThat(assertThrows(UsageException.class, () -> command.run(List.of("--colour", "x"))).getMessage(), containsString("unknown option"));
        assertThat(assertThrows(UsageException.class, () -> command.run(List.of("--full-area", "--bbox", "3,2,1", "x"))).getMessage(), containsString("--bbox"));
    }

    @Test
    void uploadOverHttp() throws IOException {
        Accounts.admin().authorized().multiPart("file", survey().toFile()).post("/api/imports")
                .then().statusCode(200)
                .body("created", equalTo(1))
                .body("skipped.monitoring_station", equalTo(1))
                .body("format", equalTo("osm-xml"));
    }

    @Test
    void uploadOfABrokenFileIsA422ProblemAndImportsNothing() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.osm"), "<osm><node id=\"1\" lat=\"4");
        Accounts.admin().authorized().multiPart("file", bad.toFile()).post("/api/imports")
                .then().statusCode(422).contentType(Api.PROBLEM)
                .body("detail", containsString("bad.osm"))
                .body("detail", containsString("nothing was imported"));
        assertEquals(0, ImportFixtures.imported(sql, "osm"));
    }

    @Test
    void uploadOfAPbfWithACorruptBlockIsA422Problem() throws IOException {
        Path corrupt = PbfFiles.withCorruptLastBlock(SharedData.file("osm/monaco-2021-04-21.osm.pbf"), dir.resolve("corrupt.osm.pbf"));
        Accounts.admin().authorized().multiPart("file", corrupt.toFile()).post("/api/imports")
                .then().statusCode(422).contentType(Api.PROBLEM)
                .body("detail", containsString("invalid block type"))
                .body("detail", not(containsString("Exception"))) // no Java class names for the user
                .body("detail", containsString("nothing was imported"));
        assertEquals(0, ImportFixtures.imported(sql, "osm"));
    }

    @Test
    void uploadForAFullAreaNamesTheAreaWhenTheFileHasNone() throws IOException {
        Path overpass = Files.writeString(dir.resolve("overpass.json"),
                "[{\"type\": \"node\", \"id\": 77, \"lat\": 48.1, \"lon\": 2.1, \"tags\": {\"man_made\": \"surveillance\"}}]");
        Accounts.admin().authorized().multiPart("file", overpass.toFile()).multiPart("fullArea", "true").post("/api/imports")
                .then().statusCode(422).body("detail", containsString("fullArea needs the field bbox"));
        Accounts.admin().authorized().multiPart("file", overpass.toFile()).multiPart("fullArea", "true").multiPart("bbox", "2,48,3").post("/api/imports")
                .then().statusCode(400).body("errors[0].field", equalTo("bbox"));
        Accounts.admin().authorized().multiPart("file", overpass.toFile()).multiPart("fullArea", "true").multiPart("bbox", "2,48,3,49").post("/api/imports")
                .then().statusCode(200).body("created", equalTo(1)).body("removed", equalTo(0));
    }

    @Test
    void uploadWithoutAFileOrWithABadFormatIsA400() throws IOException {
        Accounts.admin().authorized().multiPart("format", "pbf").post("/api/imports").then().statusCode(400).contentType(Api.PROBLEM)
                .body("errors[0].field", equalTo("file"));
        Accounts.admin().authorized().multiPart("file", survey().toFile()).multiPart("format", "shp").post("/api/imports")
                .then().statusCode(400).body("errors[0].field", equalTo("format"));
    }
}
