package org.vigie.common.http;

import com.microsoft.playwright.Page;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.vigie.support.Accounts;
import org.vigie.support.Api;
import org.vigie.support.Browser;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Another site's page reads the public API (CORS), and can neither write nor send an account's token. */
@QuarkusTest
class CrossOriginReadsTest {

    private static final String NEWSROOM = "https://newsroom.example";

    @TestHTTPResource("/")
    URL base;

    @Test
    void aReadPreflightIsAnsweredWithAWildcardOriginAndNoCredentials() {
        given().header("Origin", NEWSROOM).header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "if-none-match")
                .when().options("/api/cities?q=gre")
                .then().statusCode(204)
                .header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Allow-Methods", "GET, HEAD")
                .header("Access-Control-Allow-Headers", "if-none-match")
                .header("Access-Control-Allow-Credentials", nullValue());
    }

    @Test
    void aPreflightForAWriteOrForATokenIsRefused() {
        given().header("Origin", NEWSROOM).header("Access-Control-Request-Method", "POST")
                .when().options("/api/cameras")
                .then().statusCode(204).header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", NEWSROOM).header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .when().options("/api/accounts/me")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void readsAndTheirErrorsCarryTheOriginButWritesDoNot() {
        Api.init();
        given().header("Origin", NEWSROOM).when().get("/api/cameras?bbox=5.70,45.17,5.71,45.18")
                .then().statusCode(200).header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Expose-Headers", org.hamcrest.Matchers.containsString("ETag"));
        given().header("Origin", NEWSROOM).when().get("/api/cameras?bbox=nonsense")
                .then().statusCode(400).header("Access-Control-Allow-Origin", "*");
        Accounts.volunteer().request().header("Origin", NEWSROOM)
                .body(Api.feature(5.7011, 45.1711, Map.of())).when().post("/api/cameras")
                .then().header("Access-Control-Allow-Origin", nullValue());
        // same-origin requests (no Origin header) are untouched
        given().when().get("/api/cameras?bbox=5.70,45.17,5.71,45.18")
                .then().statusCode(200).header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void aPageOfAnotherOriginReadsTheApiInChromiumButCannotSendAToken() throws IOException {
        Api.init();
        long camera = Api.create(5.7051, 45.1751, Map.of("operator", "Ville de Test"));
        String api = base.toString().replaceAll("/$", "");
        // A newsroom's page, served by another server on the loopback: another port is another origin.
        String html = "<!doctype html><meta charset=utf-8><title>newsroom</title><pre id=out></pre><script>"
                + "const api = '" + api + "';"
                + "(async () => { const out = {};"
                + " const plain = await fetch(api + '/api/cameras?bbox=5.70,45.17,5.71,45.18');"
                + " out.plain = plain.status; out.ids = (await plain.json()).features.map(f => f.id);"
                + " const conditional = await fetch(api + '/api/cameras?bbox=5.70,45.17,5.71,45.18', {headers: {'If-None-Match': '\"x\"'}});"
                + " out.conditional = conditional.status;"
                + " try { const r = await fetch(api + '/api/accounts/me', {headers: {Authorization: 'Bearer stolen'}}); out.token = 'sent ' + r.status + ' ' + [...r.headers].join(';'); }"
                + " catch (e) { out.token = 'refused'; }"
                + " try { await fetch(api + '/api/cameras', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: '{}'}); out.write = 'sent'; }"
                + " catch (e) { out.write = 'refused'; }"
                + " document.getElementById('out').textContent = JSON.stringify(out); })();"
                + "</script>";
        HttpServer newsroom = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        newsroom.createContext("/", exchange -> {
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        newsroom.start();
        try (Browser.Session s = Browser.open(Browser.options().withoutRoutes())) {
            Page page = s.page();
            page.navigate("http://127.0.0.1:" + newsroom.getAddress().getPort() + "/article.html");
            page.waitForFunction("() => document.getElementById('out').textContent.length > 0");
            @SuppressWarnings("unchecked")
            Map<String, Object> out = (Map<String, Object>) page.evaluate("() => JSON.parse(document.getElementById('out').textContent)");
            assertEquals(200, ((Number) out.get("plain")).intValue());
            assertEquals(true, ((List<?>) out.get("ids")).stream().anyMatch(id -> ((Number) id).longValue() == camera), out.toString());
            assertEquals(200, ((Number) out.get("conditional")).intValue());
            assertEquals("refused", out.get("token"), out.toString() + s.requests());
            assertEquals("refused", out.get("write"));
        } finally {
            newsroom.stop(0);
        }
    }
}
