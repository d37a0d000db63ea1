package org.vigie.osm.sync;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.vigie.osm.OsmConfig;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The app's own sync, every vigie.osm.sync-every when that and vigie.osm.replication-url are set
 * (off by default). One round at a time; a round that stopped short is tried again at the next tick.
 * Never in a command's process (vigie import, sync...): commands run with the HTTP server off.
 */
@ApplicationScoped
public class SyncSchedule {

    private static final Logger LOG = Logger.getLogger(SyncSchedule.class);

    private final SyncService sync;
    private final OsmConfig config;
    private ScheduledExecutorService executor;

    public SyncSchedule(SyncService sync, OsmConfig config) {
        this.sync = sync;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        if ("false".equals(System.getProperty("quarkus.http.host-enabled")) || config.syncEvery().isEmpty()) {
            return;
        }
        if (config.replicationUrl().isEmpty()) {
            LOG.warn("vigie.osm.sync-every is set but vigie.osm.replication-url is not: no sync");
            return;
        }
        Duration every = config.syncEvery().get();
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vigie-osm-sync");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::tick, 5_000, Math.max(1_000, every.toMillis()), TimeUnit.MILLISECONDS);
        LOG.infof("following %s every %s", config.replicationUrl().get(), every);
    }

    void stop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private void tick() {
        try {
            SyncReport report = sync.round(null);
            if (report.failed()) {
                LOG.warn("OpenStreetMap sync stopped: " + report.stoppedBecause());
            } else if (!report.applied().isEmpty()) {
                LOG.infof("OpenStreetMap sync: %d diff(s) applied, now at sequence %d",
                        report.applied().size(), report.status().sequence());
            }
        } catch (RuntimeException e) {
            LOG.error("OpenStreetMap sync failed", e); // the schedule goes on: a thrown tick would end it
        }
    }
}
