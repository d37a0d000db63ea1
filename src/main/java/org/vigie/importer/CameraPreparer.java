package org.vigie.importer;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.vigie.camera.CameraDraft;
import org.vigie.camera.attribute.CameraStatus;
import org.vigie.common.geo.Geometries;

import java.time.OffsetDateTime;

/**
 * Does the costly part of writing a new camera (geometry encoding, JSON, the source digest) on the
 * reading thread, so that the writing thread only adds their cities and sends them.
 * The COPY fields are written straight from the mapped draft, as {@code CameraDraft#applyTo} and
 * the entity's defaults would set them: no entity is built for a new camera. One per reading thread.
 */
final class CameraPreparer {

    /**
     * The columns of the COPY: {@link #prepare} writes all but the last, the city, found per block by
     * the writer. The id is the column's default (no history row needs it beforehand).
     */
    static final String CAMERA_COLUMNS = "camera (position, kind, camera_type, mount, directions, "
            + "field_of_view, range_m, height_m, tilt, filmed_area, zone, level, capabilities, films_workstations, "
            + "operator, operator_type, signage, status, notes, source, source_id, tags, version, visible, created_at, "
            + "updated_at, source_version, source_hash, imported_version, city_code)";
    static final int CAMERA_FIELDS = 30;
    /** The status of every new camera. */
    static final CameraStatus STATUS = CameraStatus.REPORTED;

    private final String source;
    private final OffsetDateTime now;
    private final SourceHash hashes = new SourceHash();
    private final TagsJson tagsJson = new TagsJson();
    /** Reused for every camera: only the finished fields are copied out. */
    private final BinaryCopy scratch = new BinaryCopy(2048);

    CameraPreparer(String source, OffsetDateTime now) {
        this.source = source;
        this.now = now;
    }

    /** As ImportService calls it: the tags' JSON no longer goes through {@code json} (see {@link TagsJson}). */
    CameraPreparer(ObjectMapper json, String source, OffsetDateTime now) {
        this(source, now);
    }

    PreparedCamera prepare(SourceObject object, CameraDraft d) {
        String hash = hashes.of(object);
        scratch.point(d.lon(), d.lat(), Geometries.WGS84)
                .text(d.kind().wire()).text(d.cameraType().wire()).text(d.mount().wire())
                .intArray(d.directions()).integer(d.effectiveFieldOfView()).integer(d.effectiveRange())
                .float8(d.height()).integer(d.tilt()).text(d.filmedArea().wire()).text(d.zone().wire()).text(d.level())
                .wireArray(d.capabilities()).text(d.filmsWorkstations().wire())
                .text(d.operator()).text(d.operatorType().wire()).text(d.signage().wire()).text(STATUS.wire())
                .text(d.notes()).text(source).text(object.sourceId()).jsonb(tagsJson.of(object.tags())).integer(1).bool(true)
                .timestamptz(now).timestamptz(now).integer(object.sourceVersion()).text(hash).integer(1);
        return new PreparedCamera(object, d, hash, scratch.take());
    }
}
