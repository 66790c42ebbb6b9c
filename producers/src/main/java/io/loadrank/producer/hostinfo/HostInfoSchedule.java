package io.loadrank.producer.hostinfo;

import io.loadrank.hostinfo.HostInfo;
import java.time.Duration;
import java.util.Objects;

/**
 * When the producer reads its node's identity and when it sends the host-info record
 * (docs/DATACENTERS.md): it reads after every new JMX connection and then every
 * {@code readEvery}; it sends at start, after every reconnect, whenever a value changed, and at
 * least every {@code resendEvery} (so a record lost while Kafka was down comes back). Plain
 * logic: the caller passes the time and the number of the JMX connection in use.
 */
public final class HostInfoSchedule {

    /** How often the identity is read while connected: a changed value is sent within this time. */
    public static final Duration READ_EVERY = Duration.ofSeconds(10);

    /** How often the record is sent even if nothing changed. */
    public static final Duration RESEND_EVERY = Duration.ofSeconds(60);

    private final long readEveryMillis;
    private final long resendEveryMillis;
    private long lastReadAt;
    private long lastReadConnection = -1;
    private HostInfo lastSent;
    private long lastSentAt;
    private long lastSentConnection = -1;

    public HostInfoSchedule(Duration readEvery, Duration resendEvery) {
        this.readEveryMillis = readEvery.toMillis();
        this.resendEveryMillis = resendEvery.toMillis();
    }

    /** The schedule of {@link #READ_EVERY} and {@link #RESEND_EVERY}. */
    public static HostInfoSchedule standard() {
        return new HostInfoSchedule(READ_EVERY, RESEND_EVERY);
    }

    /**
     * True if the identity is to be read in this poll: on a connection not read on yet, or
     * {@code readEvery} after the last read.
     *
     * @param connection the number of the JMX connection in use (a new one after every reconnect)
     */
    public boolean readDue(long connection, long nowMillis) {
        return connection != lastReadConnection || nowMillis - lastReadAt >= readEveryMillis;
    }

    /**
     * Records a read and says whether its result must be sent now; if so, it counts as sent.
     *
     * @param info what was read, or null when the node did not say (nothing to send)
     */
    public boolean sendDue(HostInfo info, long connection, long nowMillis) {
        lastReadAt = nowMillis;
        lastReadConnection = connection;
        if (info == null) {
            return false;
        }
        boolean due = lastSent == null
                || !Objects.equals(info, lastSent)
                || connection != lastSentConnection
                || nowMillis - lastSentAt >= resendEveryMillis;
        if (due) {
            lastSent = info;
            lastSentAt = nowMillis;
            lastSentConnection = connection;
        }
        return due;
    }
}
