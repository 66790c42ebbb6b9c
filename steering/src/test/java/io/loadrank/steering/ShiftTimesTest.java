package io.loadrank.steering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShiftTimesTest {

    /**
     * Seconds of node 3's share among 100 answers per second, "-" a second without answers; the other
     * answers split between nodes 1 and 2.
     */
    private static List<long[]> hotShares(String shares) {
        List<long[]> seconds = new ArrayList<>();
        for (String share : shares.split(" ")) {
            if (share.equals("-")) {
                seconds.add(new long[3]);
            } else {
                long hot = Long.parseLong(share);
                seconds.add(new long[] {(100 - hot) / 2, 100 - hot - (100 - hot) / 2, hot});
            }
        }
        return seconds;
    }

    @ParameterizedTest(name = "given node 3''s shares {0}, when timed off from second {1}, then {2}")
    @CsvSource({
        // shares per second (%), from, seconds until off (-1: never)
        "33 33 4 4 4 4,            0, 2",
        "33 33 33 2 1 0,           0, 3",
        "4 4 4 33 33 33,           0, 0",
        "4 33 4 33 4 4 4,          0, 4", // one second back on the node restarts the count
        "4 4 33 33 33 33,          0, -1", // never three in a row
        "33 - 4 - 4 4 33,          0, 2", // seconds without answers are skipped, not counted against
        "33 33 33 33 1 1 1,        3, 1",
        "33 33 5 5 5,              0, -1", // 5 % is not below 5 %
    })
    void off(String shares, int from, int expected) {
        List<long[]> series = hotShares(shares);

        OptionalInt seconds = ShiftTimes.off(series, 3, from, series.size());

        assertThat(seconds).isEqualTo(expected < 0 ? OptionalInt.empty() : OptionalInt.of(expected));
    }

    @ParameterizedTest(name = "given node 3''s shares {0}, when timed back from second {1}, then {2}")
    @CsvSource({
        // even share 33 %; back at >= 16.7 %
        "0 0 0 0 20 30 33,       2, 2",
        "0 0 17 17 17,           0, 2",
        "0 0 16 16 16 16,        0, -1",
        "0 40 0 40 40 40,        0, 3",
    })
    void back(String shares, int from, int expected) {
        List<long[]> series = hotShares(shares);

        OptionalInt seconds = ShiftTimes.back(series, 3, from, series.size());

        assertThat(seconds).isEqualTo(expected < 0 ? OptionalInt.empty() : OptionalInt.of(expected));
    }

    @Test
    void givenAnS5PhaseWhoseCutMovesAfter4Seconds_whenTabled_thenOffTimesOfBothNodesAndTheBackTimeOfTheFirst() {
        List<String> lines = new ArrayList<>();
        lines.add("scenario,policy,run,second,node1,node2,node3,other,p99_ms");
        // seconds 0-3: node 3 hot, off from second 1; seconds 4-7: node 1 hot, off from second 5; node 3
        // back from second 6
        long[][] perSecond = {
            {30, 30, 40},
            {50, 50, 0},
            {50, 50, 0},
            {50, 50, 0},
            {40, 60, 0},
            {0, 100, 0},
            {0, 60, 40},
            {0, 50, 50},
            {0, 50, 50}
        };
        for (int s = 0; s < perSecond.length; s++) {
            lines.add("S5,loadrank,1," + s + "," + perSecond[s][0] + "," + perSecond[s][1] + "," + perSecond[s][2]
                    + ",0,12.5");
        }
        lines.add("S1,loadrank,1,0,50,50,0,0,3.0");

        String table = ShiftTimes.markdown(ShiftTimes.read(lines, 3), 3, 3, 4);

        assertThat(table)
                .contains("| S5 | loadrank | 1 | 1 (2 of 2) | 2 (1 of 1) |")
                .contains("| S1 | loadrank | 1 | never (0 of 1) | – |");
    }
}
