package io.loadrank.log;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Tells its user when to log an outage, so that an outage is logged once when it begins and once when it
 * ends, with how long it lasted and how many failures came in between: a dependency down for an hour must
 * not write 3,600 identical lines. The definition of "log an outage once" of every loadrank program; the
 * log lines themselves are its users' (the producer's dependencies, the web view's refusals, the
 * topology's output directory and rankings topic, the driver balancer's Kafka).
 *
 * <p>An outage is made of keys that failed (a file, a record key, a refusal, or one key for a single
 * dependency). It begins with the first failure while no key is failing, and ends once every key that
 * failed in it has succeeded again, so a single key that keeps failing while others succeed is one long
 * outage, never a line per attempt. A success of a key that is not failing says nothing.
 *
 * <p>Thread-safe: the writers of one directory, or a client's callback threads, share one. Times are
 * passed in, in milliseconds of any clock the user keeps to.
 *
 * @param <K> what fails: its equality tells keys apart
 */
public final class OutageTracker<K> {

    /** What one failure means to the log. */
    public enum Failure {
        /** nothing was failing: an outage begins (log it) */
        BEGINS,
        /** the outage goes on, and this key had not failed in it yet */
        NEW_KEY,
        /** this key failed already in this outage (log nothing) */
        AGAIN;

        /** True if this failure begins an outage. */
        public boolean begins() {
            return this == BEGINS;
        }

        /** True if this key had not failed in the outage before: the outage's first failure or a new key. */
        public boolean newKey() {
            return this != AGAIN;
        }
    }

    /**
     * The end of an outage.
     *
     * @param durationMillis from its first failure to the success that ended it
     * @param failures       the failures it held, its first included
     */
    public record Ended(long durationMillis, long failures) {

        public long seconds() {
            return durationMillis / 1000;
        }
    }

    /**
     * What a success of some keys changed.
     *
     * @param keys  the failing keys that succeeded, in the order they first failed (empty: none was failing)
     * @param ended the end of the outage if they were the last failing keys
     */
    public record Recovery<K>(List<K> keys, Optional<Ended> ended) {

        public Recovery {
            keys = List.copyOf(keys);
        }
    }

    /** In the order they first failed in this outage. */
    private final Set<K> failing = new LinkedHashSet<>();

    private long beganMillis;
    private long failures;
    private long outages;

    /** Records a failure of {@code key} at {@code nowMillis}. */
    public synchronized Failure failed(K key, long nowMillis) {
        failures++;
        if (failing.isEmpty()) {
            failing.add(key);
            beganMillis = nowMillis;
            outages++;
            return Failure.BEGINS;
        }
        return failing.add(key) ? Failure.NEW_KEY : Failure.AGAIN;
    }

    /** Records a success of {@code key}; the end of the outage if it was the last failing key. */
    public synchronized Optional<Ended> succeeded(K key, long nowMillis) {
        return recovered(key::equals, nowMillis).ended();
    }

    /**
     * Records a success of every failing key that {@code over} accepts (it runs under this tracker's lock:
     * it must be quick and must not call back).
     */
    public synchronized Recovery<K> recovered(Predicate<? super K> over, long nowMillis) {
        List<K> keys = new ArrayList<>();
        failing.removeIf(key -> {
            boolean recovered = over.test(key);
            if (recovered) {
                keys.add(key);
            }
            return recovered;
        });
        if (keys.isEmpty() || !failing.isEmpty()) {
            return new Recovery<>(keys, Optional.empty());
        }
        Ended ended = new Ended(nowMillis - beganMillis, failures);
        failures = 0;
        return new Recovery<>(keys, Optional.of(ended));
    }

    /** True while some key failed since its last success. */
    public synchronized boolean ongoing() {
        return !failing.isEmpty();
    }

    /** How many outages began since this tracker was made. */
    public synchronized long outages() {
        return outages;
    }
}
