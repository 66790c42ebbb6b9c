package io.loadrank.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.window.HostAverage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RankingOrderTest {

    private static final long T0 = 1_763_800_000_000L;

    private static HostAverage host(String name, double average) {
        return new HostAverage(name, average, 1, T0);
    }

    /** The reference: a plain sort with the comparator that defines the order. */
    private static List<HostAverage> plainlySorted(List<HostAverage> hosts) {
        List<HostAverage> sorted = new ArrayList<>(hosts);
        sorted.sort(RankingOrder.BY_AVERAGE);
        return sorted;
    }

    @Test
    void givenAFewHosts_whenSorted_thenHighestAverageFirstAndTiesByHostName() {
        List<HostAverage> hosts = new ArrayList<>(List.of(host("b", 10), host("c", 20), host("a", 10), host("d", 0)));

        RankingOrder.sortByAverage(hosts);

        assertThat(hosts).extracting(HostAverage::host).containsExactly("c", "a", "b", "d");
    }

    @ParameterizedTest(name = "[{index}] {0} hosts, averages from {1} distinct values, {2} apart in the last bits")
    @CsvSource({
        // big fleets take the pre-sort; few distinct values make ties, tiny steps make averages
        // that differ only below the bits the pre-sort looks at
        "2048,   1000000, 0",
        "5000,   7,       0",
        "100000, 100000,  0",
        "100000, 50,      1",
        "131073, 1000,    3",
    })
    void givenALargeFleet_whenSorted_thenTheOrderIsExactlyThatOfThePlainSort(int size, int distinct, int ulpSteps) {
        Random random = new Random(size * 31L + distinct);
        List<HostAverage> hosts = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            double average = random.nextInt(distinct) * 0.37;
            for (int step = random.nextInt(ulpSteps + 1); step > 0; step--) {
                average = Math.nextUp(average);
            }
            hosts.add(host("cass-" + random.nextInt(size) + "-" + i, average));
        }
        Collections.shuffle(hosts, random);
        List<HostAverage> expected = plainlySorted(hosts);

        RankingOrder.sortByAverage(hosts);

        assertThat(hosts).isEqualTo(expected);
    }

    @Test
    void givenNegativeZeroAndZero_whenSorted_thenTheyKeepThePlainSortsOrder() {
        List<HostAverage> hosts = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            hosts.add(host("h" + i, i % 3 == 0 ? -0.0 : i % 3 == 1 ? 0.0 : 1.0));
        }
        List<HostAverage> expected = plainlySorted(hosts);

        RankingOrder.sortByAverage(hosts);

        assertThat(hosts).isEqualTo(expected);
    }

    @Test
    void givenAnAverageThatIsNotFiniteAndNonNegative_whenSorted_thenThePlainSortOrdersAll() {
        List<HostAverage> hosts = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            hosts.add(host("h" + i, i));
        }
        hosts.set(1_500, host("odd", Double.NaN));
        hosts.set(1_600, host("minus", -1));
        hosts.set(1_700, host("infinite", Double.POSITIVE_INFINITY));
        List<HostAverage> expected = plainlySorted(hosts);

        RankingOrder.sortByAverage(hosts);

        assertThat(hosts).isEqualTo(expected);
        assertThat(hosts.get(0).host()).isEqualTo("odd"); // Double.compare puts NaN above everything
    }
}
