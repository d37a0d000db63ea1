package org.vigie.osm.sync;

import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.importer.ImportFixtures;
import org.vigie.support.Api;
import org.vigie.support.Sql;

import java.io.IOException;
import java.nio.file.Path;

/**
 * What the sync's tests share: a replication folder served on the loopback for each test, and no
 * imported camera, kept way node or applied sequence left by other tests.
 */
abstract class WithReplicationFolder {

    @Inject
    Sql sql;
    @TempDir
    Path dir;
    ReplicationFolder server;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @BeforeEach
    void startTheReplication() throws IOException {
        ImportFixtures.forgetImportedCameras(sql);
        sql.update("DELETE FROM osm_way_node");
        sql.update("DELETE FROM osm_node_position");
        sql.update("UPDATE osm_replication SET sequence_number = NULL, data_timestamp = NULL, applied_at = NULL, "
                + "last_error = NULL, last_error_at = NULL");
        server = new ReplicationFolder(dir);
    }

    /** Where the camera of this OpenStreetMap object stands, to five decimals: "lon lat". */
    String position(String sourceId) {
        return sql.text("SELECT round(ST_X(position)::numeric, 5) || ' ' || round(ST_Y(position)::numeric, 5) "
                + "FROM camera WHERE source = 'osm' AND source_id = ?", sourceId);
    }

    @AfterEach
    void stopTheReplication() {
        server.close();
    }
}
