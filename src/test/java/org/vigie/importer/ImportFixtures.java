package org.vigie.importer;

import org.vigie.support.Sql;

/** Imports in tests start from a registry without imported cameras (volunteers' cameras of other tests stay). */
public final class ImportFixtures {

    private ImportFixtures() {
    }

    /** Every row that names an imported camera goes first: the moderation log and OSM uploads refer to cameras too. */
    public static void forgetImportedCameras(Sql sql) {
        for (String table : new String[] {"moderation_log", "osm_upload_item", "camera_version", "camera_confirmation",
                "camera_report", "photo"}) {
            sql.update("DELETE FROM " + table + " WHERE camera_id IN (SELECT id FROM camera WHERE source <> 'volunteer')");
        }
        sql.update("DELETE FROM camera WHERE source <> 'volunteer'");
    }

    public static long imported(Sql sql, String source) {
        return sql.count("SELECT count(*) FROM camera WHERE source = ?", source);
    }
}
