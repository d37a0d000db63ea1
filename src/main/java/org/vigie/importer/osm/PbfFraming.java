package org.vigie.importer.osm;

import crosby.binary.Fileformat;
import org.vigie.importer.ImportFailure;
import org.vigie.importer.SourceFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Checks that a PBF file ends where its last block ends. The osmpbf reader takes an end of file
 * anywhere for the end of the data, so a download cut short would import silently in part.
 * Checks too that no block declares more than the format allows (32 MiB of data, 32 MiB once
 * inflated): the osmpbf reader allocates a block's declared raw_size before inflating it, so a
 * 42-byte file declaring 2 GB would take 4 GB of heap (a byte array, then its copy).
 */
final class PbfFraming {

    private static final int MAX_HEADER = 64 * 1024;
    /** The PBF format's bound on a blob, compressed or not (OSM wiki, PBF Format). */
    static final int MAX_BLOB = 32 * 1024 * 1024;

    private PbfFraming() {
    }

    static void check(Path file) {
        long offset = 0;
        int blocks = 0;
        try (InputStream in = SourceFiles.open(file)) {
            while (true) {
                byte[] length = in.readNBytes(4);
                if (length.length == 0) {
                    return; // the file ends between two blocks: whole
                }
                if (length.length < 4) {
                    throw new ImportFailure(file + ": broken PBF: truncated in block " + (blocks + 1) + " (at byte " + offset
                            + ", inside its length): the file was cut short");
                }
                int headerSize = ByteBuffer.wrap(length).getInt(); // big-endian, as PBF writes it
                if (headerSize <= 0 || headerSize > MAX_HEADER) {
                    throw new ImportFailure(file + ": broken PBF: block " + (blocks + 1) + " at byte " + offset
                            + " has an impossible header size (" + headerSize + ")");
                }
                byte[] header = in.readNBytes(headerSize);
                int dataSize = header.length == headerSize ? Fileformat.BlobHeader.parseFrom(header).getDatasize() : -1;
                if (dataSize > MAX_BLOB) {
                    throw new ImportFailure(file + ": broken PBF: block " + (blocks + 1) + " at byte " + offset
                            + " declares " + dataSize + " bytes of data, more than the " + MAX_BLOB + " the format allows");
                }
                long rawSize = dataSize < 0 ? 0 : rawSize(in, dataSize);
                if (rawSize > MAX_BLOB) {
                    throw new ImportFailure(file + ": broken PBF: block " + (blocks + 1) + " at byte " + offset
                            + " declares a raw_size of " + rawSize + " bytes, more than the " + MAX_BLOB + " the format allows");
                }
                if (dataSize < 0 || rawSize < 0) {
                    throw new ImportFailure(file + ": broken PBF: truncated in block " + (blocks + 1) + " (at byte " + offset
                            + "): the file was cut short");
                }
                offset += 4 + headerSize + dataSize;
                blocks++;
            }
        } catch (IOException e) {
            throw new ImportFailure(file + ": broken PBF after " + blocks + " blocks (" + ImportFailure.reason(e) + ")", e);
        }
    }

    /**
     * Reads a blob's raw_size (field 2, wherever it stands among the blob's fields, the compressed data
     * skipped) and the rest of the blob: -1 when the file ends inside it. Never reads past the blob.
     */
    private static long rawSize(InputStream in, int dataSize) throws IOException {
        BlobView blob = new BlobView(in, dataSize);
        long rawSize = 0;
        try {
            com.google.protobuf.CodedInputStream fields = com.google.protobuf.CodedInputStream.newInstance(blob);
            for (int tag = fields.readTag(); tag != 0; tag = fields.readTag()) {
                if (tag == (2 << 3)) {
                    int declared = fields.readInt32();
                    rawSize = declared < 0 ? Long.MAX_VALUE : declared;
                } else if (!fields.skipField(tag)) {
                    break;
                }
            }
        } catch (com.google.protobuf.InvalidProtocolBufferException malformed) {
            if (blob.remaining > 0) {
                return -1; // the file ended inside the blob
            }
            // a malformed blob within its bounds: the reader fails on it, within the data size
        }
        long rest = blob.remaining;
        return skip(blob, rest) < rest ? -1 : rawSize;
    }

    /** The next {@code remaining} bytes of a stream, and not one more. */
    private static final class BlobView extends InputStream {
        private final InputStream in;
        private long remaining;

        BlobView(InputStream in, long size) {
            this.in = in;
            this.remaining = size;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(buffer, offset, (int) Math.min(length, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = in.skip(Math.min(n, remaining));
            if (s > 0) {
                remaining -= s;
            }
            return Math.max(s, 0);
        }
    }

    private static long skip(InputStream in, long n) throws IOException {
        long skipped = 0;
        while (skipped < n) {
            long s = in.skip(n - skipped);
            if (s <= 0) {
                if (in.read() < 0) {
                    break;
                }
                s = 1;
            }
            skipped += s;
        }
        return skipped;
    }
}
