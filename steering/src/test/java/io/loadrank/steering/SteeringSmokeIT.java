package io.loadrank.steering;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.testing.CassandraCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The experiment's program end to end, kept cheap for CI: one real Cassandra node (replication factor
 * 1), no Kafka, no topology, no cgroups; scenario S0 and the two driver policies that need nothing
 * beside the cluster, one run of a few seconds. What it checks is the harness, not steering: the
 * CSV's columns, one row per policy, and every scheduled request counted as answered or as an error.
 * The steering itself is measured by scripts/bench-steering.sh (docs/STEERING.md).
 */
class SteeringSmokeIT {

    private static final int RATE = 50;
    private static final int MEASURE_SECONDS = 4;

    @Test
    void given_one_node_and_two_policies_when_the_experiment_runs_then_every_request_is_in_the_csv(@TempDir Path dir)
            throws Exception {
        try (CassandraCluster cluster = CassandraCluster.start(dir.resolve("cassandra"), 1)) {
            Path out = dir.resolve("results");
            ExperimentSettings settings = new ExperimentSettings(
                    cluster.contactPoints(),
                    CassandraCluster.DATACENTER,
                    null,
                    "loadRankings",
                    "loadRankingsFrozen",
                    List.of(Scenario.S0),
                    List.of(Policy.BASELINE, Policy.BASELINE_NO_AVOIDANCE),
                    1,
                    RATE,
                    1,
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(MEASURE_SECONDS),
                    Duration.ofSeconds(MEASURE_SECONDS),
                    List.of(),
                    0.5,
                    0.15,
                    List.of(),
                    1,
                    200,
                    8,
                    out);

            new Experiment(settings).run();

            List<String> lines = Files.readAllLines(out.resolve("steering.csv"));
            assertThat(lines.get(0))
                    .isEqualTo("scenario,policy,run,offered_per_s,achieved_per_s,errors,p50_ms,p99_ms,p999_ms,"
                            + "max_ms,hot_node_share");
            List<ResultRow> rows = SteeringCsv.read(out.resolve("steering.csv"));
            assertThat(rows).extracting(ResultRow::policy).containsExactly("baseline", "baseline-no-avoidance");
            for (ResultRow row : rows) {
                double scheduled = row.offeredPerSecond() * MEASURE_SECONDS;
                // the schedule's own count: one request at the start and one per 1/RATE s after it, up to
                // (not at) the phase's end, every one sent even when the load thread was late
                assertThat(scheduled).isCloseTo(RATE * MEASURE_SECONDS, org.assertj.core.api.Assertions.within(0.5));
                // answered + errors = scheduled: nothing lost (the CSV rounds rates to 0.1/s)
                assertThat(row.achievedPerSecond() * MEASURE_SECONDS + row.errors())
                        .isCloseTo(scheduled, org.assertj.core.api.Assertions.within(0.5));
                // errors (timeouts) are allowed: on a loaded CI machine one node may answer late
                assertThat(row.p99Millis()).isPositive();
                // one node: it coordinates everything, and it is the "hot" node of S0's accounting
                assertThat(row.hotNodeShare()).isEqualTo(1.0);
            }
            assertThat(out.resolve("report.md")).exists();
            assertThat(out.resolve("latency-S0.png")).isNotEmptyFile();
            assertThat(out.resolve("timeseries.csv")).isNotEmptyFile();
        }
    }
}
