package org.vigie.photo;

import org.vigie.common.problem.FieldError;
import org.vigie.common.problem.ProblemException;
import org.w3c.dom.Node;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns an upload into a photo that tells nothing but its pixels: decoded (JPEG, PNG or WebP),
 * turned upright, scaled down and written anew as a JPEG from the pixels alone, so that no EXIF
 * (GPS position, device, embedded thumbnail), ICC, XMP or comment of the original survives.
 */
public final class PhotoImages {

    /** Longest side of the stored photo, and of its thumbnail, in pixels. */
    public static final int MAX_SIDE = 1600;
    public static final int THUMBNAIL_SIDE = 320;
    /** Decoding bombs: a few kilobytes may claim a gigapixel. The header is checked first. */
    public static final long MAX_PIXELS = 50_000_000L;
    private static final Set<String> FORMATS = Set.of("jpeg", "png", "webp");
    private static final float QUALITY = 0.85f;
    private static final String JPEG_METADATA = "javax_imageio_jpeg_image_1.0";

    /** A re-encoded photo and its thumbnail, both JPEG without metadata. */
    public record Encoded(byte[] image, int width, int height, byte[] thumbnail) {
    }

    private PhotoImages() {
    }

    public static Encoded process(byte[] upload) {
        return process(upload, MAX_SIDE);
    }

    /** As {@link #process(byte[])}, the image fitted to {@code maxSide} (a floor plan keeps more detail than a photo). */
    public static Encoded process(byte[] upload, int maxSide) {
        ImageIO.setUseCache(false); // never spill an upload to a temporary file
        BufferedImage decoded;
        String format;
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(upload))) {
            ImageReader reader = readerFor(in);
            format = reader.getFormatName().toLowerCase(Locale.ROOT);
            try {
                reader.setInput(in, true, true);
                decoded = decode(reader, maxSide);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            throw undecodable("the image could not be decoded (" + reason(e) + ")");
        }
        if (decoded == null) {
            throw undecodable("the image holds no picture");
        }
        BufferedImage upright = Orientation.upright(opaque(decoded), "jpeg".equals(format) ? Orientation.of(upload) : 1);
        BufferedImage photo = fit(upright, maxSide);
        BufferedImage thumbnail = fit(photo, THUMBNAIL_SIDE);
        return new Encoded(jpeg(photo), photo.getWidth(), photo.getHeight(), jpeg(thumbnail));
    }

    private static ImageReader readerFor(ImageInputStream in) {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            try {
                if (FORMATS.contains(reader.getFormatName().toLowerCase(Locale.ROOT))) {
                    return reader;
                }
            } catch (IOException e) {
                // try the next one
            }
            reader.dispose();
        }
        throw new ProblemException(415, "unsupported-image", "Unsupported image",
                "file: not a JPEG, PNG or WebP image", List.of(new FieldError("file", "must be a JPEG, PNG or WebP image")));
    }

    /** Reads the size from the header, refuses bombs, then decodes at most about twice the stored size. */
    private static BufferedImage decode(ImageReader reader, int maxSide) throws IOException {
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width < 1 || height < 1) {
            throw undecodable("the image has no pixels");
        }
        if ((long) width * height > MAX_PIXELS) {
            throw undecodable(width + " × " + height + " pixels is more than " + MAX_PIXELS / 1_000_000 + " megapixels");
        }
        ImageReadParam param = reader.getDefaultReadParam();
        int step = Math.max(1, Math.max(width, height) / (2 * maxSide));
        if (step > 1) {
            param.setSourceSubsampling(step, step, 0, 0);
        }
        return reader.read(0, param);
    }

    /** RGB pixels only: transparency goes onto white (JPEG has no alpha), grey and palettes to colour. */
    private static BufferedImage opaque(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Scaled to fit a square of {@code side}, in halving steps so that the result stays sharp. */
    static BufferedImage fit(BufferedImage image, int side) {
        int w = image.getWidth();
        int h = image.getHeight();
        double scale = Math.min(1.0, (double) side / Math.max(w, h));
        int targetW = Math.max(1, (int) Math.round(w * scale));
        int targetH = Math.max(1, (int) Math.round(h * scale));
        BufferedImage current = image;
        while (current.getWidth() != targetW || current.getHeight() != targetH) {
            int nextW = Math.max(targetW, current.getWidth() / 2);
            int nextH = Math.max(targetH, current.getHeight() / 2);
            BufferedImage next = new BufferedImage(nextW, nextH, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = next.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                g.drawImage(current, 0, 0, nextW, nextH, null);
            } finally {
                g.dispose();
            }
            current = next;
        }
        return current;
    }

    /**
     * A baseline JPEG written from the pixels alone, without even the JFIF (APP0) segment the writer
     * adds by default: no APPn segment at all. Without JFIF nor Adobe marker, decoders (libjpeg in
     * browsers, ImageIO) take three components numbered 1, 2, 3 as YCbCr, which is what is written.
     */
    private static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            writer.write(null, new IIOImage(image, null, withoutAppSegments(writer, image, param)), param);
        } catch (IOException e) {
            throw new IllegalStateException("JPEG encoding failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** The writer's default metadata for this image, its JPEGvariety (the JFIF APP0 segment) emptied. */
    private static IIOMetadata withoutAppSegments(ImageWriter writer, BufferedImage image, ImageWriteParam param)
            throws IOException {
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
        Node tree = metadata.getAsTree(JPEG_METADATA);
        for (Node child = tree.getFirstChild(); child != null; child = child.getNextSibling()) {
            if ("JPEGvariety".equals(child.getNodeName())) {
                while (child.hasChildNodes()) {
                    child.removeChild(child.getFirstChild());
                }
            }
        }
        metadata.setFromTree(JPEG_METADATA, tree);
        return metadata;
    }

    private static ProblemException undecodable(String reason) {
        return new ProblemException(422, "undecodable-image", "Undecodable image", "file: " + reason,
                List.of(new FieldError("file", reason)));
    }

    /** The decoder's message, without Java class names. */
    private static String reason(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? "broken or truncated data" : message;
    }
}
