package io.loadrank.bench.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.balancer.decision.Decision;
import io.loadrank.balancer.ranking.SliceIntake;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The benchmark's operations, run once as JMH would: a set-up whose ranking no longer comes out whole, or
 * whose hot hosts are no longer demoted, would otherwise measure nothing.
 */
class SliceIntakeBenchmarkTest {

    @ParameterizedTest(name = "given {0} hosts, when taken in, then {1} record(s) and the hottest 1 % demoted")
    @CsvSource({"1000, 1", "10000, 2"})
    void givenASliceOfHosts_whenTakenIn_thenWholeAndItsHotHostsDemoted(int hosts, int parts) {
        SliceIntakeBenchmark benchmark = new SliceIntakeBenchmark();
        benchmark.hosts = hosts;
        benchmark.writeTheSlice();

        Decision decision = benchmark.takeARankingIn();
        Decision again = benchmark.takeARankingIn();

        assertThat(benchmark.parts()).isEqualTo(parts);
        assertThat(decision.basis()).isEqualTo(Decision.Basis.FRESH);
        assertThat(decision.demoted()).hasSize(hosts / 100);
        assertThat(again.demoted()).isEqualTo(decision.demoted());
        assertThat(benchmark.skipAnotherSlicesRecord()).isInstanceOf(SliceIntake.Outcome.Skipped.class);
    }
}
