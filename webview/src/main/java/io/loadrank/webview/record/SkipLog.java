package io.loadrank.webview.record;

import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log lines of skipped records, at a bounded rate: the first at once, with its reason, then at most
 * one a minute with the count since the last line and the newest reason. A writer that puts only bad
 * records on a topic must not fill the disk with one line each.
 */
public final class SkipLog {

    private static final Logger LOG = LoggerFactory.getLogger(SkipLog.class);
    static final long INTERVAL_MILLIS = 60_000;

    private final String what;
    private final LongSupplier clock;
    private final Sink sink;
    private long loggedAt = Long.MIN_VALUE;
    private long since;

    /** Where the lines go; the log unless a test looks. */
    @FunctionalInterface
    public interface Sink {
        void line(String line);
    }

    public SkipLog(String what, LongSupplier clock) {
        this(what, clock, LOG::warn);
    }

    SkipLog(String what, LongSupplier clock, Sink sink) {
        this.what = what;
        this.clock = clock;
        this.sink = sink;
    }

    /** One record skipped, for {@code why}. */
    public void skipped(String why) {
        since++;
        long now = clock.getAsLong();
        if (loggedAt != Long.MIN_VALUE && now - loggedAt < INTERVAL_MILLIS) {
            return;
        }
        sink.line(
                since == 1
                        ? "skipped a record of " + what + " (" + why + ")"
                        : "skipped " + since + " records of " + what + " in the last minute or so (the newest: " + why
                                + ")");
        loggedAt = now;
        since = 0;
    }
}
