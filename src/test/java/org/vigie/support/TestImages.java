package org.vigie.support;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Images for the photo tests, made here: a phone-like JPEG carrying EXIF (GPS position, device,
 * orientation, an embedded thumbnail), XMP, Photoshop IRB and a comment; PNG and WebP, plain or
 * with their own metadata chunks; bombs.
 */
public final class TestImages {

    public static final String DEVICE_MAKE = "VigieTestPhoneMaker";
    public static final String XMP_MARKER = "http://ns.adobe.com/xap/1.0/";

    /** A 40 × 30 lossy WebP with an ICC profile chunk, as Chromium encodes a canvas (left top quarter blue, rest red). */
    public static final byte[] WEBP = Base64.getDecoder().decode("UklGRowCAABXRUJQVlA4WAoAAAAgAAAAJwAAHQAASUNDUMgBAAAAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADZWUDggngAAANAGAJ0BKigAHgA+bSySRaQioZVWAEAGxLIAYVnhYE/QPwd/IDfS4IDzAYJX+mfv/7gAAzrRL3xOBkJouupsAAD+6N/Dop753/7m9H5U2bzp1XWv//ouQmVm9NmZ/rznK8ZxHRTt5SZB1/rsu+73gWIStK/81QjMc1ZT8q7ZHMo88m/LO881Dff61LUT9YgFiQv4ypjKn4uYLkgAAAAA");

    private TestImages() {
    }

    /** A picture whose top-left quarter is blue, the rest red: turning it shows where the blue goes. */
    public static BufferedImage picture(int width, int height, boolean alpha) {
        BufferedImage image = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(200, 0, 40));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(0, 60, 255));
        g.fillRect(0, 0, width / 2, height / 2);
        g.dispose();
        return image;
    }

    public static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] png(int width, int height) {
        return encode(picture(width, height, true), "png");
    }

    /**
     * A JPEG as a phone writes it: APP1 Exif (make, model, orientation, a GPS position, an
     * embedded JPEG thumbnail), APP1 XMP, APP13 Photoshop IRB and a comment, spliced in after SOI.
     */
    public static byte[] phoneJpeg(int width, int height, int orientation) {
        byte[] plain = encode(picture(width, height, false), "jpeg");
        byte[] thumbnail = encode(picture(16, 12, false), "jpeg");
        List<byte[]> segments = new ArrayList<>();
        segments.add(segment(0xE1, concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), exif(orientation, thumbnail))));
        segments.add(segment(0xE1, concat((XMP_MARKER + "\0").getBytes(StandardCharsets.ISO_8859_1),
                "<x:xmpmeta xmlns:x='adobe:ns:meta/'><exif:GPSLatitude>45,11.4N</exif:GPSLatitude></x:xmpmeta>"
                        .getBytes(StandardCharsets.UTF_8))));
        segments.add(segment(0xED, "Photoshop 3.0\08BIM\u0004\u0004\0\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1)));
        segments.add(segment(0xFE, "shot by ana at 45.1903N 5.7263E".getBytes(StandardCharsets.ISO_8859_1)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2); // SOI
        segments.forEach(out::writeBytes);
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    /**
     * A PNG carrying what cameras and editors put in one: text chunks (tEXt comment, zTXt, iTXt XMP),
     * an eXIf chunk (device, GPS position) and an iCCP colour profile, after its header.
     */
    public static byte[] pngWithMetadata(int width, int height) {
        byte[] plain = png(width, height);
        int afterHeader = 8 + 4 + 4 + 13 + 4; // signature, then the IHDR chunk
        byte[] icc = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        return concat(java.util.Arrays.copyOfRange(plain, 0, afterHeader),
                chunk("iCCP", concat("sRGB\0\0".getBytes(StandardCharsets.ISO_8859_1), deflate(icc))),
                chunk("tEXt", "Comment\0shot by ana at 45.1903N 5.7263E".getBytes(StandardCharsets.ISO_8859_1)),
                chunk("zTXt", concat("Author\0\0".getBytes(StandardCharsets.ISO_8859_1), deflate("ana, the photographer".getBytes(StandardCharsets.ISO_8859_1)))),
                chunk("iTXt", concat("XML:com.adobe.xmp\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1), xmp())),
                chunk("eXIf", exif(1, encode(picture(16, 12, false), "jpeg"))),
                java.util.Arrays.copyOfRange(plain, afterHeader, plain.length));
    }

    /** {@link #WEBP} with EXIF (device, GPS position) and XMP chunks added, and flagged in its VP8X header. */
    public static byte[] webpWithMetadata() {
        byte[] body = concat(java.util.Arrays.copyOfRange(WEBP, 12, WEBP.length),
                riffChunk("EXIF", exif(1, encode(picture(16, 12, false), "jpeg"))), riffChunk("XMP ", xmp()));
        body[8] |= 0x08 | 0x04; // the VP8X flags (byte 20 of the file): EXIF and XMP present
        return concat("RIFF".getBytes(StandardCharsets.ISO_8859_1),
                ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(4 + body.length).array(),
                "WEBP".getBytes(StandardCharsets.ISO_8859_1), body);
    }

    private static byte[] xmp() {
        return ("<?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?>" + XMP_MARKER
                + "<x:xmpmeta xmlns:x='adobe:ns:meta/'><exif:GPSLatitude>45,11.4N</exif:GPSLatitude></x:xmpmeta>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] riffChunk(String type, byte[] data) {
        byte[] padded = data.length % 2 == 0 ? data : concat(data, new byte[1]);
        return concat(type.getBytes(StandardCharsets.ISO_8859_1),
                ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(data.length).array(), padded);
    }

    private static byte[] deflate(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.DeflaterOutputStream z = new java.util.zip.DeflaterOutputStream(out)) {
            z.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A PNG whose header claims {@code width × height} pixels, followed by no real picture. */
    public static byte[] pngClaiming(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        return concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'},
                chunk("IHDR", ihdr.array()), chunk("IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00}), chunk("IEND", new byte[0]));
    }

    /** EXIF as big-endian TIFF: IFD0 (Make, Model, Orientation, pointer to GPS), the GPS IFD, IFD1 with a thumbnail. */
    private static byte[] exif(int orientation, byte[] thumbnail) {
        ByteBuffer b = ByteBuffer.allocate(1024 + thumbnail.length);
        b.put(new byte[] {'M', 'M', 0, 42}).putInt(8);
        int ifd0 = 8;
        int gps = ifd0 + 2 + 4 * 12 + 4;
        int ifd1 = gps + 2 + 4 * 12 + 4;
        int data = ifd1 + 2 + 2 * 12 + 4;
        byte[] make = (DEVICE_MAKE + "\0").getBytes(StandardCharsets.ISO_8859_1);
        byte[] model = "Model X GPS\0".getBytes(StandardCharsets.ISO_8859_1);
        int makeAt = data;
        int modelAt = makeAt + make.length;
        int latAt = modelAt + model.length;
        int lonAt = latAt + 24;
        int thumbAt = lonAt + 24;
        b.putShort((short) 4);
        entry(b, 0x010F, 2, make.length, makeAt);
        entry(b, 0x0110, 2, model.length, modelAt);
        b.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        entry(b, 0x8825, 4, 1, gps);
        b.putInt(ifd1);
        b.putShort((short) 4);
        entry(b, 0x0001, 2, 2, 'N' << 24);
        entry(b, 0x0002, 5, 3, latAt);
        entry(b, 0x0003, 2, 2, 'E' << 24);
        entry(b, 0x0004, 5, 3, lonAt);
        b.putInt(0);
        b.putShort((short) 2);
        entry(b, 0x0201, 4, 1, thumbAt);
        entry(b, 0x0202, 4, 1, thumbnail.length);
        b.putInt(0);
        b.put(make).put(model);
        b.putInt(45).putInt(1).putInt(11).putInt(1).putInt(2508).putInt(100); // 45° 11' 25.08"
        b.putInt(5).putInt(1).putInt(43).putInt(1).putInt(3468).putInt(100); // 5° 43' 34.68"
        b.put(thumbnail);
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        return out;
    }

    private static void entry(ByteBuffer b, int tag, int type, int count, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
    }

    private static byte[] segment(int marker, byte[] payload) {
        return concat(new byte[] {(byte) 0xFF, (byte) marker, (byte) ((payload.length + 2) >> 8), (byte) (payload.length + 2)}, payload);
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return concat(ByteBuffer.allocate(4).putInt(data.length).array(), typeBytes, data,
                ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
