package org.vigie.camera.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.vigie.camera.rest.CameraFeature;

import java.io.IOException;

/**
 * Writes the Features of an export straight into the collection's generator, with
 * {@code properties.attribution} added as the last member of the properties when the camera comes
 * from OpenStreetMap: the same bytes as building each Feature as a JSON tree and adding the member
 * to it, without the tree (a world export writes a million of them).
 *
 * <p>And without a flush per Feature: ObjectMapper.writeTree flushes after each value
 * (FLUSH_AFTER_WRITE_VALUE), which made every camera its own HTTP chunk, a million writes handed to
 * the event loops that also answer the map's readers. The stream is flushed as its buffer fills.
 */
final class AttributedFeatures {

    private final ObjectWriter writer;

    AttributedFeatures(ObjectMapper json) {
        this.writer = json.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    }

    /** Writes {@code feature}, its properties closed with {@code "attribution": attribution} unless it is null. */
    void write(JsonGenerator generator, CameraFeature feature, String attribution) throws IOException {
        writer.writeValue(attribution == null ? generator : new Attributing(generator, attribution), feature);
    }

    /** Adds the member just before the Feature's properties object closes (and no nested object's). */
    private static final class Attributing extends JsonGeneratorDelegate {
        private final String attribution;

        Attributing(JsonGenerator generator, String attribution) {
            super(generator, false);
            this.attribution = attribution;
        }

        @Override
        public void writeEndObject() throws IOException {
            JsonStreamContext closing = delegate.getOutputContext();
            JsonStreamContext parent = closing.getParent();
            // the properties object: its parent is the Feature, whose current member is "properties",
            // and the Feature's parent is the collection's array of features
            if (parent != null && parent.inObject() && "properties".equals(parent.getCurrentName())
                    && parent.getParent() != null && parent.getParent().inArray()) {
                delegate.writeStringField("attribution", attribution);
            }
            delegate.writeEndObject();
        }
    }
}
