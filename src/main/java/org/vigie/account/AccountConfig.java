package org.vigie.account;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** {@code vigie.accounts.*}: password hashing, token lifetime and the throttling of failed logins. */
@ConfigMapping(prefix = "vigie.accounts")
public interface AccountConfig {

    /** bcrypt's cost: 2^cost rounds. 12 takes a few hundred milliseconds, which is the point. */
    @WithDefault("12")
    int bcryptCost();

    /** How long a login lasts; logging out ends it earlier. */
    @WithDefault("P30D")
    Duration tokenLifetime();

    /** Failed logins for one user name allowed within {@link #loginWindow()}; the next ones get 429. */
    @WithDefault("5")
    int loginFailures();

    @WithDefault("PT15M")
    Duration loginWindow();

    /**
     * The secret a failed login's name is keyed with (HMAC-SHA256), so that a dump of the database
     * cannot be searched with a dictionary for what was typed. Give the instances of one deployment
     * the same one; without it each start draws its own, and a restart forgets the failures.
     */
    Optional<String> loginKey();

    /**
     * The registration challenge's difficulty (ALTCHA's {@code maxnumber}): the client tries up to
     * this many SHA-256 hashes, half of them on average. 100,000 is about a second on a phone.
     */
    @WithDefault("100000")
    long challengeMaxNumber();

    /** How long a registration challenge can be solved and used. */
    @WithDefault("PT20M")
    Duration challengeLifetime();

    /** The HMAC key that signs challenges; like {@link #loginKey()}, drawn at each start when absent. */
    Optional<String> challengeKey();

    /** Password checks (bcrypt) running at once; past that, 503. Default: the number of cores. */
    Optional<Integer> concurrentHashes();
}
