package org.vigie.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.locationtech.jts.io.WKBWriter;
import org.vigie.camera.Camera;
import org.vigie.camera.CameraDraft;
import org.vigie.camera.attribute.Capability;

import java.time.OffsetDateTime;

/**
 * Does the costly part of writing a new camera (geometry encoding, JSON) on the
 * reading thread, so that the writing thread only numbers rows, adds their cities and sends them.
 */
final class CameraPreparer {

    /** The columns of the COPY: the id first, the city last, and {@link #prepare} writes those between. */
    static final String CAMERA_COLUMNS = "camera (id, position, kind, camera_type, mount, directions, "
            + "field_of_view, range_m, height_m, tilt, filmed_area, zone, level, capabilities, films_workstations, "
            + "operator, operator_type, signage, status, notes, source, source_id, tags, version, visible, created_at, "
            + "updated_at, source_version, source_hash, imported_version, city_code)";
    static final int CAMERA_FIELDS = 31;

    private final ObjectMapper json;
    private final String source;
    private final OffsetDateTime now;
    private final WKBWriter wkb = new WKBWriter(2, true);

    CameraPreparer(ObjectMapper json, String source, OffsetDateTime now) {
        this.json = json;
        this.source = source;
        this.now = now;
    }

    PreparedCamera prepare(SourceObject object, CameraDraft draft) {
        String hash = SourceHash.of(object);
        Camera c = new Camera();
        draft.applyTo(c);
        BinaryCopy fields = new BinaryCopy(1024)
                .bytes(wkb.write(c.position))
                .text(c.kind.wire()).text(c.cameraType.wire()).text(c.mount.wire())
                .intArray(c.directions).integer(c.fieldOfView).integer(c.range)
                .float8(c.height).integer(c.tilt).text(c.filmedArea.wire()).text(c.zone.wire()).text(c.level)
                .textArray(c.capabilities.stream().map(Capability::wire).toList()).text(c.filmsWorkstations.wire())
                .text(c.operator).text(c.operatorType.wire()).text(c.signage.wire()).text(c.status.wire())
                .text(c.notes).text(source).text(object.sourceId()).jsonb(toJson(object.tags())).integer(1).bool(true)
                .timestamptz(now).timestamptz(now).integer(object.sourceVersion()).text(hash).integer(1);
        return new PreparedCamera(object, draft, hash, fields.trimmed());
    }

    private byte[] toJson(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }
}
