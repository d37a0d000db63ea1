package org.vigie.basemap;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.support.Api;
import org.vigie.support.Browser;
import org.vigie.support.FakeTileUpstream;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tile relay against a tile server on the loopback: caching, its headers, failures, bad coordinates. */
@QuarkusTest
@WithTestResource(value = FakeTileUpstream.class, scope = TestResourceScope.GLOBAL)
class BasemapProxyTest {

    @ConfigProperty(name = "vigie.basemap.upstream")
    String upstream;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void aTileIsRelayedOnceThenServedFromTheCacheWithTheServersLifetime() {
        String tile = randomTile(18);
        for (int i = 0; i < 3; i++) {
            byte[] body = given().get("/basemap" + tile).then().statusCode(200)
                    .contentType("image/png")
                    .header("Cache-Control", containsString("max-age="))
                    .extract().asByteArray();
            assertArrayEquals(Browser.tilePng(), body);
        }
        String maxAge = given().get("/basemap" + tile).then().extract().header("Cache-Control").replaceAll(".*max-age=(\\d+).*", "$1");
        assertTrue(Integer.parseInt(maxAge) > 500 && Integer.parseInt(maxAge) <= 600, maxAge);
        assertEquals(1, hits(tile));
        String agent = seen(tile)[1];
        assertTrue(agent.startsWith("Vigie/"), agent);
        assertTrue(!agent.contains("forwarded"), "the browser's address is not passed on: " + agent);
    }

    @Test
    void manyBrowsersAskingForTheSameTileCostTheTileServerOneRequest() throws Exception {
        String tile = randomTile(17);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            HttpClient client = HttpClient.newHttpClient();
            URI uri = URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + "/basemap" + tile);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> client.send(HttpRequest.newBuilder(uri).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(200, answer.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, hits(tile));
    }

    @Test
    void aTileTheServerSaysNotToKeepIsRevalidatedEveryTime() {
        String tile = "/5/4/" + ThreadLocalRandom.current().nextInt(32) + ".png";
        int before = hits(tile);
        given().get("/basemap" + tile).then().statusCode(200).header("Cache-Control", containsString("max-age=0"));
        byte[] again = given().get("/basemap" + tile).then().statusCode(200).extract().asByteArray();
        assertArrayEquals(Browser.tilePng(), again, "a 304 from the tile server serves the kept bytes");
        assertEquals(before + 2, hits(tile));
    }

    @Test
    void tileServerFailuresAreProblemsAndNeverRelayAnythingButImages() {
        given().get("/basemap/5/1/3.png").then().statusCode(404).contentType(Api.PROBLEM);
        given().get("/basemap/5/2/3.png").then().statusCode(502).contentType(Api.PROBLEM)
                .body("type", equalTo("/problems/tile-server-failed"));
        // an upstream answering HTML would otherwise be served from Vigie's own origin
        given().get("/basemap/5/3/3.png").then().statusCode(502).contentType(Api.PROBLEM);
    }

    @Test
    void badCoordinatesAre400ProblemsNamingTheField() {
        given().get("/basemap/20/0/0.png").then().statusCode(400).contentType(Api.PROBLEM)
                .body("errors[0].field", equalTo("z")).body("errors[0].reason", containsString("0 to 19"));
        given().get("/basemap/3/8/0.png").then().statusCode(400).body("errors[0].field", equalTo("x"))
                .body("errors[0].reason", containsString("0 to 7"));
        given().get("/basemap/3/0/-1.png").then().statusCode(400).body("errors[0].field", equalTo("y"));
        given().get("/basemap/a/b/c.png").then().statusCode(400).body("errors.field", hasItems("z", "x", "y"));
        given().get("/basemap/1/1/99999999999999999999.png").then().statusCode(400).body("errors[0].field", equalTo("y"));
        given().get("/basemap/1/1/1.jpg").then().statusCode(404).contentType(Api.PROBLEM);
    }

    private static String randomTile(int z) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "/" + z + "/" + random.nextInt(1 << z) + "/" + random.nextInt(1 << z) + ".png";
    }

    private int hits(String tile) {
        return Integer.parseInt(seen(tile)[0]);
    }

    private String[] seen(String tile) {
        String base = upstream.replace("/{z}/{x}/{y}.png", "");
        return given().baseUri(base).port(-1).get(base + "/_seen" + tile).then().statusCode(200).extract().asString().split("\n", 2);
    }
}
