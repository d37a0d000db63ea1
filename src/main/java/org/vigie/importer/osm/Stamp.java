package org.vigie.importer.osm;

import java.time.LocalDate;

/**
 * When the element a handler is given was saved in OpenStreetMap: its timestamp's day (UTC), read
 * only when asked. The reader of dense nodes decodes a block's timestamps for the first camera that
 * asks, not for the millions of other nodes it scans (DenseBlock). Valid during the handler's call
 * only: a reader may reuse it for the next element.
 */
@FunctionalInterface
interface Stamp {

    /** What a file without timestamps gives. */
    Stamp NONE = () -> null;

    /** The day, or null when the file does not say. */
    LocalDate day();

    static Stamp of(LocalDate day) {
        return day == null ? NONE : () -> day;
    }
}
