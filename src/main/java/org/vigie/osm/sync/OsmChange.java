package org.vigie.osm.sync;

import org.vigie.importer.ImportDates;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** One osmChange file (a replication diff): its elements in file order, and the newest element's time. */
record OsmChange(List<Element> elements, Instant newest) {

    enum Action { CREATE, MODIFY, DELETE }

    /**
     * One element as the diff gives it: {@code type} is node, way or relation; a node has its
     * position (NaN when deleted without one), a way its nodes, a relation its typed members
     * ({@code n12}, {@code w34}, {@code r5}); {@code savedAt} is its timestamp in milliseconds since
     * 1970, 0 when the diff gives none.
     */
    record Element(Action action, String type, long id, int version, double lon, double lat,
                   Map<String, String> tags, long[] nodes, List<String> members, long savedAt) {

        String sourceId() {
            return type + "/" + id;
        }

        /** Its timestamp's day, or null: worked out only for the few elements that are cameras. */
        LocalDate stamped() {
            return ImportDates.stamped(savedAt);
        }
    }
}
