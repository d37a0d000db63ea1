package org.vigie.importer.osm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigie.camera.CameraDraft;
import org.vigie.camera.attribute.CameraType;
import org.vigie.camera.attribute.Capability;
import org.vigie.camera.attribute.FilmedArea;
import org.vigie.camera.attribute.Kind;
import org.vigie.camera.attribute.Mount;
import org.vigie.camera.attribute.OperatorType;
import org.vigie.camera.attribute.WireEnum;
import org.vigie.camera.attribute.Zone;
import org.vigie.importer.Mapping;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OsmTagMapperTest {

    private static Mapping.Accepted accept(Map<String, String> tags) {
        return assertInstanceOf(Mapping.Accepted.class, OsmTagMapper.map(7.42, 43.73, tags));
    }

    private static CameraDraft camera(String... keyValues) {
        Map<String, String> tags = new HashMap<>(Map.of("man_made", "surveillance"));
        for (int i = 0; i < keyValues.length; i += 2) {
            tags.put(keyValues[i], keyValues[i + 1]);
        }
        return accept(tags).draft();
    }

    private static String skipReason(Map<String, String> tags) {
        return assertInstanceOf(Mapping.Skipped.class, OsmTagMapper.map(7.42, 43.73, tags)).reason();
    }

    @Test
    void aFullyTaggedCamera() {
        CameraDraft d = camera("surveillance:type", "camera", "camera:type", "dome", "camera:mount", "pole",
                "camera:direction", "240", "camera:angle", "15", "height", "4.5", "surveillance", "public",
                "surveillance:zone", "traffic", "operator", "Ville de Monaco", "operator:type", "government",
                "level", "1", "name", "Place du Casino");
        assertEquals(Kind.CAMERA, d.kind());
        assertEquals(CameraType.DOME, d.cameraType());
        assertEquals(Mount.POLE, d.mount());
        assertEquals(List.of(240), d.directions());
        assertEquals(15, d.tilt());
        assertEquals(4.5, d.height());
        assertEquals(FilmedArea.PUBLIC, d.filmedArea());
        assertEquals(Zone.TRAFFIC, d.zone());
        assertEquals("Ville de Monaco", d.operator());
        assertEquals(OperatorType.PUBLIC, d.operatorType());
        assertEquals("1", d.level());
        assertEquals("Place du Casino", d.notes());
        assertEquals(7.42, d.lon());
        assertEquals(43.73, d.lat());
    }

    @Test
    void surveillanceInsideAListIsImported() {
        assertEquals(Kind.CAMERA, accept(Map.of("man_made", "tower;surveillance")).draft().kind());
        assertEquals(Kind.CAMERA, accept(Map.of("man_made", "antenna; surveillance")).draft().kind());
    }

    @Test
    void otherObjectsAreSkippedByReason() {
        assertEquals("monitoring_station", skipReason(Map.of("man_made", "monitoring_station", "surveillance", "webcam")));
        assertEquals("not_surveillance", skipReason(Map.of("amenity", "pub", "surveillance", "webcam")));
        assertEquals("not_surveillance", skipReason(Map.of("man_made", "mast")));
        assertEquals("untagged", skipReason(Map.of()));
    }

    @ParameterizedTest(name = "surveillance:type={0} -> {1}")
    @CsvSource({"camera,camera", "ALPR,alpr", "ANPR,alpr", "alpr,alpr", "guard,guard", "webcam,webcam", "weather,other"})
    void kindComesFromSurveillanceType(String value, String kind) {
        assertEquals(kind, camera("surveillance:type", value).kind().wire());
    }

    @Test
    void alprCamerasReadPlates() {
        assertEquals(Set.of(Capability.ALPR), camera("surveillance:type", "ALPR").capabilities());
    }

    @Test
    void webcamSurveillanceMakesAWebcam() {
        CameraDraft d = camera("surveillance:type", "camera", "surveillance", "webcam;public");
        assertEquals(Kind.WEBCAM, d.kind());
        assertEquals(FilmedArea.PUBLIC, d.filmedArea());
    }

    @Test
    void noSurveillanceTypeMeansACamera() {
        assertEquals(Kind.CAMERA, camera().kind());
    }

    @ParameterizedTest(name = "camera:mount={0} -> {1}")
    @CsvSource({"wall,wall", "pole,pole", "ceiling,ceiling", "street_lamp,street_lamp", "traffic_signals,traffic_signals",
            "traffic_signal,traffic_signals", "building,building", "roof,other", "tree,other"})
    void mountFollowsTheWiki(String value, String mount) {
        assertEquals(mount, camera("camera:mount", value).mount().wire());
    }

    @ParameterizedTest(name = "camera:type={0} -> {1}")
    @CsvSource({"fixed,fixed", "dome,dome", "Dome,dome", "panning,panning", "moving,unknown", "AXIS 214 PTZ,unknown"})
    void cameraTypeFollowsTheWiki(String value, String type) {
        assertEquals(type, camera("camera:type", value).cameraType().wire());
    }

    @Test
    void cameraDirectionComesFirstThenDirectionThenSurveillanceDirection() {
        assertEquals(List.of(10), camera("camera:direction", "10", "direction", "20", "surveillance:direction", "30").directions());
        assertEquals(List.of(20), camera("direction", "20", "surveillance:direction", "30").directions());
        assertEquals(List.of(30), camera("surveillance:direction", "30").directions());
    }

    @Test
    void aTurningRangeWidensTheFieldOfView() {
        CameraDraft d = camera("camera:type", "fixed", "camera:direction", "0-90");
        assertEquals(List.of(45), d.directions());
        assertEquals(60 + 90, d.effectiveFieldOfView());
        CameraDraft all = camera("camera:type", "panning", "camera:direction", "0 - 360");
        assertEquals(List.of(), all.directions());
        assertEquals(360, all.effectiveFieldOfView());
    }

    @Test
    void nonsenseDirectionsAreNotedNotGuessed() {
        Mapping.Accepted a = accept(Map.of("man_made", "surveillance", "camera:direction", "fixme"));
        assertEquals(List.of(), a.draft().directions());
        assertTrue(a.notes().contains("direction_unparsed"));
    }

    @Test
    void cameraAngleIsTheTiltNotTheWidth() {
        CameraDraft d = camera("camera:type", "fixed", "camera:angle", "20");
        assertEquals(20, d.tilt());
        assertEquals(CameraType.FIXED.defaultFieldOfView(), d.effectiveFieldOfView());
    }

    @ParameterizedTest(name = "surveillance={0} -> {1}")
    @CsvSource({"public,public", "outdoor,outdoor", "indoor,indoor", "Public,public", "traffic,unknown"})
    void filmedAreaComesFromSurveillance(String value, String area) {
        assertEquals(area, camera("surveillance", value).filmedArea().wire());
    }

    @ParameterizedTest(name = "surveillance:zone={0} -> {1}")
    @CsvSource({"traffic,traffic", "parking,parking", "town,town", "shop,shop", "bank,bank", "building,building",
            "station,transport", "atm,bank", "area,other", "'traffic, parking',traffic"})
    void zoneComesFromSurveillanceZone(String value, String zone) {
        assertEquals(zone, camera("surveillance:zone", value).zone().wire());
    }

    @ParameterizedTest(name = "operator:type={0} -> {1}")
    @CsvSource({"public,public", "government,public", "private,private", "private_for_profit,private", "weird,unknown"})
    void operatorTypeIsPublicOrPrivate(String value, String type) {
        assertEquals(type, camera("operator:type", value).operatorType().wire());
    }

    @Test
    void unreadableNumbersAreNoted() {
        Mapping.Accepted a = accept(Map.of("man_made", "surveillance", "camera:angle", "steep", "height", "tall"));
        assertNull(a.draft().tilt());
        assertNull(a.draft().height());
        assertTrue(a.notes().containsAll(List.of("camera_angle_unparsed", "height_unparsed")));
    }

    @Test
    void longOperatorsAreCutToTheLimit() {
        Mapping.Accepted a = accept(Map.of("man_made", "surveillance", "operator", "x".repeat(300)));
        assertEquals(CameraDraft.MAX_OPERATOR, a.draft().operator().length());
        assertTrue(a.notes().contains("operator_too_long"));
    }

    @Test
    void invalidPositionsAreSkipped() {
        assertEquals("invalid_position", assertInstanceOf(Mapping.Skipped.class,
                OsmTagMapper.map(Double.NaN, 43, Map.of("man_made", "surveillance"))).reason());
        assertEquals("invalid_position", assertInstanceOf(Mapping.Skipped.class,
                OsmTagMapper.map(7, 95, Map.of("man_made", "surveillance"))).reason());
    }

    @Test
    void everyMappedValueIsAValidWireValue() {
        CameraDraft d = camera("camera:mount", "gantry", "surveillance:zone", "volcano");
        assertTrue(WireEnum.parse(Mount.class, d.mount().wire()).isPresent());
        assertEquals(Zone.OTHER, d.zone());
    }
}
