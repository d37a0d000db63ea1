package org.vigie.camera;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code vigie.limits.*}: how much one account may write per hour, less while it is new. */
@ConfigMapping(prefix = "vigie.limits")
public interface WriteLimitsConfig {

    /** An account younger than this gets the new-account quotas. */
    @WithDefault("PT24H")
    Duration newAccountAge();

    @WithDefault("30")
    int newAccountCamerasPerHour();

    @WithDefault("300")
    int camerasPerHour();

    /** Edits and deletions together. */
    @WithDefault("100")
    int newAccountEditsPerHour();

    @WithDefault("1000")
    int editsPerHour();

    /** Photos (each a full decode and a few hundred kB stored). */
    @WithDefault("10")
    int newAccountPhotosPerHour();

    @WithDefault("60")
    int photosPerHour();
}
