package io.loadrank.steering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SteeringReportTest {

    private static ResultRow row(String scenario, String policy, int run, double p99, double p999) {
        return new ResultRow(scenario, policy, run, 150, 150, 0, p99 / 10, p99, p999, p999 * 2, 0.3);
    }

    private static List<ResultRow> runs(String scenario, double[] baselineP99, double[] loadrankP99) {
        List<ResultRow> rows = new ArrayList<>();
        for (int run = 1; run <= baselineP99.length; run++) {
            rows.add(row(scenario, "baseline", run, baselineP99[run - 1], 2 * baselineP99[run - 1]));
            rows.add(row(scenario, "loadrank", run, loadrankP99[run - 1], 2 * loadrankP99[run - 1]));
        }
        return rows;
    }

    @Test
    void given_paired_runs_when_the_ratio_is_taken_then_each_run_is_divided_by_the_baseline_of_the_same_run() {
        List<ResultRow> rows = runs("S1", new double[] {100, 200, 400}, new double[] {50, 100, 200});

        RatioInterval ratio = SteeringReport.ratio(rows, "S1", "loadrank", "p99_ms");

        // 0.5 in every run, though the runs differ fourfold: the pairing cancels the run's noise
        assertThat(ratio.median()).isEqualTo(0.5);
        assertThat(ratio.high()).isCloseTo(0.5, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void given_loadrank_at_a_third_in_s1_and_the_same_in_s0_then_both_goals_are_met() {
        List<ResultRow> rows = new ArrayList<>(runs("S0", new double[] {10, 11, 12}, new double[] {10, 11, 12}));
        rows.addAll(runs("S1", new double[] {90, 120, 150}, new double[] {30, 36, 52}));

        List<String> verdicts = SteeringReport.verdicts(rows, Set.of("S0", "S1"));

        assertThat(verdicts)
                .anySatisfy(line -> assertThat(line).startsWith("S0").endsWith(": met"));
        assertThat(verdicts)
                .anySatisfy(line -> assertThat(line).startsWith("S1").endsWith(": met"));
    }

    @Test
    void given_a_baseline_within_20_percent_of_its_s0_p99_then_the_scenario_has_no_headroom() {
        List<ResultRow> rows = new ArrayList<>(runs("S0", new double[] {10, 10, 10}, new double[] {10, 10, 10}));
        rows.addAll(runs("S2", new double[] {11, 12, 11}, new double[] {4, 4, 4}));

        assertThat(SteeringReport.verdicts(rows, Set.of("S2")))
                .singleElement()
                .asString()
                .contains("no headroom")
                .contains("nothing claimed");
    }

    @Test
    void given_ratios_at_half_but_a_wide_interval_then_the_goal_is_not_met() {
        List<ResultRow> rows = runs("S1", new double[] {100, 100}, new double[] {20, 80});

        assertThat(SteeringReport.verdicts(rows, Set.of("S1")))
                .singleElement()
                .asString()
                .endsWith("not met");
    }

    @Test
    void given_rows_when_written_and_read_then_the_csv_has_the_columns_in_order_and_the_same_rows(@TempDir Path dir)
            throws IOException {
        List<ResultRow> rows = runs("S1", new double[] {100.5, 200}, new double[] {52, 100});
        Path file = dir.resolve("steering.csv");

        SteeringCsv.write(file, rows);

        assertThat(java.nio.file.Files.readAllLines(file).get(0))
                .isEqualTo("scenario,policy,run,offered_per_s,achieved_per_s,errors,p50_ms,p99_ms,p999_ms,max_ms,"
                        + "hot_node_share");
        assertThat(SteeringCsv.read(file)).isEqualTo(rows);
        assertThat(SteeringReport.markdown(rows)).contains("| S1 | loadrank | 2 |");
    }
}
