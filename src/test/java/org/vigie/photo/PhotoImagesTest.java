package org.vigie.photo;

import org.junit.jupiter.api.Test;
import org.vigie.common.problem.ProblemException;
import org.vigie.support.JpegMarkers;
import org.vigie.support.TestImages;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The re-encoding itself, without the server: what survives of an upload, and what is refused. */
public class PhotoImagesTest {

    /** SOI, quantisation tables, baseline frame, Huffman tables, start of scan: nothing else, not even JFIF (APP0). */
    static final List<Integer> PLAIN_JPEG_MARKERS = List.of(0xD8, 0xDB, 0xC0, 0xC4, 0xDA);

    @Test
    void aPhoneJpegLosesEveryMetadataSegmentAndItsThumbnail() {
        byte[] upload = TestImages.phoneJpeg(800, 600, 1);
        assertTrue(JpegMarkers.of(upload).containsAll(List.of(0xE1, 0xED, 0xFE)), "the upload carries EXIF, XMP, IRB, comment");

        PhotoImages.Encoded out = PhotoImages.process(upload);

        for (byte[] jpeg : List.of(out.image(), out.thumbnail())) {
            assertMetadataFree(jpeg);
        }
        assertEquals(800, out.width());
        assertEquals(600, out.height());
    }

    @Test
    void largePhotosAreScaledAndTheThumbnailFitsIn320Pixels() throws IOException {
        PhotoImages.Encoded out = PhotoImages.process(TestImages.phoneJpeg(3000, 2000, 1));
        assertEquals(1600, out.width());
        assertEquals(1067, out.height());
        BufferedImage image = read(out.image());
        assertEquals(1600, image.getWidth());
        BufferedImage thumbnail = read(out.thumbnail());
        assertEquals(320, thumbnail.getWidth());
        assertEquals(213, thumbnail.getHeight());
    }

    @Test
    void theExifOrientationIsAppliedToThePixelsBeforeItIsDropped() throws IOException {
        // orientation 6: the phone was held upright, the sensor stored the picture lying on its side
        PhotoImages.Encoded out = PhotoImages.process(TestImages.phoneJpeg(400, 200, 6));
        assertEquals(200, out.width());
        assertEquals(400, out.height());
        BufferedImage image = read(out.image());
        // the blue top-left quarter of the stored pixels is now the top-right quarter
        assertBlue(image.getRGB(150, 50));
        assertRed(image.getRGB(50, 50));
        assertRed(image.getRGB(150, 350));

        BufferedImage turned8 = read(PhotoImages.process(TestImages.phoneJpeg(400, 200, 8)).image());
        assertBlue(turned8.getRGB(50, 350)); // bottom-left
        BufferedImage turned3 = read(PhotoImages.process(TestImages.phoneJpeg(400, 200, 3)).image());
        assertBlue(turned3.getRGB(350, 150)); // bottom-right
    }

    @Test
    void pngWithTransparencyBecomesAnOpaqueJpeg() throws IOException {
        PhotoImages.Encoded out = PhotoImages.process(TestImages.png(300, 200));
        assertMetadataFree(out.image());
        assertBlue(read(out.image()).getRGB(10, 10));
    }

    @Test
    void webpIsDecodedAndItsIccChunkDropped() throws IOException {
        assertTrue(JpegMarkers.contains(TestImages.WEBP, "ICCP"));
        PhotoImages.Encoded out = PhotoImages.process(TestImages.WEBP);
        assertEquals(40, out.width());
        assertEquals(30, out.height());
        assertMetadataFree(out.image());
        assertBlue(read(out.image()).getRGB(5, 5));
        assertRed(read(out.image()).getRGB(35, 25));
    }

    @Test
    void pngTextExifAndIccChunksDoNotSurvive() throws IOException {
        byte[] upload = TestImages.pngWithMetadata(300, 200);
        for (String chunk : List.of("iCCP", "tEXt", "zTXt", "iTXt", "eXIf", TestImages.DEVICE_MAKE, "shot by", TestImages.XMP_MARKER)) {
            assertTrue(JpegMarkers.contains(upload, chunk), "the upload carries " + chunk);
        }
        PhotoImages.Encoded out = PhotoImages.process(upload);
        assertMetadataFree(out.image());
        assertMetadataFree(out.thumbnail());
        assertBlue(read(out.image()).getRGB(10, 10));
        assertRed(read(out.image()).getRGB(290, 190));
    }

    @Test
    void webpExifAndXmpChunksDoNotSurvive() throws IOException {
        byte[] upload = TestImages.webpWithMetadata();
        for (String chunk : List.of("ICCP", "EXIF", "XMP ", TestImages.DEVICE_MAKE, TestImages.XMP_MARKER)) {
            assertTrue(JpegMarkers.contains(upload, chunk), "the upload carries " + chunk);
        }
        PhotoImages.Encoded out = PhotoImages.process(upload);
        assertMetadataFree(out.image());
        assertMetadataFree(out.thumbnail());
        assertBlue(read(out.image()).getRGB(5, 5));
        assertRed(read(out.image()).getRGB(35, 25));
    }

    @Test
    void withoutJfifTheColoursStillReadBackRight() throws IOException {
        // No JFIF nor Adobe segment: three components are YCbCr to every decoder, as written.
        BufferedImage picture = TestImages.picture(64, 64, false);
        java.awt.Graphics2D g = picture.createGraphics();
        g.setColor(new java.awt.Color(20, 200, 40));
        g.fillRect(48, 0, 16, 16);
        g.dispose();
        BufferedImage back = read(PhotoImages.process(TestImages.encode(picture, "png")).image());
        for (int[] at : new int[][] {{8, 8}, {40, 48}, {56, 8}}) {
            int expected = picture.getRGB(at[0], at[1]);
            int got = back.getRGB(at[0], at[1]);
            for (int shift : new int[] {16, 8, 0}) {
                int difference = Math.abs(((expected >> shift) & 0xFF) - ((got >> shift) & 0xFF));
                assertTrue(difference < 24, "at " + at[0] + "," + at[1] + ": " + Integer.toHexString(expected) + " came back "
                        + Integer.toHexString(got));
            }
        }
    }

    @Test
    void whatIsNotAnImageIsRefusedNamingTheFile() {
        ProblemException text = assertThrows(ProblemException.class,
                () -> PhotoImages.process("this is not a photo\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(415, text.status());
        assertEquals("file", text.fieldErrors().get(0).field());

        byte[] broken = TestImages.phoneJpeg(100, 100, 1);
        java.util.Arrays.fill(broken, 60, broken.length, (byte) 0x00);
        ProblemException truncated = assertThrows(ProblemException.class, () -> PhotoImages.process(broken));
        assertEquals(422, truncated.status());
        assertEquals("file", truncated.fieldErrors().get(0).field());
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeader() {
        ProblemException bomb = assertThrows(ProblemException.class, () -> PhotoImages.process(TestImages.pngClaiming(60_000, 60_000)));
        assertEquals(422, bomb.status());
        assertTrue(bomb.getMessage().contains("60000 × 60000 pixels is more than 50 megapixels"), bomb.getMessage());
    }

    /** Only the markers a plain baseline JPEG needs (no APPn segment at all), and no trace of the original's metadata anywhere. */
    public static void assertMetadataFree(byte[] jpeg) {
        assertEquals(List.of(), JpegMarkers.metadataSegments(jpeg), "APPn or comment segments");
        assertEquals(PLAIN_JPEG_MARKERS, JpegMarkers.of(jpeg).stream().distinct().toList());
        for (String trace : List.of("Exif", "GPS", TestImages.DEVICE_MAKE, "Photoshop", TestImages.XMP_MARKER, "ICC_PROFILE", "shot by")) {
            assertFalse(JpegMarkers.contains(jpeg, trace), "the JPEG still holds " + trace);
        }
        assertFalse(JpegMarkers.contains(jpeg, "JFIF"), "the JPEG still holds a JFIF segment");
    }

    private static BufferedImage read(byte[] jpeg) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(jpeg));
    }

    private static void assertBlue(int rgb) {
        assertTrue((rgb & 0xFF) > 200 && ((rgb >> 16) & 0xFF) < 60, "blue expected, got " + Integer.toHexString(rgb));
    }

    private static void assertRed(int rgb) {
        assertTrue(((rgb >> 16) & 0xFF) > 150 && (rgb & 0xFF) < 100, "red expected, got " + Integer.toHexString(rgb));
    }
}
