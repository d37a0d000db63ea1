package org.vigie.camera.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.ScrollMode;
import org.hibernate.ScrollableResults;
import org.hibernate.CacheMode;
import org.hibernate.Session;
import org.hibernate.query.Query;
import org.vigie.camera.Camera;
import org.vigie.camera.CameraCriteria;
import org.vigie.camera.CameraQuery;
import org.vigie.camera.rest.CameraFeature;
import org.vigie.common.http.ReadersFirst;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Writes a whole selection of cameras as GeoJSON or CSV, however large: rows are read through a
 * server-side cursor (fetch size {@value #FETCH_SIZE}, read-only), and the session is cleared as
 * the rows are written, so memory stays constant. (A StatelessSession would be the natural tool,
 * but Hibernate 7 cannot scroll one with the city fetch-joined.)
 */
@ApplicationScoped
public class CameraExporter {

    static final int FETCH_SIZE = 1000;
    /** Rows written between two chances for the map's readers to go first (ReadersFirst). */
    static final int YIELD_EVERY = 100;

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final AttributedFeatures features;
    private final ReadersFirst readersFirst;

    public CameraExporter(EntityManager entityManager, ObjectMapper json, ReadersFirst readersFirst) {
        this.entityManager = entityManager;
        this.json = json;
        this.features = new AttributedFeatures(json);
        this.readersFirst = readersFirst;
    }

    /** Checks the query before the response starts (an unknown city is a 404 then, not a cut stream). */
    @Transactional
    public CameraCriteria prepare(CameraQuery query) {
        return CameraCriteria.of(query);
    }

    public void writeCsv(CameraCriteria criteria, OutputStream out) throws IOException {
        CameraCsv csv = new CameraCsv(json);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(CameraCsv.header());
        forEach(criteria, camera -> write(writer, csv.row(camera)));
        writer.flush();
    }

    /**
     * A FeatureCollection; OpenStreetMap-derived features carry {@code properties.attribution},
     * and the collection an {@code attribution} member after its features when it holds any.
     */
    public void writeGeoJson(CameraCriteria criteria, OutputStream out) throws IOException {
        JsonGenerator generator = json.getFactory().createGenerator(out);
        generator.writeStartObject();
        generator.writeStringField("type", "FeatureCollection");
        generator.writeArrayFieldStart("features");
        boolean[] osm = {false};
        forEach(criteria, camera -> {
            String attribution = OsmAttribution.of(camera.source);
            osm[0] |= attribution != null;
            try {
                features.write(generator, CameraFeature.of(camera, false), attribution);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        generator.writeEndArray();
        if (osm[0]) {
            generator.writeStringField("attribution", OsmAttribution.TEXT);
        }
        generator.writeEndObject();
        generator.flush();
    }

    private static final int EXPORT_TIMEOUT_S = 3600;

    private void forEach(CameraCriteria criteria, Consumer<Camera> action) throws IOException {
        try {
            // A whole country to a phone on poor signal takes a while: the default 60 s would cut it.
            QuarkusTransaction.requiringNew().timeout(EXPORT_TIMEOUT_S).run(() -> {
                Session session = entityManager.unwrap(Session.class);
                Query<Camera> query = session.createQuery(CameraCriteria.FROM + criteria.where() + " order by c.id",
                        Camera.class);
                criteria.params().forEach(query::setParameter);
                query.setFetchSize(FETCH_SIZE).setReadOnly(true).setCacheMode(CacheMode.IGNORE);
                try (ScrollableResults<Camera> rows = query.scroll(ScrollMode.FORWARD_ONLY)) {
                    long written = 0;
                    while (rows.next()) {
                        action.accept(rows.get());
                        // Forget what was written, so that memory does not grow with the selection.
                        if (++written % FETCH_SIZE == 0) {
                            session.clear();
                        }
                        if (written % YIELD_EVERY == 0) {
                            readersFirst.yieldToReaders();
                        }
                    }
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void write(Writer writer, String text) {
        try {
            writer.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
