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
 */
final class PbfFraming {

    private static final int MAX_HEADER = 64 * 1024;

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
                if (dataSize < 0 || skip(in, dataSize) < dataSize) {
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
