package io.loadrank.producer;

import io.loadrank.log.OutageTracker;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * The log lines of an outage of one dependency (Cassandra's JMX, Kafka): a warning when it begins and an
 * info line when it ends, however many polls fail in between ({@link OutageTracker} decides when).
 * Thread-safe.
 */
final class OutageLog {

    private final Logger log;
    private final String what;
    /** One key: the dependency. */
    private final OutageTracker<String> outage = new OutageTracker<>();

    OutageLog(Logger log, String what) {
        this.log = log;
        this.what = what;
    }

    /** Records a failure; logs only the first of an outage. Returns true if it logged. */
    boolean failed(long nowMillis, String reason) {
        if (!outage.failed(what, nowMillis).begins()) {
            return false;
        }
        log.warn("{} unavailable: {} (logged once until it recovers)", what, reason);
        return true;
    }

    /** Records a success; logs the end of an outage. Returns true if it logged. */
    boolean succeeded(long nowMillis, String detail) {
        Optional<OutageTracker.Ended> ended = outage.succeeded(what, nowMillis);
        if (ended.isEmpty()) {
            return false;
        }
        log.info(
                "{} available again after {} s and {} failed attempts{}",
                what,
                ended.get().seconds(),
                ended.get().failures(),
                detail.isEmpty() ? "" : "; " + detail);
        return true;
    }

    boolean isDown() {
        return outage.ongoing();
    }

    /** How many outages began since start. */
    long outages() {
        return outage.outages();
    }
}
