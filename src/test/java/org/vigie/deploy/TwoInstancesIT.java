package org.vigie.deploy;

import io.restassured.RestAssured;
import io.restassured.parsing.Parser;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.support.Altcha;
import org.vigie.support.ChunkedUpload;
import org.vigie.support.Secrets;

import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances of the packaged app on one database, as docs/deployment.md runs them behind a reverse
 * proxy: whatever one instance knows, the other knows at once, because it is all in PostgreSQL
 * (tokens, quotas, the login throttle, the cameras and their cluster counts). Runs after packaging
 * (failsafe, within ./dev test), on the test database. With Debian's nginx installed, the compose file's
 * proxy (docker/proxy/nginx.conf, {@link Proxy}) runs in front of both, and the last tests go through it:
 * both instances answer, a token works whichever does, uploads are passed on unbuffered.
 */
class TwoInstancesIT {

    private static final String PASSWORD = Secrets.password("two instances, one database");
    /** Each instance's map attribution: the one setting they do not share, which tells which one answered. */
    private static final String INSTANCE_MARK = "OpenStreetMap contributors, served by instance ";
    private static final Map<String, String> SHARED = Map.of(
            "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + env("VIGIE_DB_PORT", "55432") + "/"
                    + env("VIGIE_TEST_DB", "vigie_test"),
            "QUARKUS_DATASOURCE_USERNAME", "vigie",
            "QUARKUS_DATASOURCE_PASSWORD", "vigie",
            // the keys every instance of a deployment shares (docs/deployment.md)
            "VIGIE_ACCOUNTS_LOGIN_KEY", "two-instances-login-key",
            "VIGIE_ACCOUNTS_CHALLENGE_KEY", "two-instances-challenge-key",
            "VIGIE_ACCOUNTS_CHALLENGE_MAX_NUMBER", "1000",
            "VIGIE_ACCOUNTS_BCRYPT_COST", "6",
            "VIGIE_BASEMAP_UPSTREAM", "http://127.0.0.1:9/{z}/{x}/{y}.png");

    private static AppInstance a;
    private static AppInstance b;
    /** docker/proxy's nginx in front of a and b, when Debian's nginx is installed (null otherwise). */
    static Proxy proxy;

    @BeforeAll
    static void startBoth() throws Exception {
        Assumptions.assumeTrue(Files.exists(AppInstance.APP), "no packaged app at " + AppInstance.APP + ": run mvn package first");
        RestAssured.registerParser("application/problem+json", Parser.JSON);
        RestAssured.registerParser("application/geo+json", Parser.JSON);
        a = AppInstance.start("a", withAttribution(SHARED, "a"));
        b = AppInstance.start("b", withAttribution(SHARED, "b"));
        a.awaitReady(Duration.ofMinutes(3));
        b.awaitReady(Duration.ofMinutes(3));
        Optional<Path> nginx = Proxy.nginx();
        if (nginx.isPresent()) {
            proxy = Proxy.start(nginx.get(), a.port(), b.port());
        }
    }

    private static Map<String, String> withAttribution(Map<String, String> shared, String instance) {
        Map<String, String> settings = new java.util.HashMap<>(shared);
        settings.put("VIGIE_MAP_ATTRIBUTION", INSTANCE_MARK + instance);
        return settings;
    }

    @AfterAll
    static void stopBoth() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        for (AppInstance instance : new AppInstance[] {a, b}) {
            if (instance != null) {
                instance.close();
            }
        }
    }

    @Test
    void anAccountMadeOnOneLogsInOnTheOtherAndItsTokenWorksOnBoth() {
        String name = register(a, b); // the challenge from a, solved and sent to b
        String token = login(a, name);
        on(b).header("Authorization", "Bearer " + token).get("/api/auth/me").then().statusCode(200).body("username", equalTo(name));
        on(b).header("Authorization", "Bearer " + token).post("/api/auth/logout").then().statusCode(204);
        on(a).header("Authorization", "Bearer " + token).get("/api/auth/me").then().statusCode(401);
    }

    @Test
    void aWriteOnOneIsReadOnTheOtherAtOnce() {
        String token = login(a, register(a, a));
        double[] spot = spot();
        long id = create(a, token, spot[0], spot[1]);
        on(b).get("/api/cameras/" + id).then().statusCode(200).header("ETag", "\"1\"");
        on(b).header("Authorization", "Bearer " + token).header("If-Match", "\"1\"").contentType("application/json")
                .body(feature(spot[0], spot[1], "Mairie")).put("/api/cameras/" + id).then().statusCode(200);
        on(a).get("/api/cameras/" + id).then().statusCode(200).body("properties.operator", equalTo("Mairie"));
        // the version a had seen is stale, whichever instance is asked
        on(a).header("Authorization", "Bearer " + token).header("If-Match", "\"1\"").contentType("application/json")
                .body(feature(spot[0], spot[1], "Ville")).put("/api/cameras/" + id).then().statusCode(409);
    }

    @Test
    void aNewAccountsQuotaCountsItsWritesOnBoth() {
        String token = login(a, register(b, b));
        double[] spot = spot();
        int quota = 30; // vigie.limits.new-account-cameras-per-hour, the production default
        for (int i = 0; i < quota; i++) {
            create(i % 2 == 0 ? a : b, token, spot[0] + i * 0.001, spot[1]);
        }
        for (AppInstance instance : new AppInstance[] {a, b}) {
            on(instance).header("Authorization", "Bearer " + token).contentType("application/json")
                    .queryParam("confirmDuplicate", "true").body(feature(spot[0], spot[1] + 0.01, null))
                    .post("/api/cameras").then().statusCode(429);
        }
    }

    @Test
    void theLoginThrottleCountsFailuresOnBoth() {
        String name = register(a, a);
        for (int i = 0; i < 5; i++) { // vigie.accounts.login-failures
            on(i % 2 == 0 ? a : b).contentType("application/json")
                    .body(Map.of("username", name, "password", "not the password at all")).post("/api/auth/login")
                    .then().statusCode(401);
        }
        on(a).contentType("application/json").body(Map.of("username", name, "password", PASSWORD)).post("/api/auth/login")
                .then().statusCode(429);
        on(b).contentType("application/json").body(Map.of("username", name, "password", PASSWORD)).post("/api/auth/login")
                .then().statusCode(429);
    }

    @Test
    void clusterCountsStayExactWithWritersOnBoth() throws Exception {
        double[] spot = spot();
        String box = (spot[0] - 0.05) + "," + (spot[1] - 0.05) + "," + (spot[0] + 0.15) + "," + (spot[1] + 0.15);
        long before = clustered(a, box, 5);
        long beforeLive = clustered(b, box, 15);
        List<String> writers = List.of(login(a, register(a, a)), login(b, register(b, b)));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Long>> writes = new ArrayList<>();
        for (int w = 0; w < writers.size(); w++) {
            for (int i = 0; i < 20; i++) {
                String token = writers.get(w);
                AppInstance instance = (i + w) % 2 == 0 ? a : b;
                double lon = spot[0] + w * 0.05 + (i % 5) * 0.01;
                double lat = spot[1] + (i / 5) * 0.01;
                writes.add(pool.submit(() -> create(instance, token, lon, lat)));
            }
        }
        for (Future<Long> write : writes) {
            write.get();
        }
        pool.shutdown();
        long expected = before + writes.size();
        assertEquals(expected, clustered(a, box, 5), "aggregated counts read on a");
        assertEquals(expected, clustered(b, box, 5), "aggregated counts read on b");
        assertEquals(beforeLive + writes.size(), clustered(b, box, 15), "live counts read on b");
    }

    @Test
    void thePackagedAppCarriesThePatchedLibraries() throws Exception {
        Path lib = AppInstance.APP.getParent().resolve("lib").resolve("main");
        List<String> jars;
        try (Stream<Path> files = Files.list(lib)) {
            jars = files.map(p -> p.getFileName().toString()).toList();
        }
        for (String expected : List.of("io.netty.netty-codec-http-4.1.137.Final.jar", "org.postgresql.postgresql-42.7.14.jar",
                "com.fasterxml.jackson.core.jackson-databind-2.21.8.jar", "org.hibernate.orm.hibernate-core-7.2.25.Final.jar")) {
            assertTrue(jars.contains(expected), expected + " missing from " + lib + ": " + jars.stream()
                    .filter(j -> j.contains(expected.substring(0, expected.lastIndexOf('-')))).toList());
        }
    }

    // --- through docker/proxy's nginx (skipped without Debian's nginx)

    @Test
    void theProxySpreadsRequestsOverBothInstances() {
        requireProxy();
        Set<String> answeredBy = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            answeredBy.add(viaProxy().get("/api/config").then().statusCode(200).extract().jsonPath().getString("attribution"));
        }
        assertEquals(Set.of(INSTANCE_MARK + "a", INSTANCE_MARK + "b"), answeredBy);
    }

    @Test
    void aTokenFromOneInstanceWorksThroughTheProxyWhicheverAnswers() {
        requireProxy();
        String name = register(a, a);
        String token = login(a, name);
        for (int i = 0; i < 4; i++) { // round robin: two to each instance
            viaProxy().header("Authorization", "Bearer " + token).get("/api/auth/me").then().statusCode(200)
                    .body("username", equalTo(name));
        }
        viaProxy().header("Authorization", "Bearer " + token).post("/api/auth/logout").then().statusCode(204);
        for (int i = 0; i < 2; i++) {
            viaProxy().header("Authorization", "Bearer " + token).get("/api/auth/me").then().statusCode(401);
        }
    }

    @Test
    void theProxyPassesUploadsOnAsTheyComeSoTheAppRefusesBeforeTheBody() throws Exception {
        requireProxy();
        // anonymous: the app's gate answers 401 at once; a proxy that buffered the body would wait for its 5 MB
        for (String route : List.of("POST /api/cameras/1/photos", "PUT /api/sites/1/floors/0/plan", "POST /api/imports")) {
            String[] line = route.split(" ");
            assertEquals(401, declareAndSendSome(line[0], line[1], 5 * 1024 * 1024, Duration.ofSeconds(15)), route);
        }
        // the JSON routes' bodies are buffered by the proxy (nginx's default): no answer before the whole
        // body, which shows that the check above would see a buffering proxy
        assertThrows(SocketTimeoutException.class,
                () -> declareAndSendSome("POST", "/api/cameras", 512 * 1024, Duration.ofSeconds(2)));
    }

    @Test
    void aChunkedPhotoPastItsLimitIsRefusedWithAProblemThroughTheProxy() throws Exception {
        requireProxy();
        String token = login(a, register(a, a));
        double[] spot = spot();
        long camera = create(b, token, spot[0], spot[1]);
        long wanted = 100L * 1024 * 1024;
        try (ChunkedUpload upload = ChunkedUpload.zeros(proxy.port(), "POST", "/api/cameras/" + camera + "/photos", token, wanted)) {
            ChunkedUpload.Reply reply = upload.reply();
            assertEquals(413, reply.status(), reply.head() + reply.body());
            // a problem either way: the app's naming the file (cut at 10 MB), or the proxy's naming the body
            // (its own 11 MB, when it counts past it before the app's answer comes back through it)
            assertTrue(reply.head().contains("application/problem+json"), reply.head());
            assertTrue(List.of("file", "body").contains(JsonPath.from(reply.body()).getString("errors[0].field")), reply.body());
            assertTrue(upload.sent() < wanted / 2, "answered after " + upload.sent() + " bytes");
        }
    }

    private static void requireProxy() {
        Assumptions.assumeTrue(proxy != null, "nginx is not installed (apt-get install nginx-light; ./dev test installs it):"
                + " the proxy of docker/proxy is not tested");
    }

    private static RequestSpecification viaProxy() {
        return given().baseUri(proxy.base());
    }

    /** Through the proxy: the head of a multipart upload declaring {@code declared} bytes, and 64 kB of it; the answer's status. */
    private static int declareAndSendSome(String method, String path, int declared, Duration wait) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", proxy.port())) {
            socket.setSoTimeout((int) wait.toMillis());
            OutputStream out = socket.getOutputStream();
            String contentType = path.equals("/api/cameras") ? "application/json" : "multipart/form-data; boundary=b";
            out.write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType + "\r\n"
                    + "Content-Length: " + declared + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[64 * 1024]);
            out.flush();
            byte[] status = socket.getInputStream().readNBytes(12);
            String line = new String(status, StandardCharsets.US_ASCII);
            assertTrue(line.startsWith("HTTP/1.1 "), "no answer: " + line);
            return Integer.parseInt(line.substring(9, 12));
        }
    }

    private static RequestSpecification on(AppInstance instance) {
        return given().baseUri(instance.base());
    }

    /** Registers a new account: the challenge asked of one instance, the registration sent to another. */
    private static String register(AppInstance challenger, AppInstance registrar) {
        JsonPath challenge = on(challenger).get("/api/auth/challenge").then().statusCode(200).extract().jsonPath();
        String altcha = Altcha.payload(challenge.getString("challenge"), Altcha.solve(challenge), challenge.getString("salt"),
                challenge.getString("signature"));
        String name = "two-" + UUID.randomUUID().toString().substring(0, 8);
        on(registrar).contentType("application/json").body(Map.of("username", name, "password", PASSWORD, "altcha", altcha))
                .post("/api/auth/register").then().statusCode(201);
        return name;
    }

    private static String login(AppInstance instance, String name) {
        return on(instance).contentType("application/json").body(Map.of("username", name, "password", PASSWORD))
                .post("/api/auth/login").then().statusCode(200).extract().jsonPath().getString("token");
    }

    private static long create(AppInstance instance, String token, double lon, double lat) {
        return on(instance).header("Authorization", "Bearer " + token).contentType("application/json")
                .queryParam("confirmDuplicate", "true").body(feature(lon, lat, null))
                .post("/api/cameras").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static Map<String, Object> feature(double lon, double lat, String operator) {
        Map<String, Object> properties = operator == null ? Map.of("kind", "camera") : Map.of("kind", "camera", "operator", operator);
        return Map.of("type", "Feature", "geometry", Map.of("type", "Point", "coordinates", List.of(lon, lat)),
                "properties", properties);
    }

    private static long clustered(AppInstance instance, String box, int zoom) {
        List<Integer> counts = on(instance).queryParam("bbox", box).queryParam("zoom", zoom).get("/api/cameras/clusters")
                .then().statusCode(200).extract().jsonPath().getList("features.properties.count", Integer.class);
        return counts.stream().mapToLong(Integer::longValue).sum();
    }

    /** A patch of the southern ocean of this run's own, far from every other test's cameras. */
    private static double[] spot() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new double[] {-140 + random.nextDouble() * 20, -55 + random.nextDouble() * 10};
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }
}
