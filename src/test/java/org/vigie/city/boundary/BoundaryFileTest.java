package org.vigie.city.boundary;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading boundary files: property detection and the reasons a feature is refused. */
class BoundaryFileTest {

    static final String SQUARE = "{\"type\": \"Polygon\", \"coordinates\": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]}";

    @Test
    void frenchCommuneFilesUseNomAndCode() throws IOException {
        BoundaryFile.Contents contents = read(feature("{\"nom\": \"Lyon\", \"code\": \"69123\"}", SQUARE));
        assertEquals("nom", contents.nameProperty());
        assertEquals("code", contents.codeProperty());
        assertEquals(new Boundary(1, "69123", "Lyon", contents.boundaries().get(0).geometryJson()), contents.boundaries().get(0));
    }

    @Test
    void openStreetMapBoundariesUseNameAndRefInsee() throws IOException {
        BoundaryFile.Contents contents = read(feature(
                "{\"name\": \"Lyon\", \"ref:INSEE\": \"69123\", \"boundary\": \"administrative\"}", SQUARE));
        assertEquals("name", contents.nameProperty());
        assertEquals("ref:INSEE", contents.codeProperty());
        assertEquals("69123", contents.boundaries().get(0).code());
    }

    @Test
    void numericCodesAreAccepted() throws IOException {
        assertEquals("75056", read(feature("{\"nom\": \"Paris\", \"code\": 75056}", SQUARE)).boundaries().get(0).code());
    }

    @Test
    void multiPolygonsAreBoundariesToo() throws IOException {
        String multi = "{\"type\": \"MultiPolygon\", \"coordinates\": [[[[0, 0], [1, 0], [1, 1], [0, 0]]], [[[2, 2], [3, 2], [3, 3], [2, 2]]]]}";
        assertEquals(1, read(feature("{\"nom\": \"Marseille\", \"code\": \"13055\"}", multi)).boundaries().size());
    }

    @Test
    void geometryProblemsAreNamed() {
        assertProblem("{\"type\": \"Polygon\", \"coordinates\": [[[0, 0], [1, 0], [0, 0]]]}", "ring 1 must have at least 4 positions");
        assertProblem("{\"type\": \"Polygon\", \"coordinates\": [[[0, 0], [1, 0], [1, 1], [0, 2]]]}", "ring 1 is not closed");
        assertProblem("{\"type\": \"Polygon\", \"coordinates\": [[[0, 0], [200, 0], [1, 1], [0, 0]]]}", "position 2 [200.0, 0.0] is outside");
        assertProblem("{\"type\": \"Polygon\", \"coordinates\": [[[0, 0], [\"1\", 0], [1, 1], [0, 0]]]}", "position 2 is not [longitude, latitude]");
        assertProblem("{\"type\": \"LineString\", \"coordinates\": [[0, 0], [1, 1]]}", "geometry is a LineString");
        assertProblem("{\"type\": \"MultiPolygon\", \"coordinates\": []}", "non-empty array of polygons");
        assertProblem("null", "has no geometry");
    }

    @Test
    void aFileWithoutCodesSaysWhichOptionToUse() {
        InvalidBoundaryFile e = assertThrows(InvalidBoundaryFile.class,
                () -> read(feature("{\"nom\": \"Lyon\", \"INSEE_COM\": \"69123\"}", SQUARE)));
        assertTrue(e.getMessage().contains("--code-property"), e.getMessage());
    }

    private static void assertProblem(String geometry, String expected) {
        InvalidBoundaryFile e = assertThrows(InvalidBoundaryFile.class,
                () -> read(feature("{\"nom\": \"X\", \"code\": \"1\"}", geometry)));
        assertEquals(1, e.problems().size());
        assertTrue(e.problems().get(0).startsWith("feature 1 (code 1) \"X\": "), e.problems().get(0));
        assertTrue(e.problems().get(0).contains(expected), e.problems().get(0));
    }

    private static BoundaryFile.Contents read(String feature) throws IOException {
        String file = "{\"type\": \"FeatureCollection\", \"features\": [" + feature + "]}";
        return BoundaryFile.read(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), null, null);
    }

    private static String feature(String properties, String geometry) {
        return "{\"type\": \"Feature\", \"properties\": " + properties + ", \"geometry\": " + geometry + "}";
    }
}
