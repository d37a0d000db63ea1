package org.vigie.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.vigie.camera.CameraDraft;
import org.vigie.camera.attribute.CameraStatus;
import org.vigie.camera.attribute.CameraType;
import org.vigie.camera.attribute.FilmedArea;
import org.vigie.camera.attribute.Kind;
import org.vigie.camera.attribute.Mount;
import org.vigie.camera.attribute.OperatorType;
import org.vigie.camera.attribute.Signage;
import org.vigie.camera.attribute.YesNoUnknown;
import org.vigie.camera.attribute.Zone;
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
     * The columns of the COPY: {@link #prepare} writes all but the first and the last, the id and the
     * city, found per block by the writer (the id from the table's sequence, so that the version 1
     * history rows can be built before the cameras are stored: ImportedVersions).
     */
    static final String CAMERA_COLUMNS = "camera (id, position, kind, camera_type, mount, directions, "
            + "field_of_view, range_m, height_m, tilt, filmed_area, zone, level, capabilities, films_workstations, "
            + "operator, operator_type, signage, status, notes, source, source_id, tags, version, visible, created_at, "
            + "updated_at, source_version, source_hash, imported_version, first_seen, city_code)";
    static final int CAMERA_FIELDS = 32;
    /** The status of every new camera. */
    static final CameraStatus STATUS = CameraStatus.REPORTED;

    private static final WireFields<Kind> KINDS = new WireFields<>(Kind.class);
    private static final WireFields<CameraType> CAMERA_TYPES = new WireFields<>(CameraType.class);
    private static final WireFields<Mount> MOUNTS = new WireFields<>(Mount.class);
    private static final WireFields<FilmedArea> FILMED_AREAS = new WireFields<>(FilmedArea.class);
    private static final WireFields<Zone> ZONES = new WireFields<>(Zone.class);
    private static final WireFields<YesNoUnknown> YES_NO_UNKNOWN = new WireFields<>(YesNoUnknown.class);
    private static final WireFields<OperatorType> OPERATOR_TYPES = new WireFields<>(OperatorType.class);
    private static final WireFields<Signage> SIGNAGES = new WireFields<>(Signage.class);
    private static final byte[] STATUS_FIELD = new WireFields<>(CameraStatus.class).of(STATUS);
    /** Well below the size G1 allocates apart (half a region of at least 1 MB). */
    private static final int CHUNK = 64 * 1024;

    /** The source's name as a field, and the run of fields after the tags that every camera of the import shares. */
    private final byte[] sourceField;
    private final byte[] importFields;
    private final SourceHash hashes = new SourceHash();
    private final String source;
    private final OffsetDateTime now;
    /** Jackson writes the tags as the entity's jsonb column would hold them; one writer, thread-safe. */
    private static final ObjectWriter TAGS_JSON = new ObjectMapper().writer();
    /**
     * The cameras' fields, one after another; each array is shared by a few hundred cameras and, once
     * left for a new one, never written again (the writing thread reads the cameras handed over).
     */
    private BinaryCopy rows = new BinaryCopy(CHUNK);

    CameraPreparer(String source, OffsetDateTime now) {
        this.source = source;
        this.now = now;
        BinaryCopy fields = new BinaryCopy(64);
        sourceField = fields.text(source).take();
        // version 1, visible, created and updated now
        importFields = fields.integer(1).bool(true).timestamptz(now).timestamptz(now).take();
    }

    /** The source the cameras come from. */
    String source() {
        return source;
    }

    /** When the cameras are created: their rows' created_at and updated_at. */
    OffsetDateTime now() {
        return now;
    }

    PreparedCamera prepare(SourceObject object, CameraDraft d) {
        String hash = hashes.of(object);
        if (rows.length() > CHUNK - 4096) {
            rows = new BinaryCopy(CHUNK);
        }
        int from = rows.length();
        rows.point(d.lon(), d.lat(), Geometries.WGS84)
                .append(KINDS.of(d.kind())).append(CAMERA_TYPES.of(d.cameraType())).append(MOUNTS.of(d.mount()))
                .intArray(d.directions()).integer(d.effectiveFieldOfView()).integer(d.effectiveRange())
                .float8(d.height()).integer(d.tilt()).append(FILMED_AREAS.of(d.filmedArea())).append(ZONES.of(d.zone()))
                .text(d.level()).wireArray(d.capabilities()).append(YES_NO_UNKNOWN.of(d.filmsWorkstations()))
                .text(d.operator()).append(OPERATOR_TYPES.of(d.operatorType())).append(SIGNAGES.of(d.signage()))
                .append(STATUS_FIELD).text(d.notes()).append(sourceField).text(object.sourceId()).jsonb(tagsJson(object))
                .append(importFields).integer(object.sourceVersion()).text(hash).integer(1).date(d.firstSeen());
        return new PreparedCamera(object, d, hash, rows.array(), from, rows.length());
    }

    private static byte[] tagsJson(SourceObject object) {
        try {
            return TAGS_JSON.writeValueAsBytes(object.tags());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("tags that cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
