package io.loadrank.window;

import java.io.Serializable;

/** Cumulative counts of what a sliding window did with the samples it was given. */
public record WindowCounters(long accepted, long duplicates, long late, long early) implements Serializable {

    public static final WindowCounters ZERO = new WindowCounters(0, 0, 0, 0);

    public WindowCounters plus(WindowCounters other) {
        return new WindowCounters(
                accepted + other.accepted, duplicates + other.duplicates, late + other.late, early + other.early);
    }
}
