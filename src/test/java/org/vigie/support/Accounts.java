package org.vigie.support;

import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.vigie.account.Account;
import org.vigie.account.AccountService;
import org.vigie.account.Role;
import org.vigie.account.Tokens;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;

/**
 * Accounts for the HTTP tests, made through the real services (bcrypt, tokens) in the app under
 * test. {@link #volunteer()}, {@link #moderator()} and {@link #admin()} are shared accounts a few
 * days old (the established quotas apply); {@link #fresh(Role)} makes a new one, as young as a real
 * new account.
 */
public final class Accounts {

    public static final String PASSWORD = Secrets.password("correct horse battery staple");

    private static final Map<Role, TestAccount> SHARED = new EnumMap<>(Role.class);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Accounts() {
    }

    /** An account and a valid token for it. */
    public record TestAccount(long id, String username, Role role, String token) {

        /** A JSON request carrying this account's token. */
        public RequestSpecification request() {
            return authorized().contentType(ContentType.JSON);
        }

        /** A request carrying this account's token, with no content type set. */
        public RequestSpecification authorized() {
            return given().header("Authorization", "Bearer " + token);
        }

        /**
         * This account replaces camera {@code id}, seen at {@code version}, by one at {@code at} (lon, lat)
         * with this operator and nothing else; answers the new version.
         */
        public int editOperator(long id, int version, double[] at, String operator) {
            return request().header("If-Match", "\"" + version + "\"").body(Api.feature(at[0], at[1], Map.of("operator", operator)))
                    .put("/api/cameras/" + id).then().statusCode(200).extract().jsonPath().getInt("properties.version");
        }
    }

    public static TestAccount volunteer() {
        return shared(Role.VOLUNTEER);
    }

    public static TestAccount moderator() {
        return shared(Role.MODERATOR);
    }

    public static TestAccount admin() {
        return shared(Role.ADMIN);
    }

    /** A new account with this role, created just now: a young account. */
    public static TestAccount fresh(Role role) {
        String name = "t" + role.wire().charAt(0) + "-" + Long.toString(System.nanoTime(), 36) + "-" + SEQUENCE.incrementAndGet();
        Account account = services(AccountService.class).register(name, PASSWORD, null, role);
        return new TestAccount(account.id, account.username, role, Secrets.token(services(Tokens.class).issue(account)));
    }

    /** A new account with this role, made a few days old: the established quotas apply. */
    public static TestAccount established(Role role) {
        TestAccount made = fresh(role);
        sql().update("UPDATE account SET created_at = now() - interval '3 days' WHERE id = ?", made.id());
        return made;
    }

    /**
     * The accounts behind the {@code @TestSecurity} identities the tests use (ana, bruno, guest, mod,
     * root): services find the writer's account by the identity's name. Their roles come from the
     * annotation, not from here.
     */
    public static synchronized void ensureTestSecurityUsers() {
        for (String name : java.util.List.of("ana", "bruno", "guest", "mod", "root")) {
            if (services(AccountService.class).find(name).isEmpty()) {
                services(AccountService.class).register(name, PASSWORD, null, Role.VOLUNTEER);
                // Shared by many test classes: the established quotas apply, as for volunteer().
                sql().update("UPDATE account SET created_at = now() - interval '3 days' WHERE username = ?", name);
            }
        }
    }

    /**
     * A bearer token of one of the {@code @TestSecurity} users: the photo route is checked before
     * Quarkus security (org.vigie.photo.rest.PhotoUploadGate), from the token the request carries.
     */
    public static String tokenOf(String testSecurityUser) {
        return testSecurityUser(testSecurityUser).token();
    }

    /** One of the {@code @TestSecurity} users with a token of its own (as a volunteer), for a browser to log in with. */
    public static TestAccount testSecurityUser(String name) {
        ensureTestSecurityUsers();
        Account stored = services(AccountService.class).find(name).orElseThrow();
        return new TestAccount(stored.id, stored.username, Role.VOLUNTEER, Secrets.token(services(Tokens.class).issue(stored)));
    }

    /** Another token for the same account (logging out revokes only the one it carries). */
    public static TestAccount anotherSession(TestAccount account) {
        Account stored = services(AccountService.class).find(account.username()).orElseThrow();
        return new TestAccount(account.id(), account.username(), account.role(), Secrets.token(services(Tokens.class).issue(stored)));
    }

    /** A shared account, made once per database (the schema is emptied when the app starts again). */
    private static synchronized TestAccount shared(Role role) {
        TestAccount known = SHARED.get(role);
        if (known != null && services(Tokens.class).resolve(known.token()).isPresent()) {
            return known;
        }
        TestAccount made = established(role);
        SHARED.put(role, made);
        return made;
    }

    private static Sql sql() {
        return services(Sql.class);
    }

    private static <T> T services(Class<T> type) {
        return Arc.container().instance(type).get();
    }
}
