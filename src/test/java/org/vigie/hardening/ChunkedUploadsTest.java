package org.vigie.hardening;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.support.Accounts;
import org.vigie.support.Api;
import org.vigie.support.ChunkedUpload;
import org.vigie.support.TestImages;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Uploads sent chunked (no Content-Length) are held to their route's limit as they arrive, not to
 * Quarkus's 200 MB: the sender means to send 100 MB, and the 413 naming {@code file} comes back while it
 * is still sending, shortly past the limit; the part already written to the upload directory is gone
 * afterwards. The gates still answer first, the JSON routes refuse chunked bodies at once (411), and a
 * chunked upload within the limit is served as any other.
 */
@QuarkusTest
class ChunkedUploadsTest {

    private static final long MB = 1024 * 1024;
    /** What the sender means to send: far past every limit, so that an answer before it is done is early. */
    private static final long WANTED = 100 * MB;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void aChunkedPhotoIsCutAtTenMegabytesWithA413NamingTheFileAndNothingStaysOnDisk() throws Exception {
        long camera = camera();
        assertCut("POST", "/api/cameras/" + camera + "/photos", Accounts.volunteer().token(), 10 * MB, "10 MB");
    }

    @Test
    void aChunkedPhotoAskingToContinueIsCutAlike() throws Exception {
        // curl sends "Expect: 100-continue" before a large upload: the "100 Continue" is no answer to the upload
        Set<String> before = uploads();
        try (ChunkedUpload upload = ChunkedUpload.zerosAskingToContinue("POST", "/api/cameras/" + camera() + "/photos",
                Accounts.volunteer().token(), WANTED)) {
            ChunkedUpload.Reply reply = upload.reply();
            assertEquals(413, reply.status(), reply.head() + reply.body());
            assertEquals("file", JsonPath.from(reply.body()).getString("errors[0].field"), reply.body());
            assertTrue(upload.sent() < WANTED / 2, "answered only after " + upload.sent() + " bytes");
        }
        assertNothingLeft(before);
    }

    @Test
    void aChunkedFloorPlanIsCutAtTenMegabytesToo() throws Exception {
        long site = Api.asVolunteer().body(site(Api.freshSpot())).post("/api/sites").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        assertCut("PUT", "/api/sites/" + site + "/floors/0/plan", Accounts.volunteer().token(), 10 * MB, "10 MB");
    }

    @Test
    void aChunkedImportIsCutAtTheImportLimit() throws Exception {
        // vigie.http.max-import-body: 200 MB in production, 12 MB in tests (application.properties)
        long limit = ConfigProvider.getConfig().getValue("vigie.http.max-import-body", io.quarkus.runtime.configuration.MemorySize.class)
                .asLongValue();
        assertTrue(limit < WANTED, "the import limit in tests must be below what the sender sends");
        assertCut("POST", "/api/imports", Accounts.admin().token(), limit, limit / MB + " MB");
    }

    @Test
    void theGatesStillAnswerAChunkedUploadBeforeItsBody() throws Exception {
        Set<String> before = uploads();
        try (ChunkedUpload upload = ChunkedUpload.zeros("POST", "/api/cameras/" + camera() + "/photos", null, WANTED)) {
            ChunkedUpload.Reply reply = upload.reply();
            assertEquals(401, reply.status(), reply.head());
            assertTrue(upload.sent() < WANTED / 2, "the gate waited for " + upload.sent() + " bytes");
        }
        assertNothingLeft(before);
    }

    @Test
    void aChunkedJsonBodyIsRefusedAtOnce() throws Exception {
        try (ChunkedUpload upload = ChunkedUpload.json("/api/cameras", Accounts.volunteer().token(), WANTED)) {
            ChunkedUpload.Reply reply = upload.reply();
            assertEquals(411, reply.status(), reply.head());
            assertTrue(reply.head().contains("application/problem+json"), reply.head());
            assertTrue(upload.sent() < WANTED / 2, "the JSON route read " + upload.sent() + " bytes first");
        }
    }

    @Test
    void cleartextHttp2IsNoWayAroundTheLimits() throws Exception {
        // over h2c a body needs neither Content-Length nor chunked encoding: the server does not speak it
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(new byte[] {0, 0, 0, 4, 0, 0, 0, 0, 0}); // an empty SETTINGS frame
            socket.getOutputStream().flush();
            byte[] answer;
            try {
                answer = socket.getInputStream().readNBytes(9);
            } catch (java.net.SocketException closed) {
                answer = new byte[0];
            }
            // an HTTP/2 server answers with its SETTINGS frame: type 4 in the fourth byte
            assertFalse(answer.length >= 4 && answer[3] == 4, "the server spoke HTTP/2: " + java.util.Arrays.toString(answer));
        }
    }

    @Test
    void aChunkedPhotoWithinTheLimitIsServedAndTheConnectionGoesOn() throws Exception {
        long camera = camera();
        byte[] jpeg = TestImages.phoneJpeg(800, 600, 1);
        try (ChunkedUpload upload = ChunkedUpload.file("POST", "/api/cameras/" + camera + "/photos", Accounts.volunteer().token(), jpeg)) {
            ChunkedUpload.Reply reply = upload.reply();
            assertEquals(201, reply.status(), reply.head() + reply.body());
            upload.awaitSender(5_000);
            // the counting stepped aside at the body's end: the next request on the connection is served
            OutputStream out = upload.socket().getOutputStream();
            out.write(("GET /api/cameras/" + camera + "/photos HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            ChunkedUpload.Reply list = upload.reply();
            assertEquals(200, list.status(), list.head());
            assertEquals(1, JsonPath.from(list.body()).getList("$").size(), list.body());
        }
    }

    /**
     * Sends WANTED bytes chunked and checks the 413 naming the file, that it came after {@code limit}
     * bytes but well before WANTED, that the upload did reach the disk (the parser wrote it), and that
     * nothing of it stays there.
     */
    private static void assertCut(String method, String path, String token, long limit, String fileLimit) throws Exception {
        Set<String> before = uploads();
        try (UploadGatesTest.UploadWatch watch = new UploadGatesTest.UploadWatch();
             ChunkedUpload upload = ChunkedUpload.zeros(method, path, token, WANTED)) {
            ChunkedUpload.Reply reply = upload.reply();
            long sentWhenAnswered = upload.sent();
            assertEquals(413, reply.status(), reply.head() + reply.body());
            assertTrue(reply.head().contains("application/problem+json"), reply.head());
            JsonPath problem = JsonPath.from(reply.body());
            assertEquals("file", problem.getString("errors[0].field"), reply.body());
            assertEquals("must be at most " + fileLimit, problem.getString("errors[0].reason"), reply.body());
            assertTrue(sentWhenAnswered >= limit - 64 * 1024, "cut before its limit, at " + sentWhenAnswered);
            assertTrue(sentWhenAnswered < WANTED / 2, "answered only after " + sentWhenAnswered + " bytes");
            // the check below, that nothing stays, could fail: the parser had written the cut upload
            assertTrue(watch.created().stream().anyMatch(name -> name.startsWith("resteasy-reactive")), "no upload file seen");
        }
        assertNothingLeft(before);
    }

    /** The upload directory holds nothing that was not there before (its files go at the end of their request). */
    private static void assertNothingLeft(Set<String> before) throws Exception {
        Set<String> left = Set.of();
        for (int i = 0; i < 50; i++) {
            left = new HashSet<>(uploads());
            left.removeAll(before);
            if (left.isEmpty()) {
                return;
            }
            Thread.sleep(100);
        }
        assertEquals(Set.of(), left, "left in the upload directory");
    }

    private static Set<String> uploads() throws IOException {
        Path dir = Path.of(ConfigProvider.getConfig().getValue("quarkus.http.body.uploads-directory", String.class));
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(dir)) {
            return new HashSet<>(files.map(p -> p.getFileName().toString()).toList());
        }
    }

    private static long camera() {
        double[] spot = Api.freshSpot();
        return Api.create(spot[0], spot[1], Map.of("kind", "camera"));
    }

    private static Map<String, Object> site(double[] spot) {
        double d = 0.0005;
        List<List<Double>> ring = List.of(List.of(spot[0] - d, spot[1] - d), List.of(spot[0] + d, spot[1] - d),
                List.of(spot[0] + d, spot[1] + d), List.of(spot[0] - d, spot[1] + d), List.of(spot[0] - d, spot[1] - d));
        return Map.of("name", "Dépôt de bus", "employer", "Régie des transports",
                "outline", Map.of("type", "Polygon", "coordinates", List.of(ring)),
                "floors", List.of(Map.of("level", "0", "name", "Rez-de-chaussée")));
    }
}
