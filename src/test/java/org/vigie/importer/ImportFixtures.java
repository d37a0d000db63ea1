package org.vigie.importer;

import org.vigie.support.Sql;

/** Imports in tests start from a registry without imported cameras (volunteers' cameras of other tests stay). */
public final class ImportFixtures {

    private ImportFixtures() {
    }

    /** Every table that references a camera goes first (the moderators' log before the reports it names). */
    public static void forgetImportedCameras(Sql sql) {
        for (String table : new String[] {"moderation_log", "osm_upload_item", "camera_addition_key", "camera_version",
                "camera_confirmation", "camera_report", "photo"}) {
            sql.update("DELETE FROM " + table + " WHERE camera_id IN (SELECT id FROM camera WHERE source <> 'volunteer')");
        }
        sql.update("UPDATE camera SET merged_into = NULL WHERE merged_into IN (SELECT id FROM camera WHERE source <> 'volunteer')");
        sql.update("DELETE FROM camera WHERE source <> 'volunteer'");
    }

    public static long imported(Sql sql, String source) {
        return sql.count("SELECT count(*) FROM camera WHERE source = ?", source);
    }
}
