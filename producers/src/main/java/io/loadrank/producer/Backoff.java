package io.loadrank.producer;

import java.time.Duration;

/**
 * The wait before the next reconnection attempt: doubles after every failure from
 * {@code initial} up to {@code max}, and starts again at {@code initial} after a success, so a
 * Cassandra that is down for an hour is not hammered and one that restarts is found quickly.
 */
final class Backoff {

    private final long initialMillis;
    private final long maxMillis;
    private long nextMillis;

    Backoff(Duration initial, Duration max) {
        this.initialMillis = initial.toMillis();
        this.maxMillis = Math.max(initialMillis, max.toMillis());
        this.nextMillis = initialMillis;
    }

    /** The wait after one more failure. */
    long failed() {
        long wait = nextMillis;
        nextMillis = Math.min(maxMillis, nextMillis * 2);
        return wait;
    }

    long maxMillis() {
        return maxMillis;
    }

    void succeeded() {
        nextMillis = initialMillis;
    }
}
