package io.loadrank.webview.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The history ring under hand-made rankings. A case is a list of rankings {@code "second: H=5 A=1"}
 * into a history of 10 s kept in 5 points (2 s each), and H's scores expected afterwards.
 */
class FleetHistoryTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "given rankings 2 s apart, then one point each",
                        List.of("0: H=1", "2: H=2", "4: H=3"),
                        "[1.0, 2.0, 3.0]"),
                Arguments.of(
                        "given two rankings within one slot, then the later replaces the earlier",
                        List.of("0: H=1", "1: H=5", "2: H=2"),
                        "[5.0, 2.0]"),
                Arguments.of(
                        "given more rankings than points, then the oldest go",
                        List.of("0: H=1", "2: H=2", "4: H=3", "6: H=4", "8: H=5", "10: H=6", "12: H=7"),
                        "[3.0, 4.0, 5.0, 6.0, 7.0]"),
                Arguments.of(
                        "given rankings without the host, then gaps",
                        List.of("0: H=1", "2: A=1", "4: A=1", "6: H=4"),
                        "[1.0, NaN, NaN, 4.0]"),
                Arguments.of(
                        "given a host that returns after a full ring, then no stale value from long ago shows",
                        List.of("0: H=1", "2: H=2", "4: A=1", "6: A=1", "8: A=1", "10: A=1", "12: H=9"),
                        "[NaN, NaN, NaN, NaN, 9.0]"),
                Arguments.of(
                        "given a pause longer than the horizon, then the points before it are out",
                        List.of("0: H=1", "2: H=2", "60: H=3"),
                        "[3.0]"),
                Arguments.of(
                        "given a ranking older than the newest, then it is ignored",
                        List.of("4: H=1", "0: H=7", "6: H=2"),
                        "[1.0, 2.0]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void givenRankings_whenTheHostsHistoryIsRead_thenItHoldsTheExpectedPoints(
            String name, List<String> rankings, String expected) {
        FleetHistory history = new FleetHistory(10_000, 5);
        for (String ranking : rankings) {
            feed(history, ranking);
        }

        FleetHistory.HostHistory kept = history.of("H");

        List<Float> scores = new ArrayList<>();
        for (float score : kept.scores()) {
            scores.add(score);
        }
        assertThat(scores).hasToString(expected);
        assertThat(kept.times()).hasSameSizeAs(kept.scores());
    }

    @Test
    void givenAHostGoneForAFullRing_whenTheRingWrapsAgain_thenItIsDropped() {
        FleetHistory history = new FleetHistory(10_000, 5);
        feed(history, "0: H=1 A=1");
        for (int second = 2; second <= 20; second += 2) {
            feed(history, second + ": A=1");
        }

        assertThat(history.has("H")).isFalse();
        assertThat(history.has("A")).isTrue();
        assertThat(history.of("H")).isNull();
    }

    @Test
    void givenAverages_whenTheHostsHistoryIsRead_thenEachTopicHasItsPointsAndTheSparklineTheLastScores() {
        FleetHistory history = new FleetHistory(10_000, 5);
        history.begin(0);
        history.put("H", 10, Map.of("cpuLoad", 50.0));
        history.begin(2_000);
        history.put("H", 20, Map.of("cpuLoad", 60.0, "memLoad", 70.0));

        FleetHistory.HostHistory kept = history.of("H");

        assertThat(history.topics()).containsExactlyInAnyOrder("cpuLoad", "memLoad");
        assertThat(kept.times()).containsExactly(0, 2_000);
        assertThat(kept.averages().get("cpuLoad")).containsExactly(50f, 60f);
        assertThat(kept.averages().get("memLoad")[0]).isNaN();
        assertThat(kept.averages().get("memLoad")[1]).isEqualTo(70f);
        assertThat(history.recentScores("H", 1)).containsExactly(20f);
    }

    @Test
    void givenAveragesInTheRankingsTopicOrder_whenPutByColumn_thenEachTopicHasItsValuesAndNaNIsAGap() {
        FleetHistory history = new FleetHistory(10_000, 5);
        history.begin(0);
        int[] columns = history.columns(List.of("cpuLoad", "memLoad"));
        history.put("H", 10, columns, new double[] {50, Double.NaN});
        history.begin(2_000);
        history.put("H", 20, columns, new double[] {60, 70});

        FleetHistory.HostHistory kept = history.of("H");

        assertThat(history.topics()).containsExactly("cpuLoad", "memLoad");
        assertThat(kept.averages().get("cpuLoad")).containsExactly(50f, 60f);
        assertThat(kept.averages().get("memLoad")[0]).isNaN();
        assertThat(kept.averages().get("memLoad")[1]).isEqualTo(70f);
        assertThat(kept.scores()).containsExactly(10f, 20f);
    }

    /** {@code "second: H=5 A=1"} */
    private static void feed(FleetHistory history, String ranking) {
        String[] parts = ranking.split(":");
        if (!history.begin(Long.parseLong(parts[0].trim()) * 1000)) {
            return;
        }
        for (String entry : parts[1].trim().split("\\s+")) {
            String[] hostValue = entry.split("=");
            history.put(hostValue[0], Double.parseDouble(hostValue[1]), Map.of());
        }
    }
}
