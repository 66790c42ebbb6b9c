package io.loadrank.steering;

/**
 * When each request of an open-loop load is due: request {@code i} at {@code start + i / rate},
 * whatever happened to the requests before it. A load that waited for its answers (closed loop) would
 * send less while the cluster is slow and so hide the slowness it causes (coordinated omission); this
 * one keeps the rate and charges each request from the moment it should have started.
 */
final class OpenLoopSchedule {

    private static final double NANOS_PER_SECOND = 1e9;

    private final long startNanos;
    private final double ratePerSecond;

    OpenLoopSchedule(long startNanos, double ratePerSecond) {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("rate " + ratePerSecond + " is not allowed: it must be > 0 per second");
        }
        this.startNanos = startNanos;
        this.ratePerSecond = ratePerSecond;
    }

    /** The time request {@code index} (from 0) is due. */
    long dueAt(long index) {
        return startNanos + Math.round(index * NANOS_PER_SECOND / ratePerSecond);
    }

    /** How many requests are due at {@code nowNanos}: the first one is due at the start. */
    long dueBy(long nowNanos) {
        if (nowNanos < startNanos) {
            return 0;
        }
        long count = (long) Math.floor((nowNanos - startNanos) * ratePerSecond / NANOS_PER_SECOND) + 1;
        // rounding of dueAt may put the last one a nanosecond later: never count one not yet due
        while (count > 0 && dueAt(count - 1) > nowNanos) {
            count--;
        }
        return count;
    }

    double ratePerSecond() {
        return ratePerSecond;
    }
}
