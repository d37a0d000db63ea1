package org.vigie.camera.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import org.vigie.camera.Recheck;
import org.vigie.common.geo.CoordinateText;
import org.vigie.common.geo.GeoJsonGeometry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/**
 * The map's FeatureCollection ({@code GET /api/cameras?view=map}) written with Jackson's generator
 * straight from the rows of {@link CameraMarkerRows}' statement: no record per camera, no boxing of
 * numbers, enumerations written as the database stores them (they are their wire values). Each
 * Feature (RFC 7946) carries what a marker and its cone show and what the map filters on:
 * {@code {"type":"Feature","id":…,"geometry":{"type":"Point","coordinates":[lon,lat]},
 * "properties":{"kind","cameraType","operatorType","signage","status","directions","fieldOfView",
 * "range","operator","version","filmedArea","toRecheck"}}}, with the same names and values as the full Feature
 * ({@link CameraProperties}); the rest (mount, height, notes, source, raw tags, dates...) is in
 * {@code GET /api/cameras/{id}}, which the camera's sheet loads when opened. Coordinates are rounded
 * to 7 decimals (about 1 cm) like {@link GeoJsonGeometry}'s.
 *
 * <p>The document is written into memory and handed over whole: a database failure halfway through
 * the rows throws before a byte is sent, so a client never gets half a document with a 200.
 */
final class CameraMarkerJson {

    // names and constant texts quoted and encoded once, copied as bytes
    private static final SerializedString TYPE = new SerializedString("type");
    private static final SerializedString FEATURE_COLLECTION = new SerializedString("FeatureCollection");
    private static final SerializedString FEATURES = new SerializedString("features");
    private static final SerializedString COUNT = new SerializedString("count");
    private static final SerializedString TRUNCATED = new SerializedString("truncated");
    private static final SerializedString LIMIT = new SerializedString("limit");
    private static final SerializedString FEATURE = new SerializedString("Feature");
    private static final SerializedString ID = new SerializedString("id");
    private static final SerializedString GEOMETRY = new SerializedString("geometry");
    private static final SerializedString POINT = new SerializedString("Point");
    private static final SerializedString COORDINATES = new SerializedString("coordinates");
    private static final SerializedString PROPERTIES = new SerializedString("properties");
    private static final SerializedString KIND = new SerializedString("kind");
    private static final SerializedString CAMERA_TYPE = new SerializedString("cameraType");
    private static final SerializedString OPERATOR_TYPE = new SerializedString("operatorType");
    private static final SerializedString SIGNAGE = new SerializedString("signage");
    private static final SerializedString STATUS = new SerializedString("status");
    private static final SerializedString DIRECTIONS = new SerializedString("directions");
    private static final SerializedString FIELD_OF_VIEW = new SerializedString("fieldOfView");
    private static final SerializedString RANGE = new SerializedString("range");
    private static final SerializedString OPERATOR = new SerializedString("operator");
    private static final SerializedString VERSION = new SerializedString("version");
    private static final SerializedString FILMED_AREA = new SerializedString("filmedArea");
    private static final SerializedString TO_RECHECK = new SerializedString("toRecheck");

    /** About a hundred markers: the buffer grows by segments, never copying what it holds until the end. */
    private static final int FIRST_SEGMENT = 32 * 1024;

    private CameraMarkerJson() {
    }

    /**
     * The collection of the first {@code limit} rows (columns in {@link CameraMarkerRows}' order), with
     * {@code truncated} true when a row follows them: the statement asks one more than the limit.
     */
    static byte[] collection(JsonFactory json, ResultSet rows, int limit) throws SQLException {
        ByteArrayBuilder bytes = new ByteArrayBuilder(FIRST_SEGMENT);
        char[] text = new char[CoordinateText.MAX_LENGTH];
        try (JsonGenerator out = json.createGenerator(bytes)) {
            out.writeStartObject();
            out.writeFieldName(TYPE);
            out.writeString(FEATURE_COLLECTION);
            out.writeFieldName(FEATURES);
            out.writeStartArray();
            int count = 0;
            boolean more = false;
            while (rows.next()) {
                if (count == limit) {
                    more = true;
                    break;
                }
                feature(out, rows, text);
                count++;
            }
            out.writeEndArray();
            out.writeFieldName(COUNT);
            out.writeNumber(count);
            out.writeFieldName(TRUNCATED);
            out.writeBoolean(more);
            out.writeFieldName(LIMIT);
            out.writeNumber(limit);
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    private static void feature(JsonGenerator out, ResultSet r, char[] text) throws IOException, SQLException {
        out.writeStartObject();
        out.writeFieldName(TYPE);
        out.writeString(FEATURE);
        out.writeFieldName(ID);
        out.writeNumber(r.getLong(1));
        out.writeFieldName(GEOMETRY);
        out.writeStartObject();
        out.writeFieldName(TYPE);
        out.writeString(POINT);
        out.writeFieldName(COORDINATES);
        out.writeStartArray();
        coordinate(out, r.getDouble(2), text);
        coordinate(out, r.getDouble(3), text);
        out.writeEndArray();
        out.writeEndObject();
        out.writeFieldName(PROPERTIES);
        out.writeStartObject();
        text(out, KIND, r, 4);
        text(out, CAMERA_TYPE, r, 5);
        text(out, OPERATOR_TYPE, r, 6);
        text(out, SIGNAGE, r, 7);
        text(out, STATUS, r, 8);
        out.writeFieldName(DIRECTIONS);
        out.writeStartArray();
        directions(out, r.getArray(9));
        out.writeEndArray();
        out.writeFieldName(FIELD_OF_VIEW);
        out.writeNumber(r.getInt(10));
        out.writeFieldName(RANGE);
        out.writeNumber(r.getInt(11));
        text(out, OPERATOR, r, 12);
        out.writeFieldName(VERSION);
        out.writeNumber(r.getInt(13));
        text(out, FILMED_AREA, r, 14);
        out.writeFieldName(TO_RECHECK);
        // when last seen (confirmed, else added), as the full Feature's toRecheck says
        out.writeBoolean(Recheck.due(r.getObject(15, OffsetDateTime.class), null));
        out.writeEndObject();
        out.writeEndObject();
    }

    /** The same text as the double rounded to 7 decimals that GeoJsonGeometry writes, without Double.toString. */
    private static void coordinate(JsonGenerator out, double degrees, char[] text) throws IOException {
        long n = CoordinateText.tenMillionths(degrees);
        int length = CoordinateText.write(n, text);
        if (length == 0) {
            out.writeNumber(n / 1e7);
        } else {
            out.writeNumber(text, 0, length);
        }
    }

    /** A text column as the driver received it (UTF-8, the connection's encoding), escaped but never decoded. */
    private static void text(JsonGenerator out, SerializedString name, ResultSet r, int column) throws IOException, SQLException {
        out.writeFieldName(name);
        byte[] utf8 = r.getBytes(column);
        if (utf8 == null) {
            out.writeNull();
        } else {
            out.writeUTF8String(utf8, 0, utf8.length);
        }
    }

    private static void directions(JsonGenerator out, Array array) throws IOException, SQLException {
        if (array != null) {
            for (Object degrees : (Object[]) array.getArray()) {
                out.writeNumber((Integer) degrees);
            }
        }
    }
}
