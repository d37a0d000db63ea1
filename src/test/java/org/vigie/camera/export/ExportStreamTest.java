package org.vigie.camera.export;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.support.Api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A GeoJSON export is streamed in chunks of kilobytes, not one per camera: each flush is a write handed
 * to the event loops that also answer the map's readers, and a world export holds a million cameras.
 */
@QuarkusTest
class ExportStreamTest {

    private static final int CAMERAS = 120;

    @BeforeAll
    static void parsers() {
        Api.init();
    }

    @Test
    void aGeoJsonExportComesInChunksOfManyCameras() throws IOException {
        double[] spot = Api.freshSpot();
        for (int i = 0; i < CAMERAS; i++) {
            Api.create(spot[0] + (i % 12) * 0.0005, spot[1] + (i / 12) * 0.0005, Map.of("kind", "camera"));
        }
        String path = "/api/cameras/export?format=geojson&bbox=" + Api.bboxAround(spot, 0.01);
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            String head = line(in);
            assertTrue(head.startsWith("HTTP/1.1 200"), head);
            boolean chunked = false;
            for (String header; !(header = line(in)).isEmpty(); ) {
                chunked |= header.equalsIgnoreCase("transfer-encoding: chunked");
            }
            assertTrue(chunked, "a stream of unknown length is sent chunked");
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            int chunks = 0;
            for (int size; (size = Integer.parseInt(line(in).strip(), 16)) > 0; chunks++) {
                body.write(in.readNBytes(size));
                line(in);
            }
            assertEquals(CAMERAS, JsonPath.from(body.toString(StandardCharsets.UTF_8)).getList("features").size());
            assertTrue(chunks <= CAMERAS / 4, chunks + " chunks for " + CAMERAS + " cameras (" + body.size() + " bytes)");
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b; (b = in.read()) != -1 && b != '\n'; ) {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }
}
