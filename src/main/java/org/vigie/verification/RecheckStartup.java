package org.vigie.verification;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.vigie.camera.Recheck;

/** Hands the configured re-check period to the Feature mapping. */
@ApplicationScoped
class RecheckStartup {

    void onStart(@Observes StartupEvent event, VerificationConfig config) {
        Recheck.after(config.recheckAfter());
    }
}
