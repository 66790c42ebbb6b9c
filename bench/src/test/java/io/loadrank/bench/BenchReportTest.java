package io.loadrank.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchReportTest {

    private static Map<String, String> run(
            long hosts, int run, double consumer, double topology, double emitP99, double freshP99, double heap) {
        Map<String, String> figures = new HashMap<>();
        figures.put("hosts", Long.toString(hosts));
        figures.put("run", Integer.toString(run));
        figures.put("kafka.messages", "10000000");
        figures.put("ingest.counted", "10000000");
        figures.put("ingest.accepted", "10000000");
        figures.put("consumer.msgs_per_s", Double.toString(consumer));
        figures.put("ceiling.msgs_per_s", Double.toString(consumer / 2));
        figures.put("live.rate_hz", hosts >= 100_000 ? "0.2" : "1");
        figures.put("topology.msgs_per_s", Double.toString(topology));
        figures.put("emit.median_ms", Double.toString(emitP99 / 2));
        figures.put("emit.p99_ms", Double.toString(emitP99));
        figures.put("freshness.global.p50_s", "1.2");
        figures.put("freshness.global.p99_s", Double.toString(freshP99));
        figures.put("rankings.emit.p99_ms", Double.toString(emitP99 / 2));
        figures.put("freshness.rankings.p99_s", Double.toString(freshP99 - 0.5));
        figures.put("files.bytes_per_host", "571");
        figures.put("rankings.bytes_per_host", "168");
        figures.put("heap.used_after_gc_mib", Double.toString(heap));
        return figures;
    }

    private static Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("command", "scripts/bench.sh --hosts 1000,100000 --runs 3");
        settings.put("started_utc", "2026-11-22T07:00:00Z");
        settings.put("emit_secs", "2");
        return settings;
    }

    @Test
    void a_spread_is_the_median_with_min_and_max_unless_the_runs_agree() {
        assertThat(BenchReport.spread(Stats.Spread.of(510_000.4, 480_000, 530_000), 0))
                .isEqualTo("510,000 [480,000–530,000]");
        assertThat(BenchReport.spread(Stats.Spread.of(1.234), 2)).isEqualTo("1.23");
        assertThat(BenchReport.spread(Stats.Spread.of(2.001, 1.999), 2)).isEqualTo("2.00");
        assertThat(BenchReport.spread(Stats.Spread.of(Double.NaN), 2)).isEqualTo("–");
    }

    @Test
    void the_table_has_one_row_per_fleet_size_with_median_and_spread_of_every_figure() {
        List<Map<String, String>> runs = new ArrayList<>(List.of(
                run(1000, 1, 2_000_000, 800_000, 40, 2.5, 200),
                run(1000, 2, 2_200_000, 900_000, 60, 2.7, 210),
                run(1000, 3, 2_100_000, 1_000_000, 50, 2.6, 220)));

        String report = BenchReport.markdown(settings(), runs, "a machine", "runs.csv");

        assertThat(report)
                .contains("Command: `scripts/bench.sh --hosts 1000,100000 --runs 3`", "Machine: a machine")
                .contains(
                        "| 1,000 | 3 of 3 | 10,000,000 | 2,100,000 [2,000,000–2,200,000] | 1,050,000 [1,000,000–1,100,000] "
                                + "| 900,000 [800,000–1,000,000] | 41 [40–48] | 82 [80–95] | 1.0 | 25 [20–30] | 50 [40–60] "
                                + "| 25 [20–30] | 1.20 | 2.60 [2.50–2.70] | 2.10 [2.00–2.20] | 571 | 168 | 210 [200–220] |")
                .contains("Not measured: no run at 10,000 hosts.")
                .contains("Not measured: no run at 100,000 hosts.");
    }

    @Test
    void the_targets_at_100000_hosts_say_which_are_met_judged_by_the_median_of_the_runs_and_the_heap_by_every_run() {
        List<Map<String, String>> runs = List.of(
                run(100_000, 1, 1_000_000, 450_000, 400, 3.5, 900),
                run(100_000, 2, 1_000_000, 520_000, 600, 2.9, 1100),
                run(100_000, 3, 1_000_000, 510_000, 450, 2.8, 1000));

        String targets = BenchReport.targets(100_000, runs, 2);

        assertThat(targets)
                .startsWith("## Performance targets at 100,000 hosts")
                .contains(
                        "| sustained ingest through the topology | ≥ 500,000 msgs/s | 510,000 [450,000–520,000] msgs/s | yes |")
                .contains("| topology / plain KafkaConsumer | ≥ 40 % | 51 [45–52] % | yes |")
                .contains("| topology / Storm's ceiling for loadrank's shape, same run "
                        + "| ≥ 80 % where the ceiling is what limits ingest | 102 [90–104] % | yes |")
                .contains("| window snapshot → every slice record at a reader of the rankings topic (p99 of the emits) "
                        + "| ≤ 500 ms (acknowledged) | 225 [200–300] ms | yes |")
                .contains("| window snapshot → every file of the emit in place (p99 of the emits) "
                        + "| ≤ one emit interval = 2000 ms | 450 [400–600] ms | yes |")
                .contains("| bytes of one emit's files per host | ≤ 600 | 571 | yes |")
                .contains("| freshness p99 at the rankings topic | ≤ emit + 1 s = 3 s | 2.40 [2.30–3.00] s | yes |")
                .contains("| freshness p99 at the files | ≤ 2 × emit + 1 s = 5 s | 2.90 [2.80–3.50] s | yes |")
                .contains("| heap after a full GC, every run | ≤ 1 GiB (1,024 MiB) | 1,000 [900–1,100] MiB | **no** |");
        assertThat(BenchReport.targets(100_000, runs.subList(0, 1), 2))
                .contains("| heap after a full GC, every run | ≤ 1 GiB (1,024 MiB) | 900 MiB | yes |");
    }

    @Test
    void a_failed_run_is_named_with_its_reason_and_left_out_of_the_figures() {
        Map<String, String> failed = new HashMap<>(Map.of(
                "hosts",
                "100000",
                "run",
                "1",
                "failure",
                "ingest: the topology did not count all 10,000,000 prefilled messages within 260 s"));

        String report = BenchReport.markdown(settings(), List.of(failed), "m", "runs.csv");

        assertThat(report)
                .contains("| 100,000 | 0 of 1 |")
                .contains("Not measured: every run at 100,000 hosts failed")
                .contains("failed: ingest: the topology did not count all 10,000,000 prefilled messages within 260 s");
    }

    @Test
    void the_csv_has_the_known_columns_first_and_every_other_figure_after_them() {
        Map<String, String> figures =
                new HashMap<>(Map.of("hosts", "1000", "run", "1", "zeta", "1", "failure", "a, b"));

        String csv = BenchReport.csv(List.of(figures));

        String[] lines = csv.split("\n");
        assertThat(lines[0]).startsWith("hosts,run,failure,").endsWith(",zeta");
        assertThat(lines[1]).startsWith("1000,1,\"a, b\",").endsWith(",1");
    }
}
