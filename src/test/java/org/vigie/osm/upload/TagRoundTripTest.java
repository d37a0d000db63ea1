package org.vigie.osm.upload;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigie.camera.Camera;
import org.vigie.camera.CameraDraft;
import org.vigie.camera.attribute.CameraType;
import org.vigie.camera.attribute.FilmedArea;
import org.vigie.camera.attribute.Kind;
import org.vigie.camera.attribute.Mount;
import org.vigie.camera.attribute.OperatorType;
import org.vigie.camera.attribute.Zone;
import org.vigie.importer.ImportOptions;
import org.vigie.importer.ImportService;
import org.vigie.importer.Mapping;
import org.vigie.importer.osm.OsmTagMapper;
import org.vigie.support.SharedData;
import org.vigie.support.Sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OpenStreetMap → Vigie → OpenStreetMap gives back the same tags, for every surveillance object
 * of the real extracts in ../shared/data; and a camera whose fields volunteers changed gives tags
 * that OpenStreetMap → Vigie reads back as those fields.
 */
@QuarkusTest
class TagRoundTripTest {

    @Inject
    ImportService imports;
    @Inject
    Sql sql;

    @ParameterizedTest
    @ValueSource(strings = {"osm/monaco-2021-04-21.osm.pbf", "osm/virginia-tech-campus-2012.osm",
            "osm/webcams-world-overpass-2024-06-23.json"})
    void everySurveillanceObjectComesBackWithItsTags(String extract) {
        for (String table : new String[] {"camera_version", "camera_confirmation", "camera_report", "photo", "osm_upload_item"}) {
            sql.update("DELETE FROM " + table + " WHERE camera_id IN (SELECT id FROM camera WHERE source <> 'volunteer')");
        }
        sql.update("DELETE FROM camera WHERE source <> 'volunteer'");
        imports.importFile(SharedData.file(extract), ImportOptions.defaults(), c -> { });

        List<String> differences = new ArrayList<>();
        int[] checked = {0};
        QuarkusTransaction.requiringNew().run(() -> {
            for (Camera c : Camera.<Camera>list("source", Camera.SOURCE_OSM)) {
                checked[0]++;
                Map<String, String> back = OsmTagWriter.tags(c);
                if (!back.equals(c.tags)) {
                    differences.add(c.sourceId + ": " + c.tags + " came back as " + back);
                }
                changedFieldsReadBack(c, differences);
            }
        });
        assertTrue(checked[0] >= 10, extract + " holds surveillance objects: " + checked[0]);
        assertEquals(List.of(), differences.subList(0, Math.min(10, differences.size())), differences.size() + " differ");
    }

    /** Every field Vigie sends, changed as a volunteer would: the tags written read back as the new values. */
    private static void changedFieldsReadBack(Camera c, List<String> differences) {
        c.kind = c.kind == Kind.ALPR ? Kind.CAMERA : Kind.ALPR;
        c.cameraType = c.cameraType == CameraType.DOME ? CameraType.PANNING : CameraType.DOME;
        c.mount = c.mount == Mount.POLE ? Mount.STREET_LAMP : Mount.POLE;
        c.directions = new int[] {15, 200};
        c.height = 3.5;
        c.tilt = -20;
        c.filmedArea = c.filmedArea == FilmedArea.OUTDOOR ? FilmedArea.PUBLIC : FilmedArea.OUTDOOR;
        c.zone = c.zone == Zone.PARKING ? Zone.SHOP : Zone.PARKING;
        c.level = "-1";
        c.operator = "Opérateur d'essai";
        c.operatorType = c.operatorType == OperatorType.PRIVATE ? OperatorType.PUBLIC : OperatorType.PRIVATE;
        Map<String, String> tags = OsmTagWriter.tags(c);
        if (!(OsmTagMapper.map(c.position.getX(), c.position.getY(), tags) instanceof Mapping.Accepted a)) {
            differences.add(c.sourceId + ": changed, its tags are no longer a camera: " + tags);
            return;
        }
        CameraDraft d = a.draft();
        boolean same = d.kind() == c.kind && d.cameraType() == c.cameraType && d.mount() == c.mount
                && d.directions().equals(List.of(15, 200)) && Double.valueOf(3.5).equals(d.height())
                && Integer.valueOf(-20).equals(d.tilt()) && d.filmedArea() == c.filmedArea && d.zone() == c.zone
                && "-1".equals(d.level()) && c.operator.equals(d.operator()) && d.operatorType() == c.operatorType;
        if (!same) {
            differences.add(c.sourceId + ": changed fields written as " + tags + " read back as " + d);
        }
    }
}
