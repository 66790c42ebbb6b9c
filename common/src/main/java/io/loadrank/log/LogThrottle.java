package io.loadrank.log;

/**
 * Lets a log line through at most once per interval and counts what it held back, so that a
 * flood of bad input cannot flood the log (docs/MESSAGES.md). Used by the topology's bolts and
 * spouts and by the driver balancer's warnings.
 * Not thread-safe: one task owns one instance, or its user synchronizes. Times are passed in.
 */
public final class LogThrottle {

    private final long intervalMillis;
    private long nextAllowed = Long.MIN_VALUE;
    private long suppressed;

    public LogThrottle(long intervalMillis) {
        this.intervalMillis = intervalMillis;
    }

    /**
     * Returns -1 if the line must be held back; otherwise how many lines were held back since the
     * last one let through (to be mentioned in the line), and starts a new interval.
     */
    public long tryAcquire(long now) {
        if (now < nextAllowed) {
            suppressed++;
            return -1;
        }
        long held = suppressed;
        suppressed = 0;
        nextAllowed = now + intervalMillis;
        return held;
    }
}
