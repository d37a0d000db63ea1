package org.vigie.osm.upload;

import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.vigie.support.Api;
import org.vigie.support.Sql;

import java.io.IOException;

/**
 * What the upload tests share: a fake OpenStreetMap API on the loopback for each test, and no upload
 * or consent left by other tests.
 */
abstract class WithFakeOsmApi {

    @Inject
    Sql sql;
    FakeOsmApi api;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @BeforeEach
    void startTheApi() throws IOException {
        // Only this test's accounts agree to publish: what other tests mapped stays out of the files.
        sql.update("UPDATE account SET osm_consent = false");
        sql.update("DELETE FROM osm_upload_item");
        sql.update("DELETE FROM osm_upload");
        api = new FakeOsmApi();
    }

    @AfterEach
    void stopTheApi() {
        api.close();
    }
}
