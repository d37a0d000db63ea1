package org.vigie.osm.sync;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.vigie.camera.CameraHistory;
import org.vigie.importer.ImportReport;
import org.vigie.importer.SourceUpdates;
import org.vigie.osm.OsmConfig;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Follows OpenStreetMap's replication: a round applies every diff after the last one applied, up
 * to the server's latest, each in its own transaction that also stores its sequence (a crash
 * between two files resumes at the next one; none is applied twice or skipped). The replication
 * row is locked while a diff is applied: a second instance waits, then goes on from the sequence
 * the first stored. A gap, a server error or a malformed file stops the round with a message,
 * kept for GET /api/status; the next round tries again from the same sequence.
 */
@ApplicationScoped
public class SyncService {

    private static final Logger LOG = Logger.getLogger(SyncService.class);
    /** An hourly or daily diff may take a while; a minutely one takes well under a second. */
    private static final int DIFF_TIMEOUT_SECONDS = 3600;

    private final AgroalDataSource dataSource;
    private final EntityManager entities;
    private final CameraHistory history;
    private final OsmConfig config;
    private final WayNodesFromApi wayNodes;

    public SyncService(AgroalDataSource dataSource, EntityManager entities, CameraHistory history, OsmConfig config,
                       WayNodesFromApi wayNodes) {
        this.dataSource = dataSource;
        this.entities = entities;
        this.history = history;
        this.config = config;
        this.wayNodes = wayNodes;
    }

    /** One round against the configured server; {@code fromSequence} (or the configured start) for the first one. */
    public SyncReport round(Long fromSequence) {
        String url = config.replicationUrl().orElseThrow(() -> new SyncFailure(
                "no replication server: set vigie.osm.replication-url (e.g. https://planet.openstreetmap.org/replication/minute/)"));
        return round(url, fromSequence);
    }

    public SyncReport round(String url, Long fromSequence) {
        ReplicationServer server = new ReplicationServer(url);
        List<SyncReport.AppliedDiff> applied = new ArrayList<>();
        long next = -1;
        try {
            Long first = fromSequence != null ? fromSequence : config.startSequence().orElse(null);
            checkStart(fromSequence);
            ReplicationState latest = server.state();
            while (true) {
                long[] committing = new long[1];
                Optional<SyncReport.AppliedDiff> diff = QuarkusTransaction.requiringNew()
                        .timeout(DIFF_TIMEOUT_SECONDS).call(() -> {
                            Optional<SyncReport.AppliedDiff> d = applyNext(server, latest, first);
                            committing[0] = System.nanoTime();
                            return d;
                        });
                if (diff.isEmpty()) {
                    return new SyncReport(applied, null, status());
                }
                applied.add(diff.get().committedIn((System.nanoTime() - committing[0]) / 1e9));
                next = diff.get().sequence() + 1;
            }
        } catch (SyncFailure e) {
            recordError(e.getMessage());
            return new SyncReport(applied, e.getMessage(), status());
        } catch (RuntimeException e) {
            LOG.error("replication sync failed", e);
            String message = "the sync failed" + (next > 0 ? " at sequence " + next : "") + " (see the server's log); "
                    + "nothing of that diff was applied";
            recordError(message);
            return new SyncReport(applied, message, status());
        }
    }

    /** Where the registry stands: GET /api/status and the sync command tell it. */
    public SyncStatus status() {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT sequence_number, "
                + "data_timestamp, applied_at, last_error, last_error_at FROM osm_replication WHERE id = 1");
             ResultSet r = s.executeQuery()) {
            if (!r.next()) {
                return SyncStatus.of(null, null, null, null, null, scheduled());
            }
            return SyncStatus.of((Long) r.getObject(1), instant(r.getTimestamp(2)), instant(r.getTimestamp(3)),
                    r.getString(4), instant(r.getTimestamp(5)), scheduled());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the replication state", e);
        }
    }

    private boolean scheduled() {
        return config.syncEvery().isPresent() && config.replicationUrl().isPresent();
    }

    /** --from-sequence only starts a registry that never synced, or names the very next file. */
    private void checkStart(Long fromSequence) {
        Long stored = status().sequence();
        if (fromSequence != null && stored != null && fromSequence != stored + 1) {
            throw new SyncFailure("the registry has applied the diffs up to sequence " + stored + ": starting from "
                    + fromSequence + " would apply files twice or skip some; the next one is " + (stored + 1));
        }
        if (fromSequence != null && fromSequence < 0) {
            throw new SyncFailure("a sequence number is 0 or more, not " + fromSequence);
        }
    }

    /** In its own transaction: the next diff, applied with its sequence; empty when the registry is up to date. */
    private Optional<SyncReport.AppliedDiff> applyNext(ReplicationServer server, ReplicationState latest, Long first) {
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            Long stored;
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT sequence_number FROM osm_replication WHERE id = 1 FOR UPDATE");
                 ResultSet r = s.executeQuery()) {
                r.next();
                stored = (Long) r.getObject(1);
            }
            long next;
            if (stored != null) {
                next = stored + 1;
            } else if (first != null) {
                next = first;
            } else {
                throw new SyncFailure("the registry has never synced: give the first sequence to apply "
                        + "(sync --from-sequence N, or vigie.osm.start-sequence), the one just after the extract imported");
            }
            if (next > latest.sequence()) {
                return Optional.empty();
            }
            String name = server.url() + ReplicationState.path(next) + ".osc.gz";
            long fetch = System.nanoTime();
            byte[] content = server.diff(next);
            long read = System.nanoTime();
            OsmChange diff = OsmChangeParser.parse(content, name);
            long stateFetch = System.nanoTime();
            Instant timestamp = timestampOf(server, latest, next, diff);
            long apply = System.nanoTime();
            SourceUpdates updates = new SourceUpdates(connection, entities, history);
            new DiffApplier(connection, updates, wayNodes).apply(diff, next);
            try (PreparedStatement s = connection.prepareStatement("UPDATE osm_replication SET sequence_number = ?, "
                    + "data_timestamp = ?, applied_at = now(), last_error = NULL, last_error_at = NULL WHERE id = 1")) {
                s.setLong(1, next);
                s.setTimestamp(2, timestamp == null ? null : Timestamp.from(timestamp));
                s.executeUpdate();
            }
            long end = System.nanoTime();
            ImportReport changes = updates.report(name, (end - start) / 1e9);
            SyncReport.Phases phases = new SyncReport.Phases((read - fetch + apply - stateFetch) / 1e9,
                    (stateFetch - read) / 1e9, (end - apply) / 1e9, 0);
            return Optional.of(new SyncReport.AppliedDiff(next, timestamp, changes, phases));
        } catch (SQLException e) {
            throw new SyncFailure("the database refused a diff (" + e.getMessage() + "); nothing of it was applied", e);
        }
    }

    /** The sequence's own state when the server keeps it, else the newest element's time in the diff. */
    private static Instant timestampOf(ReplicationServer server, ReplicationState latest, long sequence, OsmChange diff) {
        if (sequence == latest.sequence() && latest.timestamp() != null) {
            return latest.timestamp();
        }
        ReplicationState own = server.state(sequence);
        return own != null && own.timestamp() != null ? own.timestamp() : diff.newest();
    }

    private void recordError(String message) {
        String clipped = message.length() > 1000 ? message.substring(0, 1000) : message;
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                        "UPDATE osm_replication SET last_error = ?, last_error_at = now() WHERE id = 1")) {
                    s.setString(1, clipped);
                    s.executeUpdate();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("cannot record why the sync stopped: " + message, e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
