package org.vigie.camera.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.camera.Camera;
import org.vigie.camera.rest.CameraFeature;
import org.vigie.support.Api;
import org.vigie.support.Sql;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The export writes each Feature straight into its collection: the bytes must be those of the Feature
 * built as a JSON tree with {@code properties.attribution} put last, nested objects (city, tags) and all.
 */
@QuarkusTest
class AttributedFeaturesTest {

    @Inject
    ObjectMapper json;
    @Inject
    EntityManager entityManager;
    @Inject
    Sql sql;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void aFeatureIsWrittenAsItsTreeWithTheAttributionLastInItsProperties() throws IOException {
        double[] spot = Api.freshSpot();
        long id = Api.create(spot[0], spot[1], Map.of("kind", "camera", "operator", "Mairie"));
        sql.update("UPDATE camera SET source = 'osm', source_id = ?, tags = '{\"surveillance\": \"public\", \"name\": \"Q\"}'"
                + " WHERE id = ?", "node/" + id, id);
        CameraFeature feature = QuarkusTransaction.requiringNew().call(() -> CameraFeature.of(entityManager.find(Camera.class, id), false));
        String attribution = OsmAttribution.of("osm");

        ObjectNode tree = json.valueToTree(feature);
        ((ObjectNode) tree.get("properties")).put("attribution", attribution);
        assertEquals("[" + json.writeValueAsString(tree) + "]", written(feature, attribution));
        assertTrue(json.writeValueAsString(tree).contains("\"tags\":{"), "a nested object was there to be passed by");

        assertEquals("[" + json.writeValueAsString(json.valueToTree(feature)) + "]", written(feature, null));
    }

    /** As in an export: the Feature inside an array. */
    private String written(CameraFeature feature, String attribution) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = json.getFactory().createGenerator(out)) {
            generator.writeStartArray();
            new AttributedFeatures(json).write(generator, feature, attribution);
            generator.writeEndArray();
        }
        return out.toString();
    }
}
