package io.loadrank.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.bench.SoakVerdict.Ending;
import io.loadrank.bench.SoakVerdict.Sample;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SoakVerdictTest {

    private static final SoakVerdict VERDICT = new SoakVerdict(2, 100, 3);
    private static final Ending GOOD_END = new Ending(1_500, 95, 5);

    private static Map<String, Double> watches(double p99) {
        Map<String, Double> watches = new LinkedHashMap<>();
        watches.put("start", 1.2);
        watches.put("after-broker-kill", p99);
        watches.put("after-worker-kill", 1.4);
        return watches;
    }

    private static List<Sample> worker(double heap0, double heap1, int threads1, int files1) {
        return List.of(
                new Sample(7, heap0, 80, 200),
                new Sample(7, (heap0 + heap1) / 2, 81, 201),
                new Sample(7, heap1, threads1, files1));
    }

    @Test
    void givenEveryFigureWithinItsTarget_whenJudged_thenNoFailure() {
        assertThat(VERDICT.failures(watches(3.0), worker(100, 109, 82, 205), GOOD_END))
                .isEmpty();
    }

    @ParameterizedTest(name = "freshness p99 {0} s -> failed {1}")
    @CsvSource({"2.99, false", "3.0, false", "3.01, true", "NaN, true"})
    void givenAFreshnessP99_whenJudged_thenItFailsAboveEmitPlusOneSecond(double p99, boolean fails) {
        List<String> failures = VERDICT.failures(watches(p99), worker(100, 100, 80, 200), GOOD_END);

        assertThat(failures).hasSize(fails ? 1 : 0);
        if (fails) {
            assertThat(failures.get(0)).contains("'after-broker-kill'").contains("emit + 1 s = 3 s");
        }
    }

    @ParameterizedTest(name = "heap {0} -> {1} MiB, threads 80 -> {2}, files 200 -> {3}: {4} failures")
    @CsvSource({
        "100, 110,   80, 200, 0",
        "100, 110.1, 80, 200, 1",
        "100, 90,    80, 200, 0",
        "100, 89.9,  80, 200, 1",
        "100, 100,   82, 205, 0",
        "100, 100,   83, 200, 1",
        "100, 100,   80, 206, 1",
        "100, 120,   90, 300, 3",
    })
    void givenAWorkersFirstAndLastSample_whenJudged_thenGrowthBeyondItsSlackFails(
            double heap0, double heap1, int threads1, int files1, int expected) {
        assertThat(VERDICT.failures(watches(1.0), worker(heap0, heap1, threads1, files1), GOOD_END))
                .hasSize(expected);
    }

    @ParameterizedTest(name = "end age {0} ms, {1} ranked, {2} stale: {3} failures")
    @CsvSource({"6000, 95, 5, 0", "6001, 95, 5, 1", "-1, 95, 5, 1", "1000, 95, 4, 1"})
    void givenTheRankingAtTheEnd_whenJudged_thenItMustBeFreshAndHoldEveryHost(
            long age, int ranked, int stale, int expected) {
        assertThat(VERDICT.failures(watches(1.0), worker(100, 100, 80, 200), new Ending(age, ranked, stale)))
                .hasSize(expected);
    }

    @Test
    void givenTooFewWatchesAndNoSample_whenJudged_thenBothAreNamed() {
        assertThat(VERDICT.failures(Map.of("start", 1.0), List.of(), GOOD_END))
                .containsExactly(
                        "only 1 of 3 freshness watches ran (the run was too short to settle)",
                        "no settled sample of any worker JVM (--sample-secs too long for --minutes)");
    }
}
