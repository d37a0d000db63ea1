package org.vigie.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.locationtech.jts.io.WKBWriter;
import org.vigie.camera.Camera;
import org.vigie.camera.CameraDraft;
import org.vigie.camera.attribute.Capability;
import org.vigie.camera.rest.CameraProperties;
import org.vigie.common.geo.GeoJsonGeometry;

import java.time.OffsetDateTime;
import java.util.Arrays;

/**
 * Does the costly part of writing a new camera (field of view, geometry encoding, JSON) on the
 * reading thread, so that the writing thread only numbers rows and sends them.
 */
final class CameraPreparer {

    /** The columns of the COPY, id first: {@link #prepare} writes all but the id. */
    static final String CAMERA_COLUMNS = "camera (id, position, fov_area, kind, camera_type, mount, directions, "
            + "field_of_view, range_m, height_m, tilt, filmed_area, zone, level, capabilities, films_workstations, "
            + "operator, operator_type, signage, status, notes, source, source_id, tags, version, visible, created_at, "
            + "updated_at, source_version, source_hash, imported_version)";

    /** The Feature of a camera's history, without its leading "type" and "id" members. */
    private record FeatureBody(GeoJsonGeometry geometry, CameraProperties properties) {
    }

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
        c.version = 1;
        c.importedVersion = 1;
        c.source = source;
        c.sourceId = object.sourceId();
        c.sourceVersion = object.sourceVersion();
        c.sourceHash = hash;
        c.tags = object.tags();
        c.createdAt = now;
        c.updatedAt = now;
        CsvCopy row = new CsvCopy(2048);
        row.hex(wkb.write(c.position)).hex(wkb.write(c.fovArea))
                .field(c.kind.wire()).field(c.cameraType.wire()).field(c.mount.wire())
                .array(Arrays.stream(c.directions).boxed().toList()).field(c.fieldOfView).field(c.range)
                .field(c.height).field(c.tilt).field(c.filmedArea.wire()).field(c.zone.wire()).field(c.level)
                .array(c.capabilities.stream().map(Capability::wire).toList()).field(c.filmsWorkstations.wire())
                .field(c.operator).field(c.operatorType.wire()).field(c.signage.wire()).field(c.status.wire())
                .field(c.notes).field(c.source).field(c.sourceId).field(toJson(c.tags)).field(c.version).field(true)
                .field(c.createdAt).field(c.updatedAt).field(c.sourceVersion).field(c.sourceHash).field(c.importedVersion);
        String body = toJson(new FeatureBody(GeoJsonGeometry.of(c.position), CameraProperties.of(c)));
        return new PreparedCamera(object, draft, hash, row.text(), body.substring(1));
    }

    /** The history snapshot: the same Feature as the API's, id included. */
    static String feature(long id, PreparedCamera camera) {
        return "{\"type\":\"Feature\",\"id\":" + id + "," + camera.featureAfterId();
    }

    private String toJson(Object value) {
        try {
            return value == null ? null : json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }
}
