package io.loadrank.balancer.log;

import io.loadrank.log.LogThrottle;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * A warning that may repeat at a high rate (malformed records, a failing callback), logged at most once
 * per interval with the number of occurrences since the last line, so a flood never floods the
 * application's log and no occurrence goes unmentioned.
 */
public final class RateLimitedLog {

    private final Logger logger;
    private final LogThrottle throttle;

    public RateLimitedLog(Logger logger, long interval, TimeUnit unit) {
        this.logger = logger;
        this.throttle = new LogThrottle(unit.toMillis(interval));
    }

    /** Logs {@code message} (with the count of lines held back since the last one) unless one was logged recently. */
    public void warn(String message, Throwable cause) {
        long held;
        synchronized (throttle) {
            // the driver's and the Kafka client's threads all warn here; nanoTime never goes back
            held = throttle.tryAcquire(TimeUnit.NANOSECONDS.toMillis(System.nanoTime()));
        }
        if (held < 0) {
            return;
        }
        String text = held == 0 ? message : message + " (and " + held + " more since the last such line)";
        if (cause == null) {
            logger.warn(text);
        } else {
            logger.warn(text, cause);
        }
    }
}
