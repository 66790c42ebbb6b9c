package io.loadrank.producer.metrics;

import java.util.OptionalDouble;

/**
 * The mean latency of the requests of the last interval, from two successive readings of the
 * cumulative counters (docs/PRODUCER.md): Δ total latency / Δ request count. Cassandra's own
 * {@code Mean} attribute is the all-time mean, which hardly moves once a node has run for a day,
 * so it cannot show a node becoming slow.
 *
 * <p>One instance per metric (read, write); not thread-safe, used by the one poll thread.
 */
public final class IntervalLatency {

    private LatencyCounters previous;

    /**
     * Takes the counters of this poll and returns the mean latency in microseconds since the
     * previous poll.
     *
     * @return empty on the first reading (there is no interval yet); 0 when no request completed
     *         in the interval; when a counter went backwards (Cassandra restarted and its
     *         counters began again at 0) the mean of the requests since that restart
     */
    public OptionalDouble next(LatencyCounters current) {
        LatencyCounters before = previous;
        previous = current;
        if (current.totalMicros() < 0 || current.requests() < 0) {
            previous = null; // nonsense from the server: start again from the next reading
            return OptionalDouble.empty();
        }
        if (before == null) {
            return OptionalDouble.empty();
        }
        boolean restarted = current.requests() < before.requests() || current.totalMicros() < before.totalMicros();
        long requests = restarted ? current.requests() : current.requests() - before.requests();
        long micros = restarted ? current.totalMicros() : current.totalMicros() - before.totalMicros();
        if (requests == 0) {
            return OptionalDouble.of(0);
        }
        return OptionalDouble.of((double) micros / requests);
    }

    /** Forgets the last reading, so that the next one only sets the baseline. */
    public void reset() {
        previous = null;
    }
}
