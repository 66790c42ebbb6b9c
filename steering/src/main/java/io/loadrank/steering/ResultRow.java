package io.loadrank.steering;

import java.util.List;

/** One line of steering.csv: one policy in one run of one scenario. Latencies in milliseconds. */
record ResultRow(
        String scenario,
        String policy,
        int run,
        double offeredPerSecond,
        double achievedPerSecond,
        long errors,
        double p50Millis,
        double p99Millis,
        double p999Millis,
        double maxMillis,
        double hotNodeShare) {

    /** The columns of steering.csv, in order. */
    static final List<String> COLUMNS = List.of(
            "scenario",
            "policy",
            "run",
            "offered_per_s",
            "achieved_per_s",
            "errors",
            "p50_ms",
            "p99_ms",
            "p999_ms",
            "max_ms",
            "hot_node_share");

    static ResultRow of(String scenario, String policy, int run, RunAccounting.RunResult result) {
        return new ResultRow(
                scenario,
                policy,
                run,
                result.offeredPerSecond(),
                result.achievedPerSecond(),
                result.errors(),
                result.p50Millis(),
                result.p99Millis(),
                result.p999Millis(),
                result.maxMillis(),
                result.hotNodeShare());
    }

    /** The latency a report compares by its column name: p50_ms, p99_ms, p999_ms or max_ms. */
    double latency(String column) {
        return switch (column) {
            case "p50_ms" -> p50Millis;
            case "p99_ms" -> p99Millis;
            case "p999_ms" -> p999Millis;
            case "max_ms" -> maxMillis;
            default -> throw new IllegalArgumentException("no latency column " + column);
        };
    }
}
