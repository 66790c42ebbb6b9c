package io.loadrank.bench;

/**
 * Delays in whole milliseconds, counted in one bucket per millisecond: exact percentiles for
 * millions of samples (100,000 hosts x 60 s) in constant memory. Delays beyond the last bucket
 * are counted in it (and {@link #overflow()} says how many).
 */
final class DelayHistogram {

    private final long[] counts;
    private long total;
    private long overflow;

    DelayHistogram(long maxMillis) {
        if (maxMillis < 1 || maxMillis > 100_000_000) {
            throw new IllegalArgumentException("max delay must be from 1 to 100,000,000 ms, got " + maxMillis);
        }
        counts = new long[(int) maxMillis + 1];
    }

    /** Counts one delay; a negative one (a clock step) counts as 0. */
    synchronized void record(long delayMillis) {
        int bucket;
        if (delayMillis >= counts.length) {
            bucket = counts.length - 1;
            overflow++;
        } else {
            bucket = (int) Math.max(0, delayMillis);
        }
        counts[bucket]++;
        total++;
    }

    synchronized long count() {
        return total;
    }

    synchronized long overflow() {
        return overflow;
    }

    /** The nearest-rank percentile in milliseconds (see {@link Stats#percentile}); NaN when empty. */
    synchronized double percentile(double percent) {
        if (total == 0) {
            return Double.NaN;
        }
        long rank = Stats.nearestRankIndex(percent, total);
        long seen = 0;
        for (int ms = 0; ms < counts.length; ms++) {
            seen += counts[ms];
            if (seen > rank) {
                return ms;
            }
        }
        throw new IllegalStateException("counts do not add up to " + total);
    }
}
