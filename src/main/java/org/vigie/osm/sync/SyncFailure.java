package org.vigie.osm.sync;

/**
 * Why a sync round stopped: the replication server unreachable or answering an error, a missing
 * file, a malformed one. The message is for the collective running the instance; the round is
 * tried again later, from the same sequence.
 */
public class SyncFailure extends RuntimeException {

    public SyncFailure(String message) {
        super(message);
    }

    public SyncFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
