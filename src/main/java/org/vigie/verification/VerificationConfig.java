package org.vigie.verification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code vigie.verification.*}: how many volunteers it takes to verify or remove a camera. */
@ConfigMapping(prefix = "vigie.verification")
public interface VerificationConfig {

    /** Independent confirmations after which a reported camera is verified. */
    @WithDefault("2")
    int confirmationsToVerify();

    /** "Gone" reports by different volunteers after which a camera is marked removed. */
    @WithDefault("2")
    int goneReportsToRemove();

    /** A camera nobody confirmed for this long is flagged to re-check. */
    @WithDefault("P730D")
    Duration recheckAfter();

    /** Confirmations and reports one account may send per hour, and while it is new. */
    @WithDefault("300")
    int perHour();

    @WithDefault("60")
    int newAccountPerHour();

    /**
     * Confirmations and reports of accounts younger than this are recorded and shown but change no
     * status until the account is old enough ({@link VoteRipening} applies them then): two
     * throwaway accounts cannot verify or remove anything.
     */
    @WithDefault("P7D")
    Duration minAccountAge();

    /** How often {@link VoteRipening} looks for accounts that became old enough. */
    @WithDefault("PT1H")
    Duration ripenEvery();
}
