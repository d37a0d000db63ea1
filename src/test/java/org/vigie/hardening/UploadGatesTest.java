package org.vigie.hardening;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.support.Accounts;
import org.vigie.support.Api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The upload routes (photos, floor plans, imports) answer their refusals (401, 403, 404, 410) before reading the
 * body: the client declares 5 MB and sends a first slice only, and the answer comes all the same;
 * nothing reaches the upload directory. The upload that is admitted, on the contrary, waits for its body.
 */
@QuarkusTest
class UploadGatesTest {

    private static final int FIVE_MB = 5 * 1024 * 1024;
    private static final String BOUNDARY = "vigie-gate-test";

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void anAnonymousUploadIsRefusedBeforeItsBodyIsRead() throws Exception {
        long camera = camera();
        try (UploadWatch uploads = new UploadWatch()) {
            Answer answer = postDeclaringFiveMegabytes(camera, null);
            assertEquals(401, answer.status(), answer.head());
            assertTrue(answer.head().contains("application/problem+json"), answer.head());
            assertTrue(answer.head().toLowerCase().contains("www-authenticate: bearer"), answer.head());
            assertEquals(List.of(), uploads.created(), "an anonymous upload was written to disk");
        }
    }

    @Test
    void aBadTokenAnUnknownAndADeletedCameraAreRefusedBeforeTheBody() throws Exception {
        assertEquals(401, postDeclaringFiveMegabytes(camera(), "not-a-token-of-this-server").status());
        String token = Accounts.volunteer().token();
        long deleted = camera();
        Api.delete(deleted, 1);
        try (UploadWatch uploads = new UploadWatch()) {
            assertEquals(404, postDeclaringFiveMegabytes(987_654_321L, token).status());
            Answer gone = postDeclaringFiveMegabytes(deleted, token);
            assertEquals(410, gone.status(), gone.head());
            assertEquals(List.of(), uploads.created());
        }
    }

    @Test
    void theImportRouteRefusesAnyoneButAnAdministratorBeforeTheBody() throws Exception {
        try (UploadWatch uploads = new UploadWatch()) {
            assertEquals(401, postDeclaringFiveMegabytes("/api/imports", null).status());
            Answer volunteer = postDeclaringFiveMegabytes("/api/imports", Accounts.volunteer().token());
            assertEquals(403, volunteer.status(), volunteer.head());
            assertEquals(403, postDeclaringFiveMegabytes("/api/imports", Accounts.moderator().token()).status());
            assertEquals(List.of(), uploads.created());
        }
    }

    @Test
    void theBoundaryRouteRefusesAnyoneButAnAdministratorBeforeTheBodyAndALargerFileAtOnce() throws Exception {
        try (UploadWatch uploads = new UploadWatch()) {
            assertEquals(401, postDeclaringFiveMegabytes("/api/cities/boundaries", null).status());
            assertEquals(403, postDeclaringFiveMegabytes("/api/cities/boundaries", Accounts.volunteer().token()).status());
            assertEquals(403, postDeclaringFiveMegabytes("/api/cities/boundaries", Accounts.moderator().token()).status());
            // an admin's file beyond the route's 100 MB: refused from its Content-Length, before a byte is read
            Answer tooLarge = postDeclaring("POST", "/api/cities/boundaries", Accounts.admin().token(), 101 * 1024 * 1024);
            assertEquals(413, tooLarge.status(), tooLarge.head());
            assertTrue(tooLarge.head().contains("application/problem+json"), tooLarge.head());
            assertEquals(List.of(), uploads.created());
        }
    }

    @Test
    void theFloorPlanRouteRefusesBeforeTheBody() throws Exception {
        try (UploadWatch uploads = new UploadWatch()) {
            Answer anonymous = postDeclaringFiveMegabytes("PUT", "/api/sites/987654321/floors/0/plan", null);
            assertEquals(401, anonymous.status(), anonymous.head());
            Answer unknownSite = postDeclaringFiveMegabytes("PUT", "/api/sites/987654321/floors/0/plan", Accounts.volunteer().token());
            assertEquals(404, unknownSite.status(), unknownSite.head());
            assertEquals(List.of(), uploads.created());
        }
    }

    @Test
    void anAdmittedUploadWaitsForItsBodyThenIsJudgedOnIt() throws Exception {
        long camera = camera();
        try (UploadWatch uploads = new UploadWatch(); Socket socket = new Socket("localhost", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            byte[] body = multipart(new byte[64 * 1024]);
            out.write(head("POST", "/api/cameras/" + camera + "/photos", Accounts.volunteer().token(), body.length));
            out.write(body, 0, 1024);
            out.flush();
            socket.setSoTimeout(1500);
            // the gate let it through: the resource waits for the rest of the body
            assertThrows(SocketTimeoutException.class, () -> socket.getInputStream().read());
            out.write(body, 1024, body.length - 1024);
            out.flush();
            socket.setSoTimeout(30_000);
            Answer answer = Answer.read(socket.getInputStream());
            // zeros are no image: refused by the resource once read, never a 401 or 500
            assertTrue(answer.status() == 415 || answer.status() == 422, answer.head());
            // the watch sees uploads: the checks above that found none could have failed
            assertTrue(uploads.created().stream().anyMatch(name -> name.startsWith("resteasy-reactive")), "no upload file seen");
        }
    }

    @Test
    void theRefusalIsTheSameProblemAsTheResourceGives() {
        given().multiPart("file", "a.jpg", new byte[10], "image/jpeg").post("/api/cameras/{id}/photos", camera())
                .then().statusCode(401).contentType(Api.PROBLEM)
                .body("type", org.hamcrest.Matchers.endsWith("unauthorized"));
    }

    /** Sends the headers of a 5 MB multipart upload and its first 64 kB only, and reads the answer. */
    private static Answer postDeclaringFiveMegabytes(long camera, String token) throws IOException {
        return postDeclaringFiveMegabytes("/api/cameras/" + camera + "/photos", token);
    }

    private static Answer postDeclaringFiveMegabytes(String path, String token) throws IOException {
        return postDeclaringFiveMegabytes("POST", path, token);
    }

    private static Answer postDeclaringFiveMegabytes(String method, String path, String token) throws IOException {
        byte[] body = multipart(new byte[FIVE_MB]);
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(head(method, path, token, body.length));
            out.write(body, 0, 64 * 1024);
            out.flush();
            // no more of the body is sent: an answer now means the server did not wait for it
            return Answer.read(socket.getInputStream());
        }
    }

    /** Declares a body of {@code length} bytes and sends 64 kB of it only, then reads the answer. */
    private static Answer postDeclaring(String method, String path, String token, int length) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(head(method, path, token, length));
            out.write(multipart(new byte[64 * 1024]));
            out.flush();
            return Answer.read(socket.getInputStream());
        }
    }

    private static byte[] head(String method, String path, String token, int length) {
        String head = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\n"
                + "Content-Length: " + length + "\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n";
        return head.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] multipart(byte[] file) {
        byte[] start = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] end = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = Arrays.copyOf(start, start.length + file.length + end.length);
        System.arraycopy(file, 0, all, start.length, file.length);
        System.arraycopy(end, 0, all, start.length + file.length, end.length);
        return all;
    }

    private static long camera() {
        double[] spot = Api.freshSpot();
        return Api.create(spot[0], spot[1], Map.of("kind", "camera"));
    }

    /**
     * Watches the directory where Quarkus writes multipart uploads (its own per worktree in tests:
     * target/uploads); a file written there is removed at the end of its request, so what is
     * checked is whether one was ever created.
     */
    static final class UploadWatch implements AutoCloseable {
        private final WatchService watch;
        private final Path dir;

        UploadWatch() throws IOException {
            dir = Path.of(ConfigProvider.getConfig().getValue("quarkus.http.body.uploads-directory", String.class));
            Files.createDirectories(dir);
            watch = FileSystems.getDefault().newWatchService();
            dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
        }

        /** The files created since the watch began. */
        List<String> created() throws InterruptedException {
            Thread.sleep(300); // events come asynchronously
            List<String> names = new ArrayList<>();
            WatchKey key;
            while ((key = watch.poll()) != null) {
                key.pollEvents().forEach(e -> names.add(String.valueOf(e.context())));
                key.reset();
            }
            return names;
        }

        @Override
        public void close() throws IOException {
            watch.close();
        }
    }

    /** The status line and headers of an answer. */
    record Answer(int status, String head) {
        static Answer read(InputStream in) throws IOException {
            StringBuilder head = new StringBuilder();
            int b;
            while ((b = in.read()) != -1) {
                head.append((char) b);
                if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                    break;
                }
            }
            String text = head.toString();
            assertTrue(text.startsWith("HTTP/1.1 "), "no answer: " + text);
            return new Answer(Integer.parseInt(text.substring(9, 12)), text);
        }
    }
}
