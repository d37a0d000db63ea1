package org.vigie.camera.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import org.vigie.common.geo.GeoJsonGeometry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The map's FeatureCollection ({@code GET /api/cameras?view=map}) written with Jackson's generator
 * straight from the rows of {@link CameraMarkerRows}' statement: no record per camera, no boxing of
 * numbers, enumerations written as the database stores them (they are their wire values). Each
 * Feature (RFC 7946) carries what a marker and its cone show and what the map filters on:
 * {@code {"type":"Feature","id":…,"geometry":{"type":"Point","coordinates":[lon,lat]},
 * "properties":{"kind","cameraType","operatorType","signage","status","directions","fieldOfView",
 * "range","operator","version"}}}, with the same names and values as the full Feature
 * ({@link CameraProperties}); the rest (mount, height, notes, source, raw tags, dates...) is in
 * {@code GET /api/cameras/{id}}, which the camera's sheet loads when opened. Coordinates are rounded
 * to 7 decimals (about 1 cm) like {@link GeoJsonGeometry}'s.
 *
 * <p>The document is written into memory and handed over whole: a database failure halfway through
 * the rows throws before a byte is sent, so a client never gets half a document with a 200.
 */
final class CameraMarkerJson {

    /** About what one marker weighs: the buffer grows by segments, never copying what it holds. */
    private static final int FIRST_SEGMENT = 32 * 1024;

    private CameraMarkerJson() {
    }

    /**
     * The collection of the first {@code limit} rows (columns in {@link CameraMarkerRows}' order), with
     * {@code truncated} true when a row follows them: the statement asks one more than the limit.
     */
    static byte[] collection(JsonFactory json, ResultSet rows, int limit) throws SQLException {
        ByteArrayBuilder bytes = new ByteArrayBuilder(FIRST_SEGMENT);
        try (JsonGenerator out = json.createGenerator(bytes)) {
            out.writeStartObject();
            out.writeStringField("type", "FeatureCollection");
            out.writeArrayFieldStart("features");
            int count = 0;
            boolean more = false;
            while (rows.next()) {
                if (count == limit) {
                    more = true;
                    break;
                }
                feature(out, rows);
                count++;
            }
            out.writeEndArray();
            out.writeNumberField("count", count);
            out.writeBooleanField("truncated", more);
            out.writeNumberField("limit", limit);
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    private static void feature(JsonGenerator out, ResultSet r) throws IOException, SQLException {
        out.writeStartObject();
        out.writeStringField("type", "Feature");
        out.writeNumberField("id", r.getLong(1));
        out.writeObjectFieldStart("geometry");
        out.writeStringField("type", "Point");
        out.writeArrayFieldStart("coordinates");
        out.writeNumber(GeoJsonGeometry.round(r.getDouble(2)));
        out.writeNumber(GeoJsonGeometry.round(r.getDouble(3)));
        out.writeEndArray();
        out.writeEndObject();
        out.writeObjectFieldStart("properties");
        out.writeStringField("kind", r.getString(4));
        out.writeStringField("cameraType", r.getString(5));
        out.writeStringField("operatorType", r.getString(6));
        out.writeStringField("signage", r.getString(7));
        out.writeStringField("status", r.getString(8));
        out.writeArrayFieldStart("directions");
        directions(out, r.getArray(9));
        out.writeEndArray();
        out.writeNumberField("fieldOfView", r.getInt(10));
        out.writeNumberField("range", r.getInt(11));
        out.writeStringField("operator", r.getString(12));
        out.writeNumberField("version", r.getInt(13));
        out.writeEndObject();
        out.writeEndObject();
    }

    private static void directions(JsonGenerator out, Array array) throws IOException, SQLException {
        if (array != null) {
            for (Object degrees : (Object[]) array.getArray()) {
                out.writeNumber((Integer) degrees);
            }
        }
    }
}
