package org.vigie.importer;

import java.util.Map;

/**
 * The raw tags as a JSON object, byte for byte what Jackson's {@code writeValueAsBytes} of the map
 * gave (it created a generator per camera): the entries in the map's order, each text escaped as
 * {@link Utf8Buffer#jsonString} says. One per thread: the buffer is reused.
 */
final class TagsJson {

    private final Utf8Buffer out = new Utf8Buffer(512);

    /** The JSON of {@code tags}, valid until the next call. */
    Utf8Buffer of(Map<String, String> tags) {
        out.clear();
        out.add('{');
        boolean first = true;
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            if (!first) {
                out.add(',');
            }
            first = false;
            if (tag.getKey() == null) {
                throw new IllegalArgumentException("a tag without a key"); // Jackson refuses a null map key too
            }
            out.jsonString(tag.getKey()).add(':');
            if (tag.getValue() == null) {
                out.ascii("null");
            } else {
                out.jsonString(tag.getValue());
            }
        }
        return out.add('}');
    }
}
