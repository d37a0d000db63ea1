package org.vigie.osm.sync;

/** A diff that cannot be read whole: nothing of it is applied. */
final class MalformedDiff extends SyncFailure {

    MalformedDiff(String message, Throwable cause) {
        super(message, cause);
    }
}
