package io.loadrank.steering;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Markdown report of steering.csv: per scenario and policy the medians over runs, and each
 * latency's ratio to the baseline of the same run (median and 95 % interval, {@link RatioInterval});
 * then the goal, judged for the loadrank policy, scenario by scenario.
 */
final class SteeringReport {

    static final String BASELINE = "baseline";
    static final String LOADRANK = "loadrank";

    /** A scenario whose baseline p99 is within this factor of its S0 p99 has no headroom. */
    static final double NO_HEADROOM = 1.2;

    private SteeringReport() {}

    /** The ratio of {@code column} of {@code policy} to the baseline's, over the runs of a scenario. */
    static RatioInterval ratio(List<ResultRow> rows, String scenario, String policy, String column) {
        Map<Integer, Double> baseline = new TreeMap<>();
        Map<Integer, Double> other = new TreeMap<>();
        for (ResultRow row : rows) {
            if (row.scenario().equals(scenario) && row.policy().equals(BASELINE)) {
                baseline.put(row.run(), row.latency(column));
            }
            if (row.scenario().equals(scenario) && row.policy().equals(policy)) {
                other.put(row.run(), row.latency(column));
            }
        }
        double[] ratios = other.entrySet().stream()
                .filter(e -> baseline.containsKey(e.getKey()))
                .mapToDouble(e -> e.getValue() / baseline.get(e.getKey()))
                .toArray();
        return RatioInterval.of(ratios);
    }

    static String markdown(List<ResultRow> rows) {
        Map<String, Map<String, List<ResultRow>>> byScenario = new LinkedHashMap<>();
        for (ResultRow row : rows) {
            byScenario
                    .computeIfAbsent(row.scenario(), s -> new LinkedHashMap<>())
                    .computeIfAbsent(row.policy(), p -> new ArrayList<>())
                    .add(row);
        }
        StringBuilder md = new StringBuilder();
        md.append("| scenario | policy | runs | p50 ms | p99 ms | p99.9 ms | max ms | p50 / baseline | p99 / baseline"
                + " | p99.9 / baseline | hot node's share | achieved/s | errors |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (var scenario : byScenario.entrySet()) {
            for (var policy : scenario.getValue().entrySet()) {
                List<ResultRow> runs = policy.getValue();
                boolean baseline = policy.getKey().equals(BASELINE);
                md.append(String.format(
                        Locale.ROOT,
                        "| %s | %s | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %d |%n",
                        scenario.getKey(),
                        policy.getKey(),
                        runs.size(),
                        number(median(runs, "p50_ms")),
                        number(median(runs, "p99_ms")),
                        number(median(runs, "p999_ms")),
                        number(median(runs, "max_ms")),
                        baseline ? "1" : interval(ratio(rows, scenario.getKey(), policy.getKey(), "p50_ms")),
                        baseline ? "1" : interval(ratio(rows, scenario.getKey(), policy.getKey(), "p99_ms")),
                        baseline ? "1" : interval(ratio(rows, scenario.getKey(), policy.getKey(), "p999_ms")),
                        percent(medianOf(runs.stream()
                                .mapToDouble(ResultRow::hotNodeShare)
                                .toArray())),
                        number(medianOf(runs.stream()
                                .mapToDouble(ResultRow::achievedPerSecond)
                                .toArray())),
                        runs.stream().mapToLong(ResultRow::errors).sum()));
            }
        }
        md.append('\n');
        verdicts(rows, byScenario.keySet())
                .forEach(line -> md.append("- ").append(line).append('\n'));
        return md.toString();
    }

    /** One line per scenario: the goal for loadrank and whether the runs met it. */
    static List<String> verdicts(List<ResultRow> rows, Set<String> scenarios) {
        List<String> lines = new ArrayList<>();
        Optional<Double> quietP99 = baselineMedian(rows, "S0", "p99_ms");
        for (String scenario : new LinkedHashSet<>(scenarios)) {
            if (rows.stream()
                    .noneMatch(r -> r.scenario().equals(scenario) && r.policy().equals(LOADRANK))) {
                continue;
            }
            RatioInterval p50 = ratio(rows, scenario, LOADRANK, "p50_ms");
            RatioInterval p99 = ratio(rows, scenario, LOADRANK, "p99_ms");
            RatioInterval p999 = ratio(rows, scenario, LOADRANK, "p999_ms");
            if (scenario.equals("S0")) {
                boolean met = within(p50, 0.05) && within(p99, 0.05);
                lines.add(String.format(
                        Locale.ROOT,
                        "S0 (goal: p50 and p99 within 5 %% of the baseline): p50 × %s, p99 × %s: %s",
                        number(p50.median()),
                        number(p99.median()),
                        met ? "met" : "not met"));
                continue;
            }
            Optional<Double> scenarioP99 = baselineMedian(rows, scenario, "p99_ms");
            if (quietP99.isPresent() && scenarioP99.isPresent() && scenarioP99.get() <= NO_HEADROOM * quietP99.get()) {
                lines.add(String.format(
                        Locale.ROOT,
                        "%s: no headroom (the baseline's p99 %s ms is not 20 %% above its S0 p99 %s ms): nothing"
                                + " claimed",
                        scenario,
                        number(scenarioP99.get()),
                        number(quietP99.get())));
                continue;
            }
            double bound = scenario.equals("S3") ? 0.67 : 0.5;
            if (!scenario.equals("S1") && !scenario.equals("S2") && !scenario.equals("S3")) {
                lines.add(String.format(
                        Locale.ROOT,
                        "%s: p99 × %s, p99.9 × %s (no latency goal; see the time series)",
                        scenario,
                        number(p99.median()),
                        number(p999.median())));
                continue;
            }
            boolean met = p99.median() <= bound && p999.median() <= bound && p99.below(1) && p999.below(1);
            lines.add(String.format(
                    Locale.ROOT,
                    "%s (goal: p99 and p99.9 ≤ %s × the baseline, 95 %% interval below 1): p99 × %s, p99.9 × %s: %s",
                    scenario,
                    number(bound),
                    interval(p99),
                    interval(p999),
                    met ? "met" : "not met"));
        }
        return lines;
    }

    private static boolean within(RatioInterval ratio, double tolerance) {
        return Math.abs(ratio.median() - 1) <= tolerance;
    }

    private static Optional<Double> baselineMedian(List<ResultRow> rows, String scenario, String column) {
        double[] values = rows.stream()
                .filter(r -> r.scenario().equals(scenario) && r.policy().equals(BASELINE))
                .mapToDouble(r -> r.latency(column))
                .toArray();
        return values.length == 0 ? Optional.empty() : Optional.of(medianOf(values));
    }

    private static double median(List<ResultRow> runs, String column) {
        return medianOf(runs.stream().mapToDouble(r -> r.latency(column)).toArray());
    }

    static double medianOf(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static String interval(RatioInterval ratio) {
        if (Double.isNaN(ratio.median())) {
            return "–";
        }
        if (Double.isNaN(ratio.low())) {
            return number(ratio.median());
        }
        return number(ratio.median()) + " [" + number(ratio.low()) + ", " + number(ratio.high()) + "]";
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return Math.abs(value) >= 100
                ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, Math.abs(value) >= 10 ? "%.1f" : "%.2f", value);
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "–" : String.format(Locale.ROOT, "%.0f %%", share * 100);
    }
}
