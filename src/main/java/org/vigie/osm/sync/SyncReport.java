package org.vigie.osm.sync;

import org.vigie.importer.ImportReport;

import java.time.Instant;
import java.util.List;

/**
 * One sync round: the diffs applied, in order, with what each changed; {@code stoppedBecause} says
 * why the round stopped before the server's latest sequence (null when it reached it).
 */
public record SyncReport(List<AppliedDiff> applied, String stoppedBecause, SyncStatus status) {

    /**
     * One diff applied: its sequence, the data's time then, its changes as an import report (whose
     * {@code seconds} run from the lock to the last write, before the commit), and where its time went.
     */
    public record AppliedDiff(long sequence, Instant timestamp, ImportReport changes, Phases phases) {

        AppliedDiff committedIn(double seconds) {
            return new AppliedDiff(sequence, timestamp, changes, phases.committedIn(seconds));
        }
    }

    /**
     * Where a diff's time went, in seconds: fetching it (and its state) from the server, reading it
     * (gzip and XML), applying it to the registry, committing that; the benchmark of a minutely diff
     * (bench/minutely-diff.sh) and an operator whose sync falls behind read them.
     */
    public record Phases(double fetching, double reading, double applying, double committing) {

        Phases committedIn(double seconds) {
            return new Phases(fetching, reading, applying, seconds);
        }
    }

    public boolean failed() {
        return stoppedBecause != null;
    }
}
