package org.vigie.importer;

import org.vigie.support.Sql;

/** Imports in tests start from a registry without imported cameras (volunteers' cameras of other tests stay). */
final class ImportFixtures {

    private ImportFixtures() {
    }

    static void forgetImportedCameras(Sql sql) {
        // every table that references a camera (the moderators' log and OpenStreetMap uploads too)
        for (String table : new String[] {"camera_version", "camera_confirmation", "camera_report", "photo",
                "moderation_log", "osm_upload_item", "camera_addition_key"}) {
            sql.update("DELETE FROM " + table + " WHERE camera_id IN (SELECT id FROM camera WHERE source <> 'volunteer')");
        }
        sql.update("UPDATE camera SET merged_into = NULL WHERE merged_into IN (SELECT id FROM camera WHERE source <> 'volunteer')");
        sql.update("DELETE FROM camera WHERE source <> 'volunteer'");
    }

    static long imported(Sql sql, String source) {
        return sql.count("SELECT count(*) FROM camera WHERE source = ?", source);
    }
}
