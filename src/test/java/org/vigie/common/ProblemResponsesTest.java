package org.vigie.common;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.support.Api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.vigie.support.Api.PROBLEM;

/** Unknown routes, wrong methods and the service endpoints every deployer relies on. */
@QuarkusTest
class ProblemResponsesTest {

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void unknownApiRouteIsAProblem404() {
        given().get("/api/nothing/here").then().statusCode(404).contentType(PROBLEM)
                .body("status", equalTo(404)).body("detail", containsString("/api/nothing/here"));
        given().post("/api/nothing").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void nonNumericCameraIdIsAProblem404() {
        given().get("/api/cameras/abc").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void wrongMethodIsAProblem405() {
        given().patch("/api/cameras/1").then().statusCode(405).contentType(PROBLEM).body("status", equalTo(405));
    }

    @Test
    void problemsNameNoJavaClass() {
        Api.asVolunteer().body("{\"type\": ").post("/api/cameras")
                .then().statusCode(400).body(not(containsString("com.fasterxml"))).body(not(containsString("Exception")));
    }

    @Test
    void openApiDocumentsTheCameraApi() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/cameras'", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/cameras/{id}'.put", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/cameras/watching'", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void openApiTypesTheFiltersWithTheirAllowedValues() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/cameras'.get.parameters.find { it.name == 'kind' }.schema.type", equalTo("array"))
                .body("paths.'/api/cameras'.get.parameters.find { it.name == 'kind' }.schema.items.enum",
                        equalTo(java.util.List.of("camera", "alpr", "webcam", "guard", "other")))
                .body("paths.'/api/cameras'.get.parameters.find { it.name == 'kind' }.explode", equalTo(false))
                .body("paths.'/api/cameras'.get.parameters.find { it.name == 'status' }.description",
                        containsString("reported, verified, disputed, removed"));
    }

    @Test
    void openApiSaysWhichOperationsNeedTheBearerToken() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.securitySchemes.bearer.type", equalTo("http"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("paths.'/api/cameras'.post.security[0].bearer", org.hamcrest.Matchers.hasItem("volunteer"))
                .body("paths.'/api/cameras'.get.security", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void healthIsUpWithTheDatabase() {
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItem(containsString("Database")));
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void homePageIsServed() {
        given().get("/").then().statusCode(200).contentType(containsString("text/html"));
    }

    @Test
    void aNulCharacterInTheAddressIsA400NotADatabaseError() {
        given().urlEncodingEnabled(false).get("/api/cameras?bbox=0,0,1,1&operator=a%00b")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].reason", containsString("NUL"));
        given().urlEncodingEnabled(false).get("/api/cities/%00/stats")
                .then().statusCode(400).contentType(PROBLEM);
    }
}
