package io.loadrank.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.ranking.IngestStats;
import io.loadrank.ranking.TopicRanking;
import io.loadrank.window.HostAverage;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RankingTextTest {

    private static final long T0 = 1_763_800_000_000L;

    @ParameterizedTest(name = "[{index}] covered {0} ms -> {1}")
    @CsvSource(
            delimiter = ';',
            value = {
                "60000 ; [[cass-eu-1|55|60], [cass-uk-1|37|60], [cass-fi-1|26|60]]",
                "12400 ; [[cass-eu-1|55|12], [cass-uk-1|37|12], [cass-fi-1|26|12]]",
                "12500 ; [[cass-eu-1|55|13], [cass-uk-1|37|13], [cass-fi-1|26|13]]",
            })
    void givenATopicRanking_whenFormatted_thenItIsTheOriginalTextFormat(long covered, String expected) {
        ArrayList<HostAverage> ranked = new ArrayList<>(List.of(
                new HostAverage("cass-eu-1", 55.4, 60, T0),
                new HostAverage("cass-uk-1", 36.5, 60, T0),
                new HostAverage("cass-fi-1", 26.0, 60, T0)));

        String text = RankingText.topic(new TopicRanking("cpuLoad", ranked, covered, IngestStats.empty(), T0, T0));

        assertThat(text).isEqualTo(expected + "\n");
    }

    @Test
    void givenARankingLongerThanOnePieceOfText_whenWrittenToAWriter_thenTheWholeTextArrivesInOrder() throws Exception {
        ArrayList<HostAverage> ranked = new ArrayList<>();
        StringBuilder expected = new StringBuilder("[");
        for (int i = 0; i < 20_000; i++) {
            ranked.add(new HostAverage("cass-" + i + ".example.org", 20_000 - i, 60, T0));
            expected.append(i == 0 ? "" : ", ")
                    .append("[cass-")
                    .append(i)
                    .append(".example.org|")
                    .append(20_000 - i)
                    .append("|60]");
        }
        StringWriter out = new StringWriter();

        RankingText.writeTopic(new TopicRanking("cpuLoad", ranked, 60_000, IngestStats.empty(), T0, T0), out);

        assertThat(out.toString())
                .hasSizeGreaterThan(4 * 65_536)
                .isEqualTo(expected.append("]\n").toString());
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} hosts: {1} decimals")
    @org.junit.jupiter.params.provider.CsvSource({"3, 0", "100, 0", "101, 3", "1000, 3", "12000, 5", "100000, 5"})
    void givenManyHostsSharingTheLoad_whenTheScoresAreWritten_thenEachShowsAboutThreeDigitsOfTheMean(
            int hosts, int decimals) {
        assertThat(RankingText.scoreDecimals(hosts, 100)).isEqualTo(decimals);
    }

    @Test
    void givenTwelveThousandEqualHosts_whenTheGlobalTextIsWritten_thenNoScoreReadsZero() {
        java.util.ArrayList<io.loadrank.scoring.HostScore> ranked = new java.util.ArrayList<>();
        for (int i = 0; i < 12_000; i++) {
            ranked.add(new io.loadrank.scoring.HostScore(
                    "h" + i, 100.0 / 12_000, new double[] {100.0 / 12_000}, new double[] {1}, false, 0));
        }
        io.loadrank.scoring.GlobalRanking ranking = new io.loadrank.scoring.GlobalRanking(
                new java.util.ArrayList<>(List.of("cpuLoad")),
                new double[] {1},
                new long[] {60_000},
                ranked,
                new java.util.ArrayList<>(),
                0,
                0);

        String text = RankingText.global(ranking);

        assertThat(text)
                .startsWith("{h0=0.00833, h1=0.00833, ")
                .doesNotContain("=0,")
                .doesNotContain("=0}");
    }
}
