package io.loadrank.steering;

import java.util.Arrays;

/**
 * The ratio of a policy's latency to the baseline's over paired runs (the same run, the same moments
 * of the cluster): the median of the per-run ratios, and a 95 % confidence interval of the typical
 * ratio from Student's t on their logarithms (a ratio is multiplicative: 0.5 and 2 are equally far
 * from 1). With one run there is no interval (NaN bounds).
 */
record RatioInterval(int runs, double median, double low, double high) {

    /** Student's t, two-sided 95 %, for 1..30 degrees of freedom; beyond, the normal 1.96. */
    private static final double[] T_975 = {
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131, 2.120,
        2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042
    };

    /** From the per-run ratios; ratios that are not positive numbers are left out. */
    static RatioInterval of(double... ratios) {
        double[] valid = Arrays.stream(ratios)
                .filter(r -> r > 0 && Double.isFinite(r))
                .sorted()
                .toArray();
        int n = valid.length;
        if (n == 0) {
            return new RatioInterval(0, Double.NaN, Double.NaN, Double.NaN);
        }
        double median = n % 2 == 1 ? valid[n / 2] : (valid[n / 2 - 1] + valid[n / 2]) / 2;
        if (n == 1) {
            return new RatioInterval(1, median, Double.NaN, Double.NaN);
        }
        double[] logs = Arrays.stream(valid).map(Math::log).toArray();
        double mean = Arrays.stream(logs).average().orElseThrow();
        double squares = Arrays.stream(logs).map(l -> (l - mean) * (l - mean)).sum();
        double halfWidth = t975(n - 1) * Math.sqrt(squares / (n - 1)) / Math.sqrt(n);
        return new RatioInterval(n, median, Math.exp(mean - halfWidth), Math.exp(mean + halfWidth));
    }

    static double t975(int degreesOfFreedom) {
        if (degreesOfFreedom < 1) {
            throw new IllegalArgumentException("degrees of freedom " + degreesOfFreedom + " must be >= 1");
        }
        return degreesOfFreedom <= T_975.length ? T_975[degreesOfFreedom - 1] : 1.96;
    }

    /** Whether the whole interval lies below {@code bound} (false without an interval). */
    boolean below(double bound) {
        return !Double.isNaN(high) && high < bound;
    }
}
