package org.vigie.support;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * The defences against sock puppets and login floods as an instance runs them, which the rest of the
 * suite relaxes: votes of accounts younger than a week wait, and two password checks run at once at
 * a bcrypt cost that takes a while. The schema is kept, so that the shared accounts stay valid.
 */
public class DefendedInstance implements QuarkusTestProfile {

    public static final int CONCURRENT_HASHES = 2;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("vigie.verification.min-account-age", "P7D",
                "vigie.accounts.concurrent-hashes", String.valueOf(CONCURRENT_HASHES),
                "vigie.accounts.bcrypt-cost", "10",
                "quarkus.flyway.clean-at-start", "false");
    }
}
