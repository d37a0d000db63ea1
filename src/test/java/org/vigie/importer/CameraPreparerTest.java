package org.vigie.importer;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.vigie.camera.CameraDraft;
import org.vigie.common.geo.Geometries;
import org.vigie.importer.osm.OsmTagMapper;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A prepared row holds the fields that BinaryCopy's per-field methods and Jackson's JSON gave, column by column. */
class CameraPreparerTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 24, 12, 30, 15, 123_456_000, ZoneOffset.UTC);

    /** The row as first written: each enum's wire name encoded as text, each constant field written per camera. */
    /** A prepared camera's fields before the city, as a copy. */
    private static byte[] fieldsBeforeCity(PreparedCamera c) {
        return Arrays.copyOfRange(c.rows(), c.from(), c.to());
    }

    private static byte[] reference(SourceObject o, CameraDraft d, String hash) throws IOException {
        byte[] before = new BinaryCopy(64).point(d.lon(), d.lat(), Geometries.WGS84)
                .text(d.kind().wire()).text(d.cameraType().wire()).text(d.mount().wire())
                .intArray(d.directions()).integer(d.effectiveFieldOfView()).integer(d.effectiveRange())
                .float8(d.height()).integer(d.tilt()).text(d.filmedArea().wire()).text(d.zone().wire()).text(d.level())
                .wireArray(d.capabilities()).text(d.filmsWorkstations().wire())
                .text(d.operator()).text(d.operatorType().wire()).text(d.signage().wire()).text(CameraPreparer.STATUS.wire())
                .text(d.notes()).text("osm").text(o.sourceId()).take();
        byte[] json = new ObjectMapper().writeValueAsBytes(o.tags());
        byte[] after = new BinaryCopy(64).integer(1).bool(true).timestamptz(NOW).timestamptz(NOW)
                .integer(o.sourceVersion()).text(hash).integer(1).date(d.firstSeen()).take();
        ByteArrayOutputStream row = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(row);
        out.write(before);
        out.writeInt(json.length + 1);
        out.write(1); // jsonb's version
        out.write(json);
        out.write(after);
        return row.toByteArray();
    }

    @Test
    void theFieldsAreThoseEachFieldsMethodWrites() throws IOException {
        CameraPreparer preparer = new CameraPreparer("osm", NOW);
        List<Map<String, String>> tagMaps = List.of(
                Map.of("man_made", "surveillance"),
                Map.of("man_made", "surveillance", "surveillance:type", "ALPR", "camera:type", "dome", "camera:mount", "pole",
                        "camera:direction", "0;90;180", "camera:angle", "15", "surveillance", "indoor",
                        "surveillance:zone", "bank", "operator", "Caméra \"SA\" 😀", "operator:type", "private"),
                Map.of("man_made", "surveillance", "surveillance", "webcam", "level", "-1", "name", "Parc", "description", "x\ny", "height", "4,5 m",
                        "camera:type", "panning", "surveillance:zone", "atm"));
        int i = 0;
        for (Map<String, String> tags : tagMaps) {
            SourceObject o = new SourceObject("node/" + (++i), i == 2 ? null : i, 7.42 + i, 43.73 - i, new HashMap<>(tags));
            CameraDraft d = ((Mapping.Accepted) OsmTagMapper.map(o.lon(), o.lat(), o.tags())).draft();
            PreparedCamera prepared = preparer.prepare(o, d);
            assertEquals(new SourceHash().of(o), prepared.hash());
            assertArrayEquals(reference(o, d, prepared.hash()), fieldsBeforeCity(prepared), tags.toString());
        }
    }

    @Test
    void camerasPreparedLaterLeaveTheFieldsOfEarlierOnesAlone() throws IOException {
        CameraPreparer preparer = new CameraPreparer("osm", NOW);
        List<PreparedCamera> prepared = new java.util.ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            // now and then a camera far larger than the others, so that the shared array grows under a camera
            String name = i % 97 == 5 ? "n".repeat(1990) + "é" : "Caméra " + i;
            Map<String, String> tags = Map.of("man_made", "surveillance", "name", name, "camera:direction", Integer.toString(i % 360));
            SourceObject o = new SourceObject("node/" + i, 1, 2.35 + i * 1e-5, 48.85, new HashMap<>(tags));
            prepared.add(preparer.prepare(o, ((Mapping.Accepted) OsmTagMapper.map(o.lon(), o.lat(), o.tags())).draft()));
        }
        for (PreparedCamera c : prepared) {
            assertArrayEquals(reference(c.object(), c.draft(), c.hash()), fieldsBeforeCity(c), c.object().sourceId());
        }
    }
}
