package io.loadrank.bench;

import java.util.Arrays;

/**
 * The statistics of the report: medians, nearest-rank percentiles, and the spread of a figure
 * over repeated runs. NaN stands for "no figure" (a run that failed, a phase without data) and is
 * left out.
 */
final class Stats {

    private Stats() {}

    /** The middle value, or the mean of the two middle values; NaN when there is none. */
    static double median(double... values) {
        double[] sorted = finiteSorted(values);
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * The nearest-rank percentile: the smallest value that at least {@code percent} % of the values
     * are at or below (so p99 of 30 values is the largest, never an interpolation below it); NaN
     * when there is none.
     */
    static double percentile(double percent, double... values) {
        double[] sorted = finiteSorted(values);
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[nearestRankIndex(percent, sorted.length)];
    }

    /** The 0-based index of the nearest-rank percentile among {@code count} sorted values. */
    static long nearestRankIndex(double percent, long count) {
        if (!(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException("a percentile is above 0 and at most 100, got " + percent);
        }
        return Math.max(0, (long) Math.ceil(percent / 100 * count) - 1);
    }

    private static int nearestRankIndex(double percent, int count) {
        return (int) nearestRankIndex(percent, (long) count);
    }

    private static double[] finiteSorted(double[] values) {
        return Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
    }

    /** A figure over repeated runs: median and min-max of the runs that produced it. */
    record Spread(double median, double min, double max, int runs) {

        static Spread of(double... values) {
            double[] sorted = finiteSorted(values);
            if (sorted.length == 0) {
                return new Spread(Double.NaN, Double.NaN, Double.NaN, 0);
            }
            return new Spread(Stats.median(sorted), sorted[0], sorted[sorted.length - 1], sorted.length);
        }

        boolean isEmpty() {
            return runs == 0;
        }
    }
}
