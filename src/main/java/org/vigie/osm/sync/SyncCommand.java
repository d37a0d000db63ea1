package org.vigie.osm.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.vigie.cli.Subcommand;
import org.vigie.cli.UsageException;
import org.vigie.importer.ImportReport;
import org.vigie.osm.OsmConfig;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * {@code sync [--once] [--from-sequence N] [--url URL] [--every 30s] [--json]}: follows
 * OpenStreetMap's replication. With --once, one round and exit (1 when it stopped short); without,
 * a round every --every (or vigie.osm.sync-every, a minute by default) until stopped: a round that
 * stops short (a gap, a server error) is told and tried again at the next one.
 */
@ApplicationScoped
public class SyncCommand implements Subcommand {

    private final SyncService sync;
    private final OsmConfig config;
    private final ObjectMapper json;

    public SyncCommand(SyncService sync, OsmConfig config, ObjectMapper json) {
        this.sync = sync;
        this.config = config;
        this.json = json;
    }

    @Override
    public String name() {
        return "sync";
    }

    @Override
    public String usage() {
        return "sync [--once] [--from-sequence N] [--url REPLICATION_URL] [--every 30s|5m] [--json]   follow OpenStreetMap's replication diffs";
    }

    @Override
    public int run(List<String> args) {
        boolean once = false;
        boolean asJson = false;
        Long from = null;
        String url = null;
        Duration every = config.syncEvery().orElse(Duration.ofMinutes(1));
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--once" -> once = true;
                case "--json" -> asJson = true;
                case "--from-sequence" -> from = sequence(value(args, ++i, arg));
                case "--url" -> url = value(args, ++i, arg);
                case "--every" -> every = every(value(args, ++i, arg));
                default -> throw new UsageException("unknown " + (arg.startsWith("--") ? "option " : "argument ") + arg);
            }
        }
        if (url == null) {
            url = config.replicationUrl().orElseThrow(() -> new UsageException(
                    "no replication server: give --url or set vigie.osm.replication-url"));
        }
        while (!Thread.currentThread().isInterrupted()) {
            SyncReport report = sync.round(url, from);
            from = null; // only the first round may start the registry
            print(report, asJson);
            if (once) {
                return report.failed() ? 1 : 0;
            }
            try {
                Thread.sleep(every.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            }
        }
        return 0;
    }

    private void print(SyncReport report, boolean asJson) {
        if (asJson) {
            System.out.println(json.valueToTree(report).toString());
        } else {
            for (SyncReport.AppliedDiff d : report.applied()) {
                ImportReport c = d.changes();
                System.out.printf(Locale.ROOT, "sequence %d (%s): created %d, updated %d, unchanged %d, removed %d, conflicts %d%s%n",
                        d.sequence(), d.timestamp(), c.created(), c.updated(), c.unchanged(), c.removed(), c.conflicts(),
                        c.conflicts() > 0 ? " (edited by volunteers, their values kept: " + String.join(", ", c.conflictSourceIds()) + ")" : "");
            }
            SyncStatus s = report.status();
            System.out.println(s.sequence() == null ? "not synced yet"
                    : "at sequence " + s.sequence() + ", data of " + s.timestamp() + " (" + s.lagSeconds() + " s behind)");
        }
        if (report.failed()) {
            System.err.println("vigie sync: " + report.stoppedBecause());
        }
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(i);
    }

    /** "30s", "5m", "1h" (at least a second), or ISO-8601 ("PT30S"). */
    private static Duration every(String value) {
        try {
            Duration d = value.matches("\\d+[smh]")
                    ? Duration.parse("PT" + value.toUpperCase(Locale.ROOT)) : Duration.parse(value);
            if (d.toSeconds() >= 1) {
                return d;
            }
        } catch (java.time.format.DateTimeParseException e) {
            // told below
        }
        throw new UsageException("--every takes a period of at least a second, such as 30s, 5m or 1h, not \"" + value + "\"");
    }

    private static long sequence(String value) {
        try {
            long n = Long.parseLong(value);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // told below
        }
        throw new UsageException("--from-sequence takes a sequence number (0 or more), not \"" + value + "\"");
    }
}
