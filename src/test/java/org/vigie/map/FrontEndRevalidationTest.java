package org.vigie.map;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * After a deployment the next visit runs the new front end: its files are revalidated (no-cache,
 * answered 304 when unchanged), never kept "immutable" for a day; the service worker comes the same way.
 */
@QuarkusTest
class FrontEndRevalidationTest {

    @Test
    void theAppsFilesAreRevalidatedAtEveryUseAndAnswered304WhenUnchanged() {
        for (String path : List.of("/", "/js/main.js", "/css/app.css", "/sw.js", "/webjars/leaflet/dist/leaflet-src.esm.js")) {
            String modified = given().get(path).then().statusCode(200)
                    .header("Cache-Control", equalTo("no-cache"))
                    .header("Cache-Control", not(containsString("immutable")))
                    .extract().header("Last-Modified");
            if (modified != null) {
                given().header("If-Modified-Since", modified).get(path).then().statusCode(304);
            }
        }
        // the page, its modules and the worker can be revalidated cheaply
        assertEquals(true, given().get("/js/main.js").header("Last-Modified") != null, "the modules carry Last-Modified");
    }

    @Test
    void theServiceWorkerIsAScriptOfThisOrigin() {
        given().get("/sw.js").then().statusCode(200)
                .header("Content-Type", containsString("javascript"))
                .body(containsString("APP_FILES"));
    }

    @Test
    void theApiKeepsItsOwnCaching() {
        given().get("/api/config").then().statusCode(200).header("Cache-Control", not(equalTo("no-cache")));
    }
}
