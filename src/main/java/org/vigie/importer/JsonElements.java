package org.vigie.importer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Streams the objects of a JSON array, one in memory at a time: the array is a member of the
 * top-level object ({@code elements}, {@code features}) or, where allowed, the whole document.
 */
public final class JsonElements {

    private static final JsonFactory JSON = new JsonFactory(new ObjectMapper());

    private JsonElements() {
    }

    public static void forEach(Path file, String member, boolean bareArrayAllowed, Consumer<JsonNode> each) {
        try (InputStream in = SourceFiles.open(file); JsonParser parser = JSON.createParser(in)) {
            JsonToken first = parser.nextToken();
            boolean found = first == JsonToken.START_OBJECT ? seek(parser, member) : bareArrayAllowed && first == JsonToken.START_ARRAY;
            if (!found) {
                throw new ImportFailure(file + ": expected " + (bareArrayAllowed ? "an array, or " : "") + "an object with a \""
                        + member + "\" array");
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                each.accept(parser.readValueAsTree());
            }
            if (parser.currentToken() != JsonToken.END_ARRAY) {
                throw new ImportFailure(file + ": expected an object in \"" + member + "\" at line " + parser.currentLocation().getLineNr());
            }
            if (first == JsonToken.START_OBJECT) {
                rejectRemark(file, parser);
            }
        } catch (JsonProcessingException e) {
            throw new ImportFailure(file + ": malformed JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + " (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new ImportFailure(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Overpass answers 200 even when the query failed half-way (a timeout, too much memory), with a
     * "remark" after the elements: such an answer is incomplete and must not be imported.
     */
    private static void rejectRemark(Path file, JsonParser parser) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            if (name.equals("remark")) {
                throw new ImportFailure(file + ": the Overpass answer is incomplete (remark: " + parser.getValueAsString() + ")");
            }
            parser.skipChildren();
        }
    }

    private static boolean seek(JsonParser parser, String member) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals(member) && value == JsonToken.START_ARRAY) {
                return true;
            }
            parser.skipChildren();
        }
        return false;
    }
}
