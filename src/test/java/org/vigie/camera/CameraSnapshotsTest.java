package org.vigie.camera;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.vigie.camera.attribute.CameraType;
import org.vigie.camera.attribute.Capability;
import org.vigie.camera.attribute.Mount;
import org.vigie.camera.attribute.YesNoUnknown;
import org.vigie.camera.attribute.Zone;
import org.vigie.camera.rest.CameraFeature;
import org.vigie.common.geo.Geometries;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The history stores less than the Feature, and its readers get the whole Feature back. */
@QuarkusTest
class CameraSnapshotsTest {

    @Inject
    ObjectMapper json;
    @Inject
    CameraHistory history;

    @Test
    void aPropertyLeftOutIsReadBackAsTheValueANewCameraHasForIt() {
        // were a default to change, a left-out property would be read back as something it never was
        Map<String, Object> properties = properties(whole(camera()));
        CameraSnapshots.NOTHING_KNOWN.forEach((name, value) -> {
            assertTrue(properties.containsKey(name), name + " is a property of the Feature");
            assertEquals(value, properties.get(name), name);
        });
    }

    @Test
    void aCameraKnowingLittleIsStoredWithoutWhatIsNotKnownAndReadBackWhole() {
        Camera camera = camera();
        Map<String, Object> stored = history.snapshot(camera);
        CameraSnapshots.NOTHING_KNOWN.keySet().forEach(name ->
                assertFalse(properties(stored).containsKey(name), name + " left out"));
        assertEquals(whole(camera), CameraSnapshots.expand(stored));
    }

    @Test
    void whatIsKnownIsKeptEvenWhenItLooksLikeNothing() {
        Camera camera = camera();
        camera.tilt = 0;
        camera.height = 0.0;
        camera.operator = "unknown"; // a free text: only an enumeration's "unknown" means nothing is known
        camera.cameraType = CameraType.DOME;
        camera.directions = new int[] {0};
        camera.capabilities = EnumSet.of(Capability.ZOOM);
        camera.staffInformed = YesNoUnknown.NO;
        camera.firstSeen = LocalDate.of(2020, 1, 1);
        Map<String, Object> stored = properties(history.snapshot(camera));
        assertEquals(0, stored.get("tilt"));
        assertEquals("unknown", stored.get("operator"));
        assertEquals("dome", stored.get("cameraType"));
        assertEquals(java.util.List.of(0), stored.get("directions"));
        assertEquals("no", stored.get("staffInformed"));
        assertEquals(whole(camera), CameraSnapshots.expand(history.snapshot(camera)));
    }

    @Test
    void anyCameraIsReadBackAsItsWholeFeature() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 200; i++) {
            Camera camera = camera();
            if (random.nextBoolean()) {
                camera.mount = Mount.values()[random.nextInt(Mount.values().length)];
            }
            if (random.nextBoolean()) {
                camera.zone = Zone.values()[random.nextInt(Zone.values().length)];
            }
            if (random.nextBoolean()) {
                camera.tilt = random.nextInt(-90, 91);
            }
            if (random.nextBoolean()) {
                camera.notes = random.nextBoolean() ? "" : "note " + i;
            }
            if (random.nextBoolean()) {
                camera.confirmations = random.nextInt(3);
            }
            if (random.nextBoolean()) {
                camera.tags = Map.of("man_made", "surveillance", "camera:type", random.nextBoolean() ? "unknown" : "fixed");
            }
            assertEquals(whole(camera), CameraSnapshots.expand(history.snapshot(camera)), "camera " + i);
        }
    }

    @Test
    void aSnapshotStoredWholeIsReadAsItIs() {
        Map<String, Object> whole = whole(camera());
        assertEquals(whole, CameraSnapshots.expand(whole));
    }

    private static Camera camera() {
        Camera camera = new Camera();
        camera.id = 7L;
        camera.position = Geometries.point(2.35, 48.85);
        camera.fieldOfView = 60;
        camera.range = 40;
        camera.version = 1;
        camera.createdAt = OffsetDateTime.parse("2026-12-06T10:00:00Z");
        camera.updatedAt = camera.createdAt;
        return camera;
    }

    /** The Feature as the API shows it, every property included. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> whole(Camera camera) {
        return json.convertValue(CameraFeature.of(camera, false), Map.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> snapshot) {
        return (Map<String, Object>) snapshot.get("properties");
    }
}
