package org.vigie.account;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.support.Accounts;
import org.vigie.support.Api;
import org.vigie.support.Sql;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Who wrote each version is recorded and shown in the history by user name; test identities work too. */
@QuarkusTest
class AuthorshipTest {

    private static final String TEST_SECURITY_USER = "test-security-volunteer";

    @Inject
    Sql sql;
    @Inject
    AccountService accounts;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void historyNamesTheAuthorOfEachVersion() {
        Accounts.TestAccount author = Accounts.fresh(Role.VOLUNTEER);
        Accounts.TestAccount editor = Accounts.fresh(Role.VOLUNTEER);
        double[] spot = Api.freshSpot();
        long id = author.request().body(Api.feature(spot[0], spot[1], Map.of())).post("/api/cameras")
                .then().statusCode(201).body("properties", not(hasKey("createdBy"))).extract().jsonPath().getLong("id");
        editor.request().header("If-Match", "\"1\"").body(Api.feature(spot[0], spot[1], Map.of("operator", "Mairie")))
                .put("/api/cameras/{id}", id).then().statusCode(200);
        Accounts.moderator().authorized().header("If-Match", "\"2\"").delete("/api/cameras/{id}", id).then().statusCode(204);

        given().get("/api/cameras/{id}/history", id).then().statusCode(200)
                .body("author", contains(author.username(), editor.username(), Accounts.moderator().username()))
                .body("action", contains("create", "update", "delete"));
        assertEquals(author.id(), sql.count("SELECT created_by FROM camera WHERE id = ?", id));
    }

    @Test
    void anotherVolunteerCannotDeleteButTheAuthorCan() {
        Accounts.TestAccount author = Accounts.fresh(Role.VOLUNTEER);
        double[] spot = Api.freshSpot();
        long id = author.request().body(Api.feature(spot[0], spot[1], Map.of())).post("/api/cameras")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        Accounts.volunteer().authorized().header("If-Match", "\"1\"").delete("/api/cameras/{id}", id)
                .then().statusCode(403).contentType(Api.PROBLEM).body("type", equalTo("/problems/not-author"));
        given().get("/api/cameras/{id}", id).then().statusCode(200);
        author.authorized().header("If-Match", "\"1\"").delete("/api/cameras/{id}", id).then().statusCode(204);
    }

    @Test
    void anAdminChangesRolesButNotTheirOwn() {
        Accounts.TestAccount volunteer = Accounts.fresh(Role.VOLUNTEER);
        Accounts.admin().request().body(Map.of("role", "moderator")).put("/api/accounts/{name}/role", volunteer.username())
                .then().statusCode(200).body("role", equalTo("moderator"));
        // The new role applies at once, to the tokens already given.
        given().header("Authorization", "Bearer " + volunteer.token()).get("/api/auth/me").then().body("role", equalTo("moderator"));
        Accounts.admin().request().body(Map.of("role", "volunteer")).put("/api/accounts/{name}/role", Accounts.admin().username())
                .then().statusCode(409).contentType(Api.PROBLEM);
        Accounts.admin().request().body(Map.of("role", "king")).put("/api/accounts/{name}/role", volunteer.username())
                .then().statusCode(400).body("errors[0].field", equalTo("role"));
        Accounts.admin().request().body(Map.of("role", "admin")).put("/api/accounts/{name}/role", "nobody-" + System.nanoTime())
                .then().statusCode(404).contentType(Api.PROBLEM);
    }

    @Test
    @TestSecurity(user = TEST_SECURITY_USER, roles = Role.VOLUNTEER_NAME)
    void testSecurityIdentitiesActAsTheAccountOfThatName() {
        if (accounts.find(TEST_SECURITY_USER).isEmpty()) {
            accounts.register(TEST_SECURITY_USER, Accounts.PASSWORD, null, Role.VOLUNTEER);
        }
        double[] spot = Api.freshSpot();
        long id = Api.json().body(Api.feature(spot[0], spot[1], Map.of())).post("/api/cameras")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        given().get("/api/cameras/{id}/history", id).then().body("author", contains(TEST_SECURITY_USER));
        given().get("/api/auth/me").then().statusCode(200).body("username", equalTo(TEST_SECURITY_USER));
        // A volunteer identity is not an admin's.
        Api.json().body(Map.of("role", "admin")).put("/api/accounts/{name}/role", TEST_SECURITY_USER).then().statusCode(403);
    }
}
