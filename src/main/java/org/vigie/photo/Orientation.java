package org.vigie.photo;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;

import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;

/**
 * The EXIF orientation of a phone's JPEG (phones store the pixels as the sensor saw them and
 * say in EXIF how to turn them). The metadata is dropped, so the turn is applied to the pixels
 * first, or a portrait photo would be served lying on its side.
 */
final class Orientation {

    private Orientation() {
    }

    /** The EXIF orientation tag, 1 to 8; 1 (as stored) when absent or unreadable. */
    static int of(byte[] jpeg) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg))) {
            List<JPEGSegment> segments = JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif");
            if (segments.isEmpty()) {
                return 1;
            }
            byte[] data;
            try (InputStream exif = segments.get(0).data()) {
                data = exif.readAllBytes();
            }
            int start = data.length > 0 && data[0] == 0 ? 1 : 0; // the second NUL after "Exif"
            try (ImageInputStream tiff = new MemoryCacheImageInputStream(
                    new ByteArrayInputStream(data, start, data.length - start))) {
                Directory ifd0 = new TIFFReader().read(tiff);
                Entry entry = ifd0.getEntryById(TIFF.TAG_ORIENTATION);
                int value = entry != null && entry.getValue() instanceof Number n ? n.intValue() : 1;
                return value >= 1 && value <= 8 ? value : 1;
            }
        } catch (Exception | StackOverflowError e) {
            return 1; // broken EXIF is common and harmless: the pixels decode without it
        }
    }

    /** The pixels turned (and mirrored) upright, following EXIF orientation 1 to 8. */
    static BufferedImage upright(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swaps = orientation >= 5;
        AffineTransform t = new AffineTransform();
        switch (orientation) {
            case 2 -> { t.translate(w, 0); t.scale(-1, 1); }
            case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
            case 4 -> { t.translate(0, h); t.scale(1, -1); }
            case 5 -> { t.rotate(-Math.PI / 2); t.scale(-1, 1); }
            case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
            case 7 -> { t.scale(-1, 1); t.translate(-h, 0); t.translate(0, w); t.rotate(-Math.PI / 2); }
            default -> { t.translate(0, w); t.rotate(-Math.PI / 2); } // 8
        }
        BufferedImage out = new BufferedImage(swaps ? h : w, swaps ? w : h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(image, t, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
