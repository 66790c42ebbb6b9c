package io.loadrank.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SampleBatcherTest {

    private static final long T0 = 1_763_800_000_000L;

    @Test
    void givenOneTarget_whenTheBatchFills_thenItLeavesWithTheSamplesInOrderAndTheirAnchors() {
        SampleBatcher<String> batcher = new SampleBatcher<>(1, 3);

        assertThat(batcher.add("A", 1.0, T0, "t1")).isNull();
        assertThat(batcher.add("B", 2.5, T0 + 1, "t2")).isNull();
        SampleBatcher.Ready<String> ready = batcher.add("A", 3.0, T0 + 2, "t3");

        assertThat(ready.target()).isZero();
        assertThat(ready.batch())
                .isEqualTo(new SampleBatch(
                        new String[] {"A", "B", "A"}, new double[] {1.0, 2.5, 3.0}, new long[] {T0, T0 + 1, T0 + 2}));
        assertThat(ready.anchors()).containsExactly("t1", "t2", "t3");
        assertThat(batcher.pending()).isZero();
        assertThat(batcher.drainAll()).isEmpty();
    }

    @Test
    void givenPartialBatches_whenDrained_thenEachLeavesWithArraysOfItsOwnLengthAndTheBatcherIsEmpty() {
        SampleBatcher<String> batcher = new SampleBatcher<>(4, 100);
        List<String> hosts = List.of("cass-eu-1", "cass-eu-2", "cass-uk-1", "cass-fi-1", "cass-us-7");
        for (int i = 0; i < hosts.size(); i++) {
            assertThat(batcher.add(hosts.get(i), i, T0 + i, "t" + i)).isNull();
        }
        assertThat(batcher.pending()).isEqualTo(hosts.size());

        List<SampleBatcher.Ready<String>> drained = batcher.drainAll();

        assertThat(drained).extracting(SampleBatcher.Ready::target).isSorted().doesNotHaveDuplicates();
        assertThat(drained).allSatisfy(ready -> {
            assertThat(ready.batch().hosts()).hasSize(ready.batch().size()).doesNotContainNull();
            assertThat(ready.batch().values()).hasSize(ready.batch().size());
            assertThat(ready.batch().times()).hasSize(ready.batch().size());
            assertThat(ready.anchors()).hasSize(ready.batch().size());
            for (String host : ready.batch().hosts()) {
                assertThat(SampleBatcher.targetOf(host, 4)).isEqualTo(ready.target());
            }
        });
        assertThat(drained.stream().mapToInt(ready -> ready.batch().size()).sum())
                .isEqualTo(hosts.size());
        assertThat(batcher.pending()).isZero();
        assertThat(batcher.drainAll()).isEmpty();
    }

    @Test
    void givenManySamplesOfManyHosts_whenBatched_thenEveryHostAlwaysReachesTheSameTargetAndNothingIsLost() {
        SampleBatcher<Integer> batcher = new SampleBatcher<>(3, 7);
        List<SampleBatcher.Ready<Integer>> out = new ArrayList<>();
        int samples = 0;
        for (int round = 0; round < 10; round++) {
            for (int host = 0; host < 50; host++) {
                SampleBatcher.Ready<Integer> ready = batcher.add("host-" + host, host, T0 + round * 1000L, samples++);
                if (ready != null) {
                    out.add(ready);
                }
            }
        }
        out.addAll(batcher.drainAll());

        Map<String, Integer> targetOfHost = new HashMap<>();
        List<Integer> anchors = new ArrayList<>();
        for (SampleBatcher.Ready<Integer> ready : out) {
            for (String host : ready.batch().hosts()) {
                assertThat(targetOfHost.merge(host, ready.target(), (was, now) -> was))
                        .isEqualTo(ready.target());
            }
            anchors.addAll(ready.anchors());
        }
        assertThat(anchors).hasSize(samples).doesNotHaveDuplicates();
        assertThat(targetOfHost).hasSize(50);
    }

    @Test
    void givenNoAnchors_whenBatched_thenTheSamplesStillTravelAndNoAnchorIsInvented() {
        SampleBatcher<Object> batcher = new SampleBatcher<>(1, 2);
        batcher.add("A", 1.0, T0, null);

        SampleBatcher.Ready<Object> ready = batcher.add("B", 2.0, T0, null);

        assertThat(ready.batch().size()).isEqualTo(2);
        assertThat(ready.anchors()).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0} over {1} targets goes to target {2}")
    @CsvSource({
        // String.hashCode is part of the Java specification, so these hold in every JVM
        "cass-eu-1.example.org, 1, 0",
        "A,                     2, 1", // "A".hashCode() = 65
        "A,                     3, 2",
        "B,                     3, 0", // 66
        "ab,                    5, 0", // 3105
        "Aa,                    4, 0", // 2112
        "BB,                    4, 0", // 2112 as well: same hash, same target
    })
    void givenAHost_whenItsTargetIsChosen_thenItIsItsHashModuloTheTargets(String host, int targets, int expected) {
        assertThat(SampleBatcher.targetOf(host, targets)).isEqualTo(expected);
    }

    @Test
    void givenAHostWithANegativeHash_whenItsTargetIsChosen_thenItIsStillInRange() {
        String host = "polygenelubricants"; // hashCode() == Integer.MIN_VALUE
        assertThat(host.hashCode()).isEqualTo(Integer.MIN_VALUE);

        assertThat(SampleBatcher.targetOf(host, 3)).isBetween(0, 2);
    }

    @Test
    void givenAFleet_whenSpreadOverFourTargets_thenEachTargetGetsAFairShare() {
        int[] perTarget = new int[4];
        for (int host = 0; host < 10_000; host++) {
            perTarget[SampleBatcher.targetOf("cass-" + host + ".example.org", 4)]++;
        }

        assertThat(java.util.Arrays.stream(perTarget).boxed().toList())
                .allSatisfy(count -> assertThat(count).isBetween(2_000, 3_000));
    }

    @ParameterizedTest(name = "[{index}] targets {0}, batch size {1}")
    @CsvSource({"0, 10", "-1, 10", "1, 0", "1, -5"})
    void givenANonPositiveSetting_whenABatcherIsMade_thenItIsRefused(int targets, int batchSize) {
        assertThatThrownBy(() -> new SampleBatcher<>(targets, batchSize)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenArraysOfDifferentLengths_whenABatchIsMade_thenItIsRefused() {
        assertThatThrownBy(() -> new SampleBatch(new String[] {"A"}, new double[0], new long[] {T0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 hosts, 0 values, 1 times");
    }
}
