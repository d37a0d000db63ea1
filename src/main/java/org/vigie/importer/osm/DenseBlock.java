package org.vigie.importer.osm;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;

import org.vigie.importer.ImportDates;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * An OSMData block made of one group of dense nodes (what osmium and planet dumps write for
 * nodes), read straight from its bytes into reused primitive arrays instead of through osmpbf's
 * protobuf objects (a builder, boxed lists and the unused changesets and users of every node). The
 * timestamps are only located: a camera asking for its day decodes them once for the block
 * ({@link #stamp}), so a block without cameras never pays for them. It gives the handler the very
 * calls osmpbf's parsing gives ({@link PbfScanner}).
 * Anything else, or anything unusual (another kind of group, a field of an unexpected type, an
 * index out of range, a malformed message), is refused before a node is given: the caller then
 * lets osmpbf parse the block as before, with its errors.
 */
final class DenseBlock {

    private static final int DEFAULT_GRANULARITY = 100;
    /** Field 1 or 2, length-delimited: a protobuf tag is the field number shifted left by 3, or the wire type. */
    private static final int FIELD_1_BYTES = 1 << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED;
    private static final int FIELD_2_BYTES = 2 << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED;

    private String[] strings = new String[256];
    private int stringCount;
    /** The string table is a required field: a block without one fails osmpbf's parsing. */
    private boolean hasStrings;
    /** No string of the block holds a NUL character, so neither does any tag. */
    private boolean withoutNul;
    private int granularity;
    /** Milliseconds per unit of the timestamps. */
    private int dateGranularity;
    private long latOffset;
    private long lonOffset;
    private int groups;
    private final Numbers ids = new Numbers();
    private final Numbers lats = new Numbers();
    private final Numbers lons = new Numbers();
    private final Numbers keysVals = new Numbers();
    private final Numbers versions = new Numbers();
    private boolean hasInfo;
    /** The block's bytes, and where its packed timestamps lie in them (-1: none), decoded when first asked. */
    private ByteString data;
    private int stampsAt;
    private int stampsLength;
    private boolean stampsDecoded;
    /** The timestamps, summed from their deltas: the very values of the file's nodes, in units of dateGranularity. */
    private final Numbers stamps = new Numbers();
    /** The node being given to the handler, whose day {@link #stamp} tells: one object for the whole block. */
    private int current;
    private final Stamp stamp = () -> day(current);

    /** Reads {@code data}, an OSMData block's bytes; false when it is not a block this class reads whole. */
    boolean read(ByteString data) {
        stringCount = 0;
        hasStrings = false;
        withoutNul = true;
        granularity = DEFAULT_GRANULARITY;
        latOffset = 0;
        lonOffset = 0;
        groups = 0;
        ids.clear();
        lats.clear();
        lons.clear();
        keysVals.clear();
        versions.clear();
        hasInfo = false;
        this.data = data;
        dateGranularity = 1000;
        stampsAt = -1;
        stampsLength = 0;
        stampsDecoded = false;
        stamps.clear();
        try {
            return readBlock(data.newCodedInput()) && hasStrings && groups == 1 && wellFormed();
        } catch (IOException | RuntimeException unusual) {
            return false; // osmpbf parses it again and says what is wrong
        }
    }

    private boolean readBlock(CodedInputStream in) throws IOException {
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            int field = WireFormat.getTagFieldNumber(tag);
            int type = WireFormat.getTagWireType(tag);
            boolean length = type == WireFormat.WIRETYPE_LENGTH_DELIMITED;
            boolean varint = type == WireFormat.WIRETYPE_VARINT;
            if (field == 1 && length) {
                hasStrings = true;
                if (!inside(in, this::readStrings)) {
                    return false;
                }
            } else if (field == 2 && length) {
                if (++groups > 1 || !inside(in, this::readGroup)) {
                    return false;
                }
            } else if (field == 17 && varint) {
                granularity = in.readInt32();
            } else if (field == 18 && varint) {
                dateGranularity = in.readInt32();
            } else if (field == 19 && varint) {
                latOffset = in.readInt64();
            } else if (field == 20 && varint) {
                lonOffset = in.readInt64();
            } else if (field <= 2 || field == 17 || field == 18 || field == 19 || field == 20) {
                return false; // a known field of another wire type
            } else {
                in.skipField(tag); // a field this version does not know
            }
        }
        return true;
    }

    private boolean readStrings(CodedInputStream in) throws IOException {
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (tag != FIELD_1_BYTES) {
                return false;
            }
            // As lenient as osmpbf's ByteString.toStringUtf8: malformed UTF-8 becomes U+FFFD.
            String s = in.readString();
            if (stringCount == strings.length) {
                strings = Arrays.copyOf(strings, 2 * stringCount);
            }
            strings[stringCount++] = s;
            withoutNul &= s.indexOf('\0') < 0;
        }
        return true;
    }

    private boolean readGroup(CodedInputStream in) throws IOException {
        boolean dense = false;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (tag != FIELD_2_BYTES || dense) {
                return false; // nodes, ways, relations, changesets: osmpbf's way
            }
            dense = inside(in, this::readDense);
            if (!dense) {
                return false;
            }
        }
        return true;
    }

    private boolean readDense(CodedInputStream in) throws IOException {
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (WireFormat.getTagWireType(tag) != WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                return false;
            }
            boolean expected = switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> inside(in, i -> ids.addSInt64s(i));
                case 5 -> readInfoOnce(in);
                case 8 -> inside(in, i -> lats.addSInt64s(i));
                case 9 -> inside(in, i -> lons.addSInt64s(i));
                case 10 -> inside(in, i -> keysVals.addInt32s(i));
                default -> in.skipField(tag);
            };
            if (!expected) {
                return false;
            }
        }
        return true;
    }

    /** A second DenseInfo would be merged into the first by protobuf: osmpbf's way. */
    private boolean readInfoOnce(CodedInputStream in) throws IOException {
        if (hasInfo) {
            return false;
        }
        hasInfo = true;
        return inside(in, this::readInfo);
    }

    private boolean readInfo(CodedInputStream in) throws IOException {
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            int field = WireFormat.getTagFieldNumber(tag);
            if (field == 2) {
                if (tag != FIELD_2_BYTES || stampsAt >= 0) {
                    return false; // unpacked or repeated timestamps: osmpbf's way
                }
                // located, not decoded: most blocks hold no camera to ask for them
                stampsLength = in.readRawVarint32();
                stampsAt = in.getTotalBytesRead();
                in.skipRawBytes(stampsLength);
            } else if (field != 1) {
                in.skipField(tag); // changesets, users, visibility: not imported
            } else if (tag != FIELD_1_BYTES || !inside(in, i -> versions.addInt32s(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The day node {@code i} was saved, or null as osmpbf's parsing gives none: no timestamps, or not
     * one per node. The block's timestamps are decoded at the first call, for all its nodes.
     */
    private java.time.LocalDate day(int i) {
        if (!stampsDecoded) {
            stampsDecoded = true;
            decodeStamps();
        }
        return stamps.size == ids.size ? ImportDates.stamped(stamps.values[i] * dateGranularity) : null;
    }

    private void decodeStamps() {
        if (stampsAt < 0) {
            return;
        }
        try {
            CodedInputStream in = data.substring(stampsAt, stampsAt + stampsLength).newCodedInput();
            long stamp = 0;
            while (!in.isAtEnd()) {
                stamp += in.readSInt64();
                stamps.add(stamp);
            }
        } catch (IOException | RuntimeException malformed) {
            stamps.clear(); // the nodes are given already: a day unknown rather than a failure
        }
    }

    /** Every index the nodes' reading will take is within its array: else osmpbf's parsing fails as it did. */
    private boolean wellFormed() {
        int n = ids.size;
        if (lats.size < n || lons.size < n) {
            return false;
        }
        if (keysVals.size == 0) {
            return true;
        }
        int kv = 0;
        for (int i = 0; i < n; i++) {
            while (kv < keysVals.size && keysVals.intAt(kv) != 0) {
                if (kv + 1 >= keysVals.size || !isString(keysVals.intAt(kv)) || !isString(keysVals.intAt(kv + 1))) {
                    return false;
                }
                kv += 2;
            }
            if (kv >= keysVals.size) {
                return false;
            }
            kv++;
        }
        return true;
    }

    private boolean isString(int index) {
        return index >= 0 && index < stringCount;
    }

    /** Gives each node to the handler, as osmpbf's parsing and {@code PbfScanner} did. */
    void nodes(OsmHandler handler) {
        boolean hasVersions = hasInfo && versions.size == ids.size;
        long id = 0;
        long lat = 0;
        long lon = 0;
        int kv = 0;
        for (int i = 0; i < ids.size; i++) {
            id += ids.values[i];
            lat += lats.values[i];
            lon += lons.values[i];
            Map<String, String> tags = Map.of();
            if (keysVals.size > 0) {
                if (keysVals.intAt(kv) != 0) {
                    tags = new HashMap<>();
                    while (keysVals.intAt(kv) != 0) {
                        tags.put(strings[keysVals.intAt(kv)], strings[keysVals.intAt(kv + 1)]);
                        kv += 2;
                    }
                }
                kv++;
            }
            Integer version = hasVersions ? versions.intAt(i) : null;
            double x = (granularity * lon + lonOffset) * .000000001;
            double y = (granularity * lat + latOffset) * .000000001;
            current = i;
            if (withoutNul) {
                handler.nodeWithoutNul(id, version, x, y, tags, stamp);
            } else {
                handler.node(id, version, x, y, tags, stamp);
            }
        }
    }

    private interface Part {
        boolean read(CodedInputStream in) throws IOException;
    }

    /** Reads a length-delimited field's content with {@code part}, which must take all of it. */
    private static boolean inside(CodedInputStream in, Part part) throws IOException {
        int limit = in.pushLimit(in.readRawVarint32());
        boolean read = part.read(in) && in.isAtEnd();
        in.popLimit(limit);
        return read;
    }

    /** The numbers of packed repeated fields (int32 ones too), in a long[] reused from block to block. */
    private static final class Numbers {
        long[] values = new long[8192];
        int size;

        void clear() {
            size = 0;
        }

        int intAt(int i) {
            return (int) values[i];
        }

        boolean addSInt64s(CodedInputStream in) throws IOException {
            while (!in.isAtEnd()) {
                add(in.readSInt64());
            }
            return true;
        }

        boolean addInt32s(CodedInputStream in) throws IOException {
            while (!in.isAtEnd()) {
                add(in.readInt32());
            }
            return true;
        }

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, 2 * size);
            }
            values[size++] = value;
        }
    }
}
