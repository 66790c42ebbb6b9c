package io.loadrank.balancer.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.slice.Slice;
import io.loadrank.slice.SliceHost;
import io.loadrank.slice.SliceRanking;
import io.loadrank.slice.SliceStaleHost;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoadSnapshotsTest {

    private static final Slice NORTH = new Slice("c1", "north");

    static SliceHost host(String name, double score, boolean incomplete, String hostId, String address) {
        return new SliceHost(name, 1, score, 1, 0, Double.NaN, incomplete, hostId, address, "r1", new double[0], 0);
    }

    static SliceRanking ranking(List<SliceHost> hosts, List<SliceStaleHost> stale) {
        return new SliceRanking(NORTH, 1000, 60, 2, List.of(), new double[0], hosts, stale, 0);
    }

    @Test
    void givenASliceRanking_whenTaken_thenEveryHostWithItsSliceScoreFlagsAndLowerCaseIdThenTheStaleOnes() {
        SliceRanking ranking = ranking(
                List.of(
                        host("cass-1", 60, false, "6A0E1C2E-0000-4000-8000-000000000001", "10.1.2.3"),
                        host("cass-2", 40, true, null, null)),
                List.of(new SliceStaleHost("cass-3", 900, null, "10.1.2.9", "r2")));

        LoadSnapshot snapshot = LoadSnapshots.of(ranking);

        assertThat(snapshot.slice()).isEqualTo(NORTH);
        assertThat(snapshot.rankedAtMillis()).isEqualTo(1000);
        assertThat(snapshot.hosts())
                .containsExactly(
                        new HostLoad(
                                "cass-1", "10.1.2.3", "r1", "6a0e1c2e-0000-4000-8000-000000000001", 60, false, false),
                        new HostLoad("cass-2", null, "r1", null, 40, false, true),
                        new HostLoad("cass-3", "10.1.2.9", "r2", null, Double.NaN, true, false));
    }

    @ParameterizedTest(name = "given a score of {0}, when checked, then the part is unusable")
    @ValueSource(doubles = {-1, Double.NaN, Double.POSITIVE_INFINITY})
    void givenAScoreThatIsNoShare_whenChecked_thenThePartIsUnusableNamingTheHost(double score) {
        SliceRanking part =
                ranking(List.of(host("a", 50, false, null, null), host("b", score, false, null, null)), List.of());

        assertThat(LoadSnapshots.unusable(part)).contains("hosts[1] (b)");
    }

    @Test
    void givenScoresThatAreShares_whenChecked_thenUsable() {
        SliceRanking part =
                ranking(List.of(host("a", 100, false, null, null), host("b", 0, false, null, null)), List.of());

        assertThat(LoadSnapshots.unusable(part)).isNull();
    }
}
