package org.vigie.osm.sync;

import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.support.Api;
import org.vigie.support.Browser;
import org.vigie.support.Secrets;
import org.vigie.support.Sql;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The app follows the replication by itself when vigie.osm.sync-every and replication-url are set,
 * from vigie.osm.start-sequence; GET /api/status and the map's attribution say how current it is.
 */
@QuarkusTest
@TestProfile(ScheduledSyncTest.Following.class)
class ScheduledSyncTest {

    static final int PORT = freePort();
    static final Path ROOT = folder();

    public static class Following implements QuarkusTestProfile {
        /** This profile restarts the app on a cleaned database: what the classes before it stored is dumped first, for the privacy audit. */
        public Following() {
            Secrets.dumpBeforeWiping(getClass().getSimpleName());
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vigie.osm.replication-url", "http://127.0.0.1:" + PORT + "/replication/",
                    "vigie.osm.sync-every", "1S", "vigie.osm.start-sequence", "41");
        }
    }

    @TestHTTPResource("/")
    URL base;
    @Inject
    Sql sql;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void theAppAppliesNewDiffsAsTheyArePublished() throws Exception {
        Instant published = Instant.now().minus(3, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        try (ReplicationFolder server = new ReplicationFolder(ROOT, PORT)) {
            server.publish(41, published, Diff.change().camera("create", 91, 1, 2.4601, 48.9601).xml());
            waitFor(() -> sql.count("SELECT count(*) FROM camera WHERE source_id = 'node/91'") == 1);
            server.publish(42, published.plusSeconds(60), Diff.change()
                    .camera("modify", 91, 2, 2.4601, 48.9601, "operator", "Gare").xml());
            waitFor(() -> "Gare".equals(sql.text("SELECT operator FROM camera WHERE source_id = 'node/91'")));
            given().get("/api/status").then().statusCode(200)
                    .body("osm.sequence", equalTo(42))
                    .body("osm.scheduled", equalTo(true))
                    .body("osm.timestamp", equalTo(published.plusSeconds(60).toString()));

            try (Browser.Session s = Browser.open(Browser.options().phone())) {
                Page page = s.page();
                page.navigate(base + "#map=16/48.9601/2.4601");
                page.waitForSelector("#osm-freshness");
                String line = page.locator("#osm-freshness").textContent();
                assertTrue(line.startsWith("Données OpenStreetMap du ") && line.endsWith("(2 min de retard)"), line);
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/osm-freshness-360.png")));
                assertEquals(List.of(), s.errors());
            }
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier done) throws InterruptedException {
        long until = System.nanoTime() + 60_000_000_000L;
        while (!done.getAsBoolean()) {
            assertTrue(System.nanoTime() < until, "the scheduled sync did not apply the diff within a minute");
            Thread.sleep(200);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path folder() {
        try {
            return Files.createTempDirectory("vigie-replication");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
