package org.vigie.osm.sync;

import org.vigie.importer.ImportReport;

import java.time.Instant;
import java.util.List;

/**
 * One sync round: the diffs applied, in order, with what each changed; {@code stoppedBecause} says
 * why the round stopped before the server's latest sequence (null when it reached it).
 */
public record SyncReport(List<AppliedDiff> applied, String stoppedBecause, SyncStatus status) {

    /** One diff applied: its sequence, the data's time then, and its changes as an import report. */
    public record AppliedDiff(long sequence, Instant timestamp, ImportReport changes) {
    }

    public boolean failed() {
        return stoppedBecause != null;
    }
}
