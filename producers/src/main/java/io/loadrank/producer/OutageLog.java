package io.loadrank.producer;

import org.slf4j.Logger;

/**
 * Logs an outage of a dependency (Cassandra's JMX, Kafka) once when it begins and once when it
 * ends, however many polls fail in between: a node that is down for an hour must not write
 * 3,600 identical lines. Thread-safe.
 */
final class OutageLog {

    private final Logger log;
    private final String what;
    private boolean down;
    private long downSinceMillis;
    private long failuresInOutage;
    private long outages;

    OutageLog(Logger log, String what) {
        this.log = log;
        this.what = what;
    }

    /** Records a failure; logs only the first of an outage. Returns true if it logged. */
    synchronized boolean failed(long nowMillis, String reason) {
        failuresInOutage++;
        if (down) {
            return false;
        }
        down = true;
        outages++;
        downSinceMillis = nowMillis;
        log.warn("{} unavailable: {} (logged once until it recovers)", what, reason);
        return true;
    }

    /** Records a success; logs the end of an outage. Returns true if it logged. */
    synchronized boolean succeeded(long nowMillis, String detail) {
        if (!down) {
            return false;
        }
        down = false;
        log.info(
                "{} available again after {} s and {} failed attempts{}",
                what,
                (nowMillis - downSinceMillis) / 1000,
                failuresInOutage,
                detail.isEmpty() ? "" : "; " + detail);
        failuresInOutage = 0;
        return true;
    }

    synchronized boolean isDown() {
        return down;
    }

    /** How many outages began since start. */
    synchronized long outages() {
        return outages;
    }
}
