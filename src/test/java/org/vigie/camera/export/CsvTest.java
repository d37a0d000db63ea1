package org.vigie.camera.export;

import org.junit.jupiter.api.Test;
import org.vigie.camera.rest.CameraProperties;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvTest {

    @Test
    void fieldsAreQuotedOnlyWhenRfc4180AsksForIt() {
        assertEquals("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\r\nlines\",,\" edge\"\r\n",
                Csv.record(Arrays.asList("plain", "a,b", "say \"hi\"", "two\r\nlines", null, " edge")));
    }

    @Test
    void whatTheWriterWritesTheReaderReadsBack() {
        List<String> fields = List.of("Société, \"Générale\"", "ligne 1\nligne 2", "", "Besançon");
        assertEquals(List.of(fields), CsvReader.parse(Csv.record(fields)));
    }

    @Test
    void formulasInFreeTextAreNeutralised() {
        assertEquals("'=1+1", CameraCsv.safe("=1+1"));
        assertEquals("'@SUM(A1)", CameraCsv.safe("@SUM(A1)"));
        assertEquals("Ville de Lyon", CameraCsv.safe("Ville de Lyon"));
        // Numbers, such as a basement floor, are left as they are.
        assertEquals("-1", CameraCsv.safe("-1"));
        assertEquals("+2.5", CameraCsv.safe("+2.5"));
        assertEquals("'-rm -rf", CameraCsv.safe("-rm -rf"));
    }

    @Test
    void everyPropertyOfTheApiHasAColumn() {
        for (var component : CameraProperties.class.getRecordComponents()) {
            String name = component.getName();
            boolean present = switch (name) {
                case "city" -> CameraCsv.COLUMNS.containsAll(List.of("cityCode", "cityName"));
                case "site" -> CameraCsv.COLUMNS.containsAll(List.of("siteId", "siteName"));
                case "authorisation" -> CameraCsv.COLUMNS.containsAll(List.of("authorisationId", "authorisationReference"));
                default -> CameraCsv.COLUMNS.contains(name);
            };
            assertTrue(present, "no CSV column for the property " + name);
        }
        assertTrue(CameraCsv.COLUMNS.containsAll(List.of("id", "lon", "lat", "attribution")));
    }
}
