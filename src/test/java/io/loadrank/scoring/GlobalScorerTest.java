package io.loadrank.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.loadrank.output.RankingText;
import io.loadrank.ranking.IngestStats;
import io.loadrank.ranking.TopicRanking;
import io.loadrank.window.HostAverage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobalScorerTest {

    private static final long NOW = 1_763_800_000_000L;
    private static final long STALE_AFTER = 10_000;

    private static TopicRanking topic(String name, Object... hostValuePairs) {
        ArrayList<HostAverage> ranked = new ArrayList<>();
        for (int i = 0; i < hostValuePairs.length; i += 2) {
            ranked.add(new HostAverage(
                    (String) hostValuePairs[i], ((Number) hostValuePairs[i + 1]).doubleValue(), 60, NOW));
        }
        return new TopicRanking(name, ranked, 60_000, IngestStats.empty(), NOW, NOW);
    }

    private static Map<String, TopicRanking> latest(TopicRanking... rankings) {
        Map<String, TopicRanking> map = new HashMap<>();
        for (TopicRanking ranking : rankings) {
            map.put(ranking.topic(), ranking);
        }
        return map;
    }

    private static final List<String> WORKED_TOPICS = List.of("cpuLoad", "memLoad", "latency");

    private static Map<String, TopicRanking> workedExample() {
        return latest(
                topic("cpuLoad", "A", 20, "B", 10, "C", 20),
                topic("memLoad", "A", 30, "B", 20, "C", 50),
                topic("latency", "A", 20, "B", 20, "C", 20));
    }

    @Test
    void givenTheWorkedExampleOfTheSpec_whenScored_thenTheRankingIsC41A34B24() {
        GlobalScorer scorer = new GlobalScorer(WORKED_TOPICS, new double[] {1, 1, 1}, STALE_AFTER);

        GlobalRanking ranking = scorer.score(workedExample(), NOW);

        assertThat(RankingText.global(ranking)).isEqualTo("{C=41, A=34, B=24}\n");
        assertThat(ranking.ranked()).extracting(HostScore::host).containsExactly("C", "A", "B");
        assertThat(ranking.ranked().get(0).score()).isCloseTo((40 + 50 + 100 / 3.0) / 3, within(1e-9));
        assertThat(ranking.ranked().get(1).shares()).containsExactly(new double[] {40, 30, 100 / 3.0}, within(1e-9));
        assertThat(ranking.ranked()).noneMatch(HostScore::incomplete);
    }

    @ParameterizedTest(name = "[{index}] weights cpu={0} mem={1} latency={2} -> A {3}, B {4}, C {5}")
    @CsvSource({
        "1, 1, 1, 34.444444, 24.444444, 41.111111",
        "1, 0, 0, 40, 20, 40",
        "0, 1, 0, 30, 20, 50",
        "2, 1, 1, 35.833333, 23.333333, 40.833333",
        "0.5, 0.5, 0, 35, 20, 45",
    })
    void givenWeights_whenScored_thenScoresAreTheWeightedMeanOfShares(
            double cpu, double mem, double latency, double a, double b, double c) {
        GlobalScorer scorer = new GlobalScorer(WORKED_TOPICS, new double[] {cpu, mem, latency}, STALE_AFTER);

        GlobalRanking ranking = scorer.score(workedExample(), NOW);

        Map<String, Double> scores = new HashMap<>();
        ranking.ranked().forEach(score -> scores.put(score.host(), score.score()));
        assertThat(scores.get("A")).isCloseTo(a, within(1e-5));
        assertThat(scores.get("B")).isCloseTo(b, within(1e-5));
        assertThat(scores.get("C")).isCloseTo(c, within(1e-5));
    }

    @Test
    void givenAHostMissingFromATopic_whenScored_thenItHasShareZeroThereAndIsIncomplete() {
        GlobalScorer scorer = new GlobalScorer(List.of("cpuLoad", "memLoad"), new double[] {1, 1}, STALE_AFTER);

        GlobalRanking ranking =
                scorer.score(latest(topic("cpuLoad", "A", 30, "B", 10), topic("memLoad", "A", 50)), NOW);

        HostScore b = ranking.ranked().stream()
                .filter(s -> s.host().equals("B"))
                .findFirst()
                .orElseThrow();
        assertThat(b.incomplete()).isTrue();
        assertThat(b.shares()).containsExactly(25, 0);
        assertThat(Double.isNaN(b.averages()[1])).isTrue();
        assertThat(b.score()).isEqualTo(12.5);
        assertThat(ranking.ranked().get(0).host()).isEqualTo("A");
        assertThat(ranking.ranked().get(0).score()).isEqualTo(87.5);
    }

    @Test
    void givenATopicWhereEveryValueIsZero_whenScored_thenSharesAreZeroNotNaN() {
        GlobalScorer scorer = new GlobalScorer(List.of("pendingTasks"), new double[] {1}, STALE_AFTER);

        GlobalRanking ranking = scorer.score(latest(topic("pendingTasks", "A", 0, "B", 0)), NOW);

        assertThat(ranking.ranked()).extracting(HostScore::score).containsExactly(0.0, 0.0);
        assertThat(ranking.ranked()).extracting(HostScore::host).containsExactly("A", "B");
    }

    @Test
    void givenAHostSilentForLongerThanStaleAfter_whenScored_thenItIsListedStaleAndLeftOutOfTheShares() {
        GlobalScorer scorer = new GlobalScorer(List.of("cpuLoad"), new double[] {1}, STALE_AFTER);
        ArrayList<HostAverage> ranked = new ArrayList<>(List.of(
                new HostAverage("A", 30, 60, NOW),
                new HostAverage("D", 90, 50, NOW - STALE_AFTER - 1),
                new HostAverage("B", 10, 60, NOW - STALE_AFTER)));

        GlobalRanking ranking = scorer.score(
                Map.of("cpuLoad", new TopicRanking("cpuLoad", ranked, 60_000, IngestStats.empty(), NOW, NOW)), NOW);

        assertThat(ranking.stale()).containsExactly(new HostLastSeen("D", NOW - STALE_AFTER - 1));
        assertThat(ranking.ranked()).extracting(HostScore::host).containsExactly("A", "B");
        assertThat(ranking.ranked()).extracting(HostScore::score).containsExactly(75.0, 25.0);
        assertThat(RankingText.global(ranking)).isEqualTo("{A=75, B=25}\nSTALE: {D=lastSeen 2025-11-22T08:26:29Z}\n");
    }

    @Test
    void givenAHostSeenRecentlyInAnyTopic_whenScored_thenItIsNotStale() {
        GlobalScorer scorer = new GlobalScorer(List.of("cpuLoad", "memLoad"), new double[] {1, 1}, STALE_AFTER);
        ArrayList<HostAverage> cpu = new ArrayList<>(List.of(new HostAverage("A", 30, 60, NOW - 50_000)));
        ArrayList<HostAverage> mem = new ArrayList<>(List.of(new HostAverage("A", 30, 60, NOW - 1_000)));

        GlobalRanking ranking = scorer.score(
                Map.of(
                        "cpuLoad", new TopicRanking("cpuLoad", cpu, 60_000, IngestStats.empty(), NOW, NOW),
                        "memLoad", new TopicRanking("memLoad", mem, 60_000, IngestStats.empty(), NOW, NOW)),
                NOW);

        assertThat(ranking.stale()).isEmpty();
        assertThat(ranking.ranked())
                .singleElement()
                .extracting(HostScore::lastSeenMillis)
                .isEqualTo(NOW - 1_000);
    }

    @Test
    void givenEqualScores_whenRanked_thenTiesAreOrderedByHostName() {
        GlobalScorer scorer = new GlobalScorer(List.of("cpuLoad"), new double[] {1}, STALE_AFTER);

        GlobalRanking ranking = scorer.score(latest(topic("cpuLoad", "zeta", 5, "alpha", 5, "mid", 5)), NOW);

        assertThat(ranking.ranked()).extracting(HostScore::host).containsExactly("alpha", "mid", "zeta");
    }

    @Test
    void givenALargeFleetWithManyEqualScores_whenRanked_thenHighestScoreFirstAndTiesByHostName() {
        GlobalScorer scorer = new GlobalScorer(List.of("cpuLoad", "memLoad"), new double[] {1, 1}, STALE_AFTER);
        java.util.Random random = new java.util.Random(7);
        Object[] cpu = new Object[2 * 5_000];
        Object[] mem = new Object[2 * 5_000];
        for (int i = 0; i < 5_000; i++) {
            cpu[2 * i] = mem[2 * i] = "host-" + random.nextInt(1_000_000);
            cpu[2 * i + 1] = random.nextInt(20);
            mem[2 * i + 1] = random.nextInt(20);
        }

        GlobalRanking ranking = scorer.score(latest(topic("cpuLoad", cpu), topic("memLoad", mem)), NOW);

        assertThat(ranking.ranked()).hasSizeGreaterThan(4_900).isSortedAccordingTo((a, b) -> {
            int byScore = Double.compare(b.score(), a.score());
            return byScore != 0 ? byScore : a.host().compareTo(b.host());
        });
    }

    @Test
    void givenNoRankingYetForATopic_whenScored_thenEveryHostIsIncomplete() {
        GlobalScorer scorer = new GlobalScorer(List.of("cpuLoad", "memLoad"), new double[] {1, 1}, STALE_AFTER);

        GlobalRanking ranking = scorer.score(latest(topic("cpuLoad", "A", 5)), NOW);

        assertThat(ranking.ranked()).singleElement().satisfies(score -> {
            assertThat(score.incomplete()).isTrue();
            assertThat(score.score()).isEqualTo(50.0);
        });
        assertThat(ranking.coveredMillis()).containsExactly(60_000, 0);
    }

    @Test
    void givenBadWeights_whenCreated_thenTheScorerRefusesThem() {
        assertThatThrownBy(() -> new GlobalScorer(List.of("a"), new double[] {0}, 1))
                .hasMessageContaining("above 0");
        assertThatThrownBy(() -> new GlobalScorer(List.of("a"), new double[] {-1}, 1))
                .hasMessageContaining(">= 0");
        assertThatThrownBy(() -> new GlobalScorer(List.of("a", "b"), new double[] {1}, 1))
                .hasMessageContaining("one weight per topic");
    }

    /** Everything a ranking says, as text to compare: fleet, stale, datacenters, per-host fields. */
    private static String described(GlobalRanking ranking) {
        StringBuilder out = new StringBuilder(RankingText.global(ranking));
        for (HostScore host : ranking.ranked()) {
            out.append(host.host())
                    .append(' ')
                    .append(host.score())
                    .append(java.util.Arrays.toString(host.shares()))
                    .append(java.util.Arrays.toString(host.averages()))
                    .append(host.incomplete())
                    .append(host.lastSeenMillis())
                    .append(host.datacenter())
                    .append(host.dcRank())
                    .append(host.dcScore())
                    .append(java.util.Arrays.toString(host.dcShares()))
                    .append(host.load())
                    .append('\n');
        }
        ranking.stale().forEach(host -> out.append("stale ").append(host).append('\n'));
        ranking.slices()
                .forEach(dc -> out.append("slice ")
                        .append(dc.slice())
                        .append(dc.ranked().stream().map(HostScore::host).toList())
                        .append(dc.stale().stream().map(HostLastSeen::host).toList())
                        .append('\n'));
        return out.toString();
    }

    @Test
    void givenOneScorerForSuccessiveEmits_whenHostsComeGoAndMove_thenEachRankingIsWhatAFreshScorerGives() {
        Map<String, io.loadrank.hostinfo.HostInfo> north = Map.of(
                "A", new io.loadrank.hostinfo.HostInfo("A", "north", "r1", null, null, null),
                "C", new io.loadrank.hostinfo.HostInfo("C", "north", "r1", null, null, null));
        Map<String, io.loadrank.hostinfo.HostInfo> moved = Map.of(
                "A", new io.loadrank.hostinfo.HostInfo("A", "south", "r1", null, null, null),
                "D", new io.loadrank.hostinfo.HostInfo("D", "north", "r2", null, null, null));
        List<String> topics = List.of("cpuLoad", "memLoad");
        // emits in order: the same hosts, one gone from a topic, a new one, one silent (stale), host info moving
        List<Map<String, TopicRanking>> emits = List.of(
                latest(topic("cpuLoad", "A", 20, "B", 10, "C", 20), topic("memLoad", "A", 30, "B", 20, "C", 50)),
                latest(topic("cpuLoad", "A", 25, "C", 20), topic("memLoad", "A", 30, "B", 20, "C", 50)),
                latest(topic("cpuLoad", "A", 25, "D", 5), topic("memLoad", "D", 1)),
                latest(topic("cpuLoad", "A", 3, "B", 7)),
                latest(topic("cpuLoad", "A", 20, "B", 10, "C", 20), topic("memLoad", "A", 30, "B", 20, "C", 50)));
        List<Map<String, io.loadrank.hostinfo.HostInfo>> infos = List.of(north, north, moved, Map.of(), north);
        List<Long> times = List.of(NOW, NOW + 2_000, NOW + 4_000, NOW + STALE_AFTER + 1, NOW + 8_000);
        GlobalScorer kept = new GlobalScorer(topics, new double[] {1, 2}, STALE_AFTER);
        List<GlobalRanking> earlier = new ArrayList<>();
        List<String> earlierText = new ArrayList<>();

        for (int i = 0; i < emits.size(); i++) {
            GlobalRanking fromKept = kept.score(emits.get(i), times.get(i), infos.get(i));
            GlobalRanking fromFresh = new GlobalScorer(topics, new double[] {1, 2}, STALE_AFTER)
                    .score(emits.get(i), times.get(i), infos.get(i));

            assertThat(described(fromKept)).as("emit %d", i).isEqualTo(described(fromFresh));
            earlier.add(fromKept);
            earlierText.add(described(fromKept));
        }
        // and no later call changed a ranking already handed out (its files may still be written)
        for (int i = 0; i < earlier.size(); i++) {
            assertThat(described(earlier.get(i))).as("emit %d afterwards", i).isEqualTo(earlierText.get(i));
        }
    }
}
