package org.vigie.support;

import io.restassured.RestAssured;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A multipart upload sent chunked (Transfer-Encoding: chunked, no Content-Length) on a raw socket, as a
 * phone or a hostile client may: a sender thread writes the part's head, then 64 kB chunks of zeros until
 * {@code total} bytes, paced (about 64 MB/s) so that an answer the server gives early arrives while the
 * sender is still sending; what it had sent by then is kept. A server that closes the connection stops
 * the sender, as expected once it has answered.
 */
public final class ChunkedUpload implements AutoCloseable {

    public static final String BOUNDARY = "vigie-chunked-test";
    private static final int CHUNK = 64 * 1024;

    private final Socket socket;
    private final Thread sender;
    private final AtomicLong sent = new AtomicLong();

    /** A server's answer: status, head and body (decoded when chunked). */
    public record Reply(int status, String head, String body) {
    }

    private ChunkedUpload(String host, int port, String head, byte[] file, long total) throws IOException {
        socket = new Socket(host, port);
        socket.setSoTimeout(30_000);
        OutputStream out = socket.getOutputStream();
        sender = new Thread(() -> send(out, head, file, total), "chunked-sender");
        sender.setDaemon(true);
        sender.start();
    }

    /** Starts sending {@code total} bytes of zeros as the file of a multipart upload, to the app under test. */
    public static ChunkedUpload zeros(String method, String path, String token, long total) throws IOException {
        return new ChunkedUpload("localhost", RestAssured.port, head(method, path, token, "multipart/form-data; boundary=" + BOUNDARY),
                null, total);
    }

    /** The same with "Expect: 100-continue", as curl sends a large upload (the body follows without waiting). */
    public static ChunkedUpload zerosAskingToContinue(String method, String path, String token, long total) throws IOException {
        String head = head(method, path, token, "multipart/form-data; boundary=" + BOUNDARY);
        return new ChunkedUpload("localhost", RestAssured.port,
                head.substring(0, head.length() - 2) + "Expect: 100-continue\r\n\r\n", null, total);
    }

    /** The same to another server on the loopback (a proxy). */
    public static ChunkedUpload zeros(int port, String method, String path, String token, long total) throws IOException {
        return new ChunkedUpload("127.0.0.1", port, head(method, path, token, "multipart/form-data; boundary=" + BOUNDARY), null, total);
    }

    /** Starts sending {@code file} whole, chunked, as the multipart field "file". */
    public static ChunkedUpload file(String method, String path, String token, byte[] file) throws IOException {
        return new ChunkedUpload("localhost", RestAssured.port, head(method, path, token, "multipart/form-data; boundary=" + BOUNDARY),
                file, file.length);
    }

    /** Starts sending {@code total} bytes of a JSON string, chunked, to a JSON route. */
    public static ChunkedUpload json(String path, String token, long total) throws IOException {
        return new ChunkedUpload("localhost", RestAssured.port, head("POST", path, token, "application/json"), null, total);
    }

    private static String head(String method, String path, String token, String contentType) {
        return method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType + "\r\n"
                + "Transfer-Encoding: chunked\r\n" + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n";
    }

    private void send(OutputStream out, String head, byte[] file, long total) {
        try {
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            boolean multipart = head.contains("multipart/");
            frame(out, multipart ? ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.jpg\"\r\n"
                    + "Content-Type: image/jpeg\r\n\r\n") : "\"");
            byte[] filler = new byte[CHUNK];
            if (!multipart) {
                Arrays.fill(filler, (byte) 'a');
            }
            while (sent.get() < total) {
                int n = (int) Math.min(CHUNK, total - sent.get());
                byte[] data = file != null ? Arrays.copyOfRange(file, (int) sent.get(), (int) sent.get() + n) : filler;
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(data, 0, n);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                sent.addAndGet(n);
                Thread.sleep(1);
            }
            frame(out, multipart ? "\r\n--" + BOUNDARY + "--\r\n" : "\"");
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException closedByTheServer) {
            // expected once the server has answered and closed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One chunk of multipart framing (or JSON quotes): not counted as the file's bytes. */
    private static void frame(OutputStream out, String text) throws IOException {
        byte[] data = text.getBytes(StandardCharsets.US_ASCII);
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** How many bytes of the file (or string) have been sent so far. */
    public long sent() {
        return sent.get();
    }

    /** Reads the answer (its head, then its body by Content-Length or chunks). */
    public Reply reply() throws IOException {
        InputStream in = socket.getInputStream();
        String head;
        int status;
        do { // past "100 Continue"
            head = readHead(in);
            if (!head.startsWith("HTTP/1.1 ")) {
                throw new IOException("no answer: " + head);
            }
            status = Integer.parseInt(head.substring(9, 12));
        } while (status < 200);
        String lower = head.toLowerCase(Locale.ROOT);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (lower.contains("transfer-encoding: chunked")) {
            for (int size; (size = Integer.parseInt(readLine(in).strip(), 16)) > 0; ) {
                body.write(in.readNBytes(size));
                readLine(in);
            }
            readLine(in); // the empty line after the last chunk
        } else {
            int at = lower.indexOf("content-length:");
            if (at >= 0) {
                int length = Integer.parseInt(lower.substring(at + 15, lower.indexOf("\r\n", at)).strip());
                body.write(in.readNBytes(length));
            }
        }
        return new Reply(status, head, body.toString(StandardCharsets.UTF_8));
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int b;
        while ((b = in.read()) != -1) {
            head.append((char) b);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        return head.toString();
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            line.append((char) b);
        }
        return line.toString();
    }

    /** Waits for the sender to finish (all sent, or stopped by the server), at most {@code millis}. */
    public void awaitSender(long millis) throws InterruptedException {
        sender.join(millis);
    }

    /** The socket, for a second request on the same connection. */
    public Socket socket() {
        return socket;
    }

    @Override
    public void close() throws IOException {
        sender.interrupt();
        socket.close();
    }
}
