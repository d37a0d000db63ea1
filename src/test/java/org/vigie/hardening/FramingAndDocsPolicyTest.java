package org.vigie.hardening;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/**
 * frame-ancestors * on the embeddable page only (not on any address that merely carries embed=1),
 * and a Content-Security-Policy on Swagger UI and the OpenAPI document, which stay public.
 */
@QuarkusTest
class FramingAndDocsPolicyTest {

    @Test
    void onlyTheEmbeddablePageMayBeFramed() {
        given().get("/?embed=1").then().statusCode(200).header("Content-Security-Policy", containsString("frame-ancestors *"));
        // embed is no parameter of the API: refused by name (unknown parameters are), and never framable
        given().queryParam("embed", "1").queryParam("bbox", "2.3,48.8,2.4,48.9").get("/api/cameras")
                .then().statusCode(400).header("Content-Security-Policy", containsString("frame-ancestors 'self'"));
        given().queryParam("bbox", "2.3,48.8,2.4,48.9").get("/api/cameras")
                .then().statusCode(200).header("Content-Security-Policy", containsString("frame-ancestors 'self'"));
        given().get("/js/main.js?embed=1").then().header("Content-Security-Policy", not(containsString("frame-ancestors *")));
    }

    @Test
    void swaggerUiAndTheOpenApiDocumentCarryAPolicy() {
        given().get("/q/swagger-ui/").then().statusCode(200)
                .header("Content-Security-Policy", containsString("connect-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
        given().get("/q/openapi").then().statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'none'"));
        given().get("/q/openapi?format=json").then().statusCode(200).header("Content-Security-Policy", notNullValue());
    }
}
