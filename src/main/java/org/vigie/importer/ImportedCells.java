package org.vigie.importer;

import org.vigie.camera.CameraDraft;
import org.vigie.camera.attribute.CameraStatus;
import org.vigie.camera.attribute.CameraType;
import org.vigie.camera.attribute.Kind;
import org.vigie.camera.attribute.OperatorType;
import org.vigie.camera.attribute.Signage;
import org.vigie.camera.attribute.WireEnum;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The cluster cells (camera_cluster, V6 and V14) of a first import, counted while its cameras are
 * written instead of by {@code vigie_cluster_rebuild()} afterwards, which reads the whole loaded
 * table again (half a gigabyte for a million cameras) to decode every position. The same
 * arithmetic as the database's: the deepest level's cell is {@code floor(lon * 2^z / 90)} in
 * doubles, positions are summed as {@code round(lon * 1e7)} (rint, like PostgreSQL's round of a
 * double), a coarser level's cell is the finer one shifted right, and each combination of the
 * five attributes has the code that camera_cluster_attrs gives it. Memory stays bounded by the
 * number of cells, in primitive arrays ({@link CellCounts}).
 *
 * <p>Valid only for cameras written into an empty table, every one visible: the first import's
 * path, whose camera table holds exactly the rows counted here.
 */
final class ImportedCells {

    private static final short NO_CODE = -1;
    /** The bytes of cells sent to the server at a time. */
    private static final int CHUNK = 1 << 20;
    private static final int TYPES = CameraType.values().length;
    private static final int OPERATOR_TYPES = OperatorType.values().length;
    private static final int SIGNAGES = Signage.values().length;
    private static final int STATUSES = CameraStatus.values().length;

    private final int deepest;
    /** 2^deepest, as the database's grid functions take it. */
    private final double scale;

    /** The code of each combination of the five attributes, at {@link #index} of their constants. */
    private final short[] codes;
    private final CellCounts cells = new CellCounts();
    /** Every level of camera_cluster, once {@link #startEncoding} has been called. */
    private CompletableFuture<Levels> rolledUp;

    private ImportedCells(int deepest, short[] codes) {
        this.deepest = deepest;
        this.scale = Math.pow(2, deepest);
        this.codes = codes;
    }

    static ImportedCells load(Connection connection) throws SQLException {
        short[] codes = new short[index(Kind.values().length, 0, 0, 0, 0)];
        Arrays.fill(codes, NO_CODE);
        int deepest;
        try (Statement s = connection.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT attrs, kind, camera_type, operator_type, signage, status FROM camera_cluster_attrs")) {
                while (r.next()) {
                    Optional<Kind> kind = WireEnum.parse(Kind.class, r.getString(2));
                    Optional<CameraType> type = WireEnum.parse(CameraType.class, r.getString(3));
                    Optional<OperatorType> operator = WireEnum.parse(OperatorType.class, r.getString(4));
                    Optional<Signage> signage = WireEnum.parse(Signage.class, r.getString(5));
                    Optional<CameraStatus> status = WireEnum.parse(CameraStatus.class, r.getString(6));
                    // A combination this code cannot name matches no camera it counts.
                    if (kind.isPresent() && type.isPresent() && operator.isPresent() && signage.isPresent() && status.isPresent()) {
                        codes[index(kind.get(), type.get(), operator.get(), signage.get(), status.get())] = r.getShort(1);
                    }
                }
            }
            try (ResultSet r = s.executeQuery("SELECT vigie_cluster_max_level()")) {
                r.next();
                deepest = r.getInt(1);
            }
        }
        return new ImportedCells(deepest, codes);
    }

    /** Counts a new camera, written with status {@code status}. */
    void add(CameraDraft d, CameraStatus status) {
        short code = codes[index(d.kind(), d.cameraType(), d.operatorType(), d.signage(), status)];
        if (code == NO_CODE) {
            throw new ImportFailure("no cluster code for the attributes " + d.kind().wire() + ' ' + d.cameraType().wire() + ' '
                    + d.operatorType().wire() + ' ' + d.signage().wire() + ' ' + status.wire() + " (camera_cluster_attrs)");
        }
        int cx = (int) Math.floor(d.lon() * scale / 90);
        int cy = (int) Math.floor(d.lat() * scale / 90);
        cells.add(cx, cy, code, 1, (long) Math.rint(d.lon() * 1e7), (long) Math.rint(d.lat() * 1e7));
    }

    private static int index(Kind kind, CameraType type, OperatorType operator, Signage signage, CameraStatus status) {
        return index(kind.ordinal(), type.ordinal(), operator.ordinal(), signage.ordinal(), status.ordinal());
    }

    private static int index(int kind, int type, int operator, int signage, int status) {
        return (((kind * TYPES + type) * OPERATOR_TYPES + operator) * SIGNAGES + signage) * STATUSES + status;
    }

    /**
     * Starts rolling every level up and sorting each level's cells, on another thread: Java work that
     * needs no connection, done while the server builds the camera table's indexes (one core is idle then).
     */
    void startEncoding() {
        if (rolledUp == null) {
            rolledUp = CompletableFuture.supplyAsync(this::rollUp);
        }
    }

    /** Every level's cells, and each level's slots in the order of camera_cluster's key (level, cx, cy, attrs). */
    private record Levels(CellCounts[] cells, int[][] keyOrder) {
    }

    /** Every level rolled up from the one below. */
    private Levels rollUp() {
        CellCounts[] levels = new CellCounts[deepest + 1];
        levels[deepest] = cells;
        for (int l = deepest; l > 0; l--) {
            CellCounts level = levels[l];
            CellCounts coarser = new CellCounts();
            for (int slot = level.firstSlot(); slot >= 0; slot = level.nextSlot(slot)) {
                coarser.add(level.cx(slot) >> 1, level.cy(slot) >> 1, level.attrs(slot), level.n(slot), level.sumX(slot), level.sumY(slot));
            }
            levels[l - 1] = coarser;
        }
        int[][] order = new int[deepest + 1][];
        for (int l = 0; l <= deepest; l++) {
            order[l] = levels[l].slotsInKeyOrder();
        }
        return new Levels(levels, order);
    }

    /**
     * Writes every level's cells into camera_cluster, emptied first, without its key (built after by
     * the caller), in one COPY: PostgreSQL's sort for the key then finds its input sorted. The rows
     * are streamed a megabyte at a time: a planet's cells, held whole, would be a few hundred megabytes.
     */
    void copyInto(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            // emptied already (TRUNCATE camera empties it): truncated again here so that COPY may FREEZE
            s.execute("TRUNCATE camera_cluster");
            s.execute("DELETE FROM camera_cluster_pending WHERE txid = txid_current()");
        }
        startEncoding();
        Levels levels;
        try {
            levels = rolledUp.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        CopyStream copy = CopyStream.open(connection, "camera_cluster (level, cx, cy, attrs, n, sum_x, sum_y)", true);
        boolean sent = false;
        try {
            BinaryCopy rows = new BinaryCopy(CHUNK + 256);
            for (int l = 0; l <= deepest; l++) {
                CellCounts level = levels.cells()[l];
                for (int slot : levels.keyOrder()[l]) {
                    rows.row(7).smallint(l).integer(level.cx(slot)).integer(level.cy(slot)).smallint(level.attrs(slot))
                            .int8(level.n(slot)).int8(level.sumX(slot)).int8(level.sumY(slot));
                    if (rows.length() >= CHUNK) {
                        copy.send(rows);
                    }
                }
            }
            copy.send(rows);
            copy.end();
            sent = true;
        } finally {
            if (!sent) {
                copy.cancel();
            }
        }
    }
}
