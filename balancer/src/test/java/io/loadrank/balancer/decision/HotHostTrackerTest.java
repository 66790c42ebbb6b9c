package io.loadrank.balancer.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.balancer.ranking.HostLoad;
import io.loadrank.balancer.ranking.LoadSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HotHostTrackerTest {

    /** hot at 1.5 x mean, cool below 1.2 x mean after 10 s */
    private static final BalancerSettings SETTINGS = BalancerSettings.defaults();

    /**
     * Host h1 among four hosts of one slice: the other three share the rest, so the mean score is
     * always 25, hot from 37.5, cool below 30 (and after 10 s hot).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "given dcScore exactly hot-ratio x mean, when ranked, then hot                    | 0:37.5                 | true",
                "given dcScore just below hot-ratio x mean, when ranked, then not hot             | 0:37.49                | false",
                "given a hot host between cool and hot ratio, when ranked later, then still hot   | 0:40 20000:35          | true true",
                "given a hot host below cool ratio before min-hot, when ranked, then still hot    | 0:40 9999:20           | true true",
                "given a hot host below cool ratio at min-hot, when ranked, then cool             | 0:40 10000:20          | true false",
                "given a hot host exactly at cool-ratio x mean after min-hot, when ranked, then still hot | 0:40 10000:30   | true true",
                "given a cooled host between the ratios, when ranked, then not hot again          | 0:40 10000:20 12000:35 | true false false",
                "given a host hot again after cooling, when ranked, then min-hot counts anew      | 0:40 10000:20 12000:40 13000:20 22000:20 | true false true true false",
            })
    void hysteresis(String name, String steps, String expected) {
        HotHostTracker tracker = new HotHostTracker(SETTINGS);
        List<Boolean> hot = new ArrayList<>();
        for (String step : steps.trim().split("\\s+")) {
            long at = Long.parseLong(step.split(":")[0]);
            double score = Double.parseDouble(step.split(":")[1]);
            double rest = (100 - score) / 3;
            HotHosts result = tracker.update(Rankings.of(at, score, rest, rest, rest));
            hot.add(result.hottestFirst().stream().anyMatch(h -> h.host().equals("h1")));
        }
        List<Boolean> wanted = new ArrayList<>();
        for (String flag : expected.trim().split("\\s+")) {
            wanted.add(Boolean.parseBoolean(flag));
        }
        assertThat(hot).isEqualTo(wanted);
    }

    @Test
    void givenSeveralHotHosts_whenRanked_thenHottestFirst() {
        HotHostTracker tracker = new HotHostTracker(
                new BalancerSettings(Duration.ofSeconds(10), 1.2, 1.1, Duration.ofSeconds(10), 0.34));

        HotHosts hot = tracker.update(Rankings.of(0, 14, 30, 5, 36, 15));

        assertThat(hot.hottestFirst()).extracting(HostLoad::host).containsExactly("h4", "h2");
    }

    @Test
    void givenStaleAndIncompleteHosts_whenRanked_thenNeitherIsHotAndStaleOnesAreOutOfTheMean() {
        HotHostTracker tracker = new HotHostTracker(SETTINGS);
        LoadSnapshot ranking = new LoadSnapshot(
                Rankings.SLICE,
                0,
                List.of(
                        Rankings.host("h1", 60, false, true),
                        Rankings.host("h2", 90, true, false),
                        Rankings.host("h3", 25, false, false),
                        Rankings.host("h4", 15, false, false)));

        HotHosts hot = tracker.update(ranking);

        // mean of h1, h3, h4 is 33.3: h1 would be hot but is incomplete; h2 is stale
        assertThat(hot.hottestFirst()).isEmpty();
    }

    @Test
    void givenAStaleHostWithALowScore_whenRanked_thenItDoesNotLowerTheMean() {
        HotHostTracker tracker = new HotHostTracker(SETTINGS);
        LoadSnapshot ranking = new LoadSnapshot(
                Rankings.SLICE,
                0,
                List.of(
                        Rankings.host("h1", 40, false, false),
                        Rankings.host("h2", 30, false, false),
                        Rankings.host("h3", 30, false, false),
                        Rankings.host("h4", 0, true, false)));

        HotHosts hot = tracker.update(ranking);

        // mean of the three live hosts is 33.3, hot from 50; with the stale host it would be 25, hot from 37.5
        assertThat(hot.hottestFirst()).isEmpty();
    }

    @Test
    void givenAHotHostThatTurnsStale_whenItComesBackCool_thenItsHotTimeStartedOver() {
        HotHostTracker tracker = new HotHostTracker(SETTINGS);
        tracker.update(Rankings.of(0, 40, 20, 20, 20));
        tracker.update(new LoadSnapshot(
                Rankings.SLICE,
                2000,
                List.of(
                        Rankings.host("h1", 40, true, false),
                        Rankings.host("h2", 33, false, false),
                        Rankings.host("h3", 33, false, false),
                        Rankings.host("h4", 34, false, false))));

        // back between the ratios: without its history it is not hot
        HotHosts hot = tracker.update(Rankings.of(4000, 35, 21.7, 21.7, 21.6));

        assertThat(hot.hottestFirst()).isEmpty();
    }
}
