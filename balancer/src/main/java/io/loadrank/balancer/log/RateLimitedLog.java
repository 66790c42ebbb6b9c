package io.loadrank.balancer.log;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * A warning that may repeat at a high rate (malformed records, a failing callback), logged at most once
 * per interval with the number of occurrences since the last line, so a flood never floods the
 * application's log and no occurrence goes unmentioned.
 */
public final class RateLimitedLog {

    private final Logger logger;
    private final long intervalNanos;
    private final AtomicLong nextNanos;
    private final AtomicLong suppressed = new AtomicLong();

    public RateLimitedLog(Logger logger, long interval, TimeUnit unit) {
        this.logger = logger;
        this.intervalNanos = unit.toNanos(interval);
        this.nextNanos = new AtomicLong(System.nanoTime());
    }

    /** Logs {@code message} (with the count of lines held back since the last one) unless one was logged recently. */
    public void warn(String message, Throwable cause) {
        long now = System.nanoTime();
        long next = nextNanos.get();
        if (now - next >= 0 && nextNanos.compareAndSet(next, now + intervalNanos)) {
            long held = suppressed.getAndSet(0);
            String text = held == 0 ? message : message + " (and " + held + " more since the last such line)";
            if (cause == null) {
                logger.warn(text);
            } else {
                logger.warn(text, cause);
            }
        } else {
            suppressed.incrementAndGet();
        }
    }
}
