package org.vigie.importer;

import com.google.protobuf.ByteString;
import crosby.binary.Fileformat;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Real PBF files altered in one block, every block still well framed. */
final class PbfFiles {

    private PbfFiles() {
    }

    /**
     * A copy of {@code source} whose last OSMData block's compressed bytes are garbage after the zlib
     * header (an invalid deflate block type), so only inflating that block can fail.
     */
    static Path withCorruptLastBlock(Path source, Path target) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int lastData = -1;
        int index = 0;
        try (DataInputStream in = new DataInputStream(Files.newInputStream(source))) {
            for (int i = 0; ; i++) {
                Fileformat.BlobHeader header = header(in);
                if (header == null) {
                    break;
                }
                in.skipNBytes(header.getDatasize());
                if (header.getType().equals("OSMData")) {
                    lastData = i;
                }
            }
        }
        try (DataInputStream in = new DataInputStream(Files.newInputStream(source)); DataOutputStream data = new DataOutputStream(out)) {
            for (Fileformat.BlobHeader header = header(in); header != null; header = header(in), index++) {
                Fileformat.Blob blob = Fileformat.Blob.parseFrom(in.readNBytes(header.getDatasize()));
                if (index == lastData) {
                    byte[] zlib = blob.getZlibData().toByteArray();
                    Arrays.fill(zlib, 2, zlib.length, (byte) 0xFF);
                    blob = blob.toBuilder().setZlibData(ByteString.copyFrom(zlib)).build();
                }
                byte[] bytes = blob.toByteArray();
                byte[] head = header.toBuilder().setDatasize(bytes.length).build().toByteArray();
                data.writeInt(head.length);
                data.write(head);
                data.write(bytes);
            }
        }
        return Files.write(target, out.toByteArray());
    }

    private static Fileformat.BlobHeader header(DataInputStream in) throws IOException {
        int size;
        try {
            size = in.readInt();
        } catch (EOFException end) {
            return null;
        }
        return Fileformat.BlobHeader.parseFrom(in.readNBytes(size));
    }
}
