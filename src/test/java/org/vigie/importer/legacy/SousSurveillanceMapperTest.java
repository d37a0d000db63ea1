package org.vigie.importer.legacy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigie.camera.CameraDraft;
import org.vigie.camera.attribute.CameraType;
import org.vigie.camera.attribute.Kind;
import org.vigie.camera.attribute.OperatorType;
import org.vigie.camera.attribute.Zone;
import org.vigie.importer.Mapping;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

class SousSurveillanceMapperTest {

    private static CameraDraft map(String... keyValues) {
        Map<String, String> p = new HashMap<>(Map.of("id_camera", "2467", "apparence", "nue", "direction", "0", "angle", "0"));
        for (int i = 0; i < keyValues.length; i += 2) {
            p.put(keyValues[i], keyValues[i + 1]);
        }
        return assertInstanceOf(Mapping.Accepted.class, SousSurveillanceMapper.map(4.329, 43.837, p)).draft();
    }

    @ParameterizedTest(name = "apparence={0}")
    @CsvSource({"dome,camera,dome", "nue,camera,fixed", "boite,camera,fixed", "encastre,camera,fixed",
            "radar,other,unknown", "'',camera,unknown"})
    void appearanceGivesKindAndType(String appearance, String kind, String type) {
        CameraDraft d = map("apparence", appearance);
        assertEquals(kind, d.kind().wire());
        assertEquals(type, d.cameraType().wire());
    }

    @Test
    void directionAndAngleWhenTheyWereGiven() {
        CameraDraft d = map("direction", "285", "angle", "45");
        assertEquals(List.of(285), d.directions());
        assertEquals(45, d.fieldOfView());
    }

    @Test
    void theFormsDefaultsMeanNotGiven() {
        CameraDraft d = map("direction", "0", "angle", "0");
        assertEquals(List.of(), d.directions());
        assertNull(d.fieldOfView());
        assertEquals(List.of(), map("direction", "360").directions());
    }

    @Test
    void operatorAndItsType() {
        CameraDraft d = map("op_type", "public", "op_name", "ville de Nîmes ?");
        assertEquals(OperatorType.PUBLIC, d.operatorType());
        assertEquals("ville de Nîmes ?", d.operator());
        assertEquals(OperatorType.PRIVATE, map("op_type", "private").operatorType());
        assertEquals(OperatorType.UNKNOWN, map("op_type", "").operatorType());
    }

    @Test
    void thePopupIsReadAsTextForTheZone() {
        CameraDraft d = map("contenu_popup", "<h2>22 Avenue Carnot</h2><ul><li>Surveillance : banques</li></ul>");
        assertEquals(Zone.BANK, d.zone());
        assertEquals(Zone.UNKNOWN, map("contenu_popup", "<ul><li>Surveillance : </li></ul>").zone());
    }

    @Test
    void titleAndDescriptionBecomeNotes() {
        assertEquals("111-123 Route de Sauve — en face", map("title", "111-123 Route de Sauve", "description", "en face").notes());
    }

    @Test
    void aCameraWithoutIdIsSkipped() {
        assertEquals("missing_id", assertInstanceOf(Mapping.Skipped.class,
                SousSurveillanceMapper.map(4.3, 43.8, Map.of("apparence", "dome"))).reason());
    }

    @Test
    void radarsKeepTheirKindOther() {
        assertEquals(Kind.OTHER, map("apparence", "radar").kind());
        assertEquals(CameraType.UNKNOWN, map("apparence", "radar").cameraType());
    }
}
