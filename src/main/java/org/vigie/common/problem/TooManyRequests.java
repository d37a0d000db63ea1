package org.vigie.common.problem;

/** 429 with Retry-After: a limit that lifts by itself after the given number of seconds. */
public final class TooManyRequests extends ProblemException {

    private TooManyRequests(long seconds, String type, String title, String detail) {
        super(429, type, title, detail);
        with("retryAfter", seconds);
        header("Retry-After", String.valueOf(seconds));
    }

    public static TooManyRequests after(long seconds, String type, String title, String detail) {
        return new TooManyRequests(Math.max(1, seconds), type, title, detail);
    }
}
