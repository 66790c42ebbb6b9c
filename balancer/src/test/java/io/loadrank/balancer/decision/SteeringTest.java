package io.loadrank.balancer.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.balancer.ranking.LoadSnapshot;
import io.loadrank.slice.Slice;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SteeringTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final Steering steering = new Steering(BalancerSettings.defaults(), now::get);

    @Test
    void givenNoRanking_whenDecided_thenNothingDemoted() {
        Decision decision = steering.decide(Rankings.DC, Rankings.nodes(2));

        assertThat(decision.demoted()).isEmpty();
        assertThat(decision.basis()).isEqualTo(Decision.Basis.NO_RANKING);
        assertThat(steering.counts().rankingAgeMillis()).isEqualTo(-1);
    }

    @ParameterizedTest(name = "given a ranking {0} ms old (max-age 10 s), when decided, then demoted: {1}")
    @CsvSource({"0, true", "9999, true", "10000, true", "10001, false", "600000, false", "-5000, true"})
    void expiry(long ageMillis, boolean demoted) {
        steering.accept(Rankings.of(now.get() - ageMillis, 80, 20));

        Decision decision = steering.decide(Rankings.DC, Rankings.nodes(2));

        assertThat(!decision.demoted().isEmpty()).isEqualTo(demoted);
        assertThat(decision.basis()).isEqualTo(demoted ? Decision.Basis.FRESH : Decision.Basis.EXPIRED);
    }

    @Test
    void givenAHotNode_whenTheRankingExpires_thenItIsRestoredAndCounted() {
        steering.accept(Rankings.of(now.get(), 80, 20));
        Decision first = steering.decide(Rankings.DC, Rankings.nodes(2));
        now.addAndGet(10_001);

        Decision later = steering.decide(Rankings.DC, Rankings.nodes(2));

        assertThat(first.newlyDemoted()).containsExactly(Rankings.node("h1"));
        assertThat(later.restored()).containsExactly(Rankings.node("h1"));
        assertThat(later.demoted()).isEmpty();
        assertThat(steering.counts().demotions()).isEqualTo(1);
        assertThat(steering.counts().restorations()).isEqualTo(1);
        assertThat(steering.counts().rankingAgeMillis()).isEqualTo(10_001);
    }

    @Test
    void givenTheSameHotNodeTwice_whenDecided_thenOneDemotionAndNoChangeTheSecondTime() {
        steering.accept(Rankings.of(now.get(), 80, 20));
        steering.decide(Rankings.DC, Rankings.nodes(2));
        steering.accept(Rankings.of(now.get() + 2000, 79, 21));

        Decision second = steering.decide(Rankings.DC, Rankings.nodes(2));

        assertThat(second.changed()).isFalse();
        assertThat(second.demoted()).containsExactly(Rankings.node("h1"));
        assertThat(steering.counts().demotions()).isEqualTo(1);
    }

    @ParameterizedTest(name = "given {0} nodes all ranked with {1} hot, when decided, then {2} demoted, hottest first")
    @CsvSource({
        // nodes, dcScores, demoted
        "2, 80 20,             h1",
        "3, 60 10 30,          h1",
        "6, 30 30 5 5 25 5,    h1 h2",
        "6, 25 30 5 5 30 5,    h2 h5",
        "9, 20 20 20 20 4 4 4 4 4, h1 h2 h3",
    })
    void cap(int nodes, String scores, String expected) {
        steering.accept(Rankings.of(now.get(), parse(scores)));

        Decision decision = steering.decide(Rankings.DC, Rankings.nodes(nodes));

        assertThat(decision.demoted()).extracting(n -> n.addresses().get(0)).containsExactly(expected.split(" "));
    }

    @Test
    void givenMoreDriverNodesThanRankedHosts_whenCapped_thenTheDriverCountDecides() {
        // three ranked hosts (cap 1 of 3), two of them hot at hot-ratio 1.2; the datacenter has six nodes: cap 2
        Steering lowRatio = new Steering(
                new BalancerSettings(Duration.ofSeconds(10), 1.2, 1.1, Duration.ofSeconds(10), 0.34), now::get);
        lowRatio.accept(Rankings.of(now.get(), 45, 44, 11));

        Decision decision = lowRatio.decide(Rankings.DC, Rankings.nodes(6));

        assertThat(decision.demoted()).containsExactly(Rankings.node("h1"), Rankings.node("h2"));
    }

    @Test
    void givenAHotHostMissingFromTheDriverNodes_whenDecided_thenNothingDemotedForIt() {
        steering.accept(Rankings.of(now.get(), 80, 20));

        Decision decision = steering.decide(Rankings.DC, List.of(Rankings.node("h2"), Rankings.node("h3")));

        assertThat(decision.demoted()).isEmpty();
    }

    @Test
    void givenANodeMissingFromTheRanking_whenDecided_thenItIsNotDemoted() {
        steering.accept(Rankings.of(now.get(), 50, 50));

        Decision decision = steering.decide(Rankings.DC, Rankings.nodes(3));

        assertThat(decision.demoted()).isEmpty();
    }

    @Test
    void givenStaleOrIncompleteHotHosts_whenDecided_thenNotDemoted() {
        steering.accept(new LoadSnapshot(
                Rankings.SLICE,
                now.get(),
                List.of(
                        Rankings.host("h1", 80, false, true),
                        Rankings.host("h2", 10, false, false),
                        Rankings.host("h3", 10, false, false))));

        assertThat(steering.decide(Rankings.DC, Rankings.nodes(3)).demoted()).isEmpty();
    }

    @Test
    void givenARankingOfAnotherDatacentersSlice_whenDecidedForTheLocalOne_thenNotDemoted() {
        steering.accept(new LoadSnapshot(
                new Slice("c1", "remote"),
                now.get(),
                List.of(Rankings.host("h1", 80, false, false), Rankings.host("h2", 20, false, false))));

        assertThat(steering.decide(Rankings.DC, Rankings.nodes(2)).demoted()).isEmpty();
    }

    @Test
    void givenAnOlderRankingAfterANewerOne_whenAccepted_thenIgnoredAndCounted() {
        steering.accept(Rankings.of(now.get(), 50, 50));

        boolean accepted = steering.accept(Rankings.of(now.get() - 2000, 80, 20));

        assertThat(accepted).isFalse();
        assertThat(steering.decide(Rankings.DC, Rankings.nodes(2)).demoted()).isEmpty();
        assertThat(steering.counts().outOfOrder()).isEqualTo(1);
        assertThat(steering.counts().rankings()).isEqualTo(1);
    }

    @Test
    void givenAHotNode_whenItsSliceLeaves_thenItIsRestoredAndNothingIsDemotedUntilARankingComesAgain() {
        steering.accept(Rankings.of(now.get(), 80, 20));
        steering.decide(Rankings.DC, Rankings.nodes(2));

        steering.sliceLeft();
        Decision afterLeaving = steering.decide(Rankings.DC, Rankings.nodes(2));
        boolean acceptedOlder = steering.accept(Rankings.of(now.get() - 1000, 80, 20));

        assertThat(afterLeaving.demoted()).isEmpty();
        assertThat(afterLeaving.restored()).containsExactly(Rankings.node("h1"));
        assertThat(afterLeaving.basis()).isEqualTo(Decision.Basis.SLICE_LEFT);
        assertThat(acceptedOlder)
                .as("a ranking after the slice came back, whatever its time")
                .isTrue();
        assertThat(steering.decide(Rankings.DC, Rankings.nodes(2)).demoted()).containsExactly(Rankings.node("h1"));
    }

    @Test
    void givenNoLocalDatacenter_whenDecided_thenNothingDemoted() {
        steering.accept(Rankings.of(now.get(), 80, 20));

        assertThat(steering.decide(null, Rankings.nodes(2)).demoted()).isEmpty();
    }

    private static double[] parse(String scores) {
        String[] parts = scores.trim().split("\\s+");
        double[] values = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = Double.parseDouble(parts[i]);
        }
        return values;
    }
}
