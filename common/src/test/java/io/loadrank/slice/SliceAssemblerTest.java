package io.loadrank.slice;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.slice.SliceAssembler.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class SliceAssemblerTest {

    private static final Slice NORTH = new Slice("c1", "north");

    private static SlicePart part(long rankedAt, int part, int parts, String... hosts) {
        List<SliceHost> ranked = java.util.stream.IntStream.range(0, hosts.length)
                .mapToObj(i ->
                        new SliceHost(hosts[i], i + 1, 1, 1, 0, Double.NaN, false, null, null, null, new double[0], 0))
                .toList();
        return new SlicePart(
                new SliceRanking(NORTH, rankedAt, 60, 2, List.of(), new double[0], ranked, List.of(), 0), part, parts);
    }

    @Test
    void givenAllPartsOfARanking_whenTheLastComes_thenTheWholeRankingIsHandedOutInPartOrder() {
        SliceAssembler assembler = new SliceAssembler();

        assertThat(assembler.accept(part(10, 2, 3, "e"))).isEqualTo(new Outcome.Waiting(NORTH, 1, 3));
        assertThat(assembler.accept(part(10, 0, 3, "a", "b"))).isEqualTo(new Outcome.Waiting(NORTH, 2, 3));
        Outcome last = assembler.accept(part(10, 1, 3, "c", "d"));

        assertThat(last).isInstanceOf(Outcome.Complete.class);
        assertThat(((Outcome.Complete) last).ranking().hosts())
                .extracting(SliceHost::host)
                .containsExactly("a", "b", "c", "d", "e");
    }

    @Test
    void givenPartsOfTwoRankings_whenMixed_thenOnlyAWholeRankingOfOneMomentIsHandedOut() {
        SliceAssembler assembler = new SliceAssembler();

        assembler.accept(part(10, 0, 2, "old"));
        assertThat(assembler.accept(part(12, 1, 2, "new-b"))).isInstanceOf(Outcome.Waiting.class);
        assertThat(assembler.accept(part(10, 1, 2, "old-b"))).isEqualTo(new Outcome.Outdated(NORTH));
        Outcome whole = assembler.accept(part(12, 0, 2, "new-a"));

        assertThat(((Outcome.Complete) whole).ranking().hosts())
                .extracting(SliceHost::host)
                .containsExactly("new-a", "new-b");
        assertThat(assembler.accept(part(12, 0, 2, "again"))).isEqualTo(new Outcome.Outdated(NORTH));
        assertThat(assembler.accept(part(11, 0, 1, "older"))).isEqualTo(new Outcome.Outdated(NORTH));
    }

    @Test
    void givenASurplusPartOfAnOlderRankingOnACompactedTopic_whenReadAfterTheNewer_thenItIsIgnored() {
        SliceAssembler assembler = new SliceAssembler();

        assertThat(assembler.accept(part(20, 0, 1, "a"))).isInstanceOf(Outcome.Complete.class);
        assertThat(assembler.accept(part(10, 1, 2, "leftover"))).isEqualTo(new Outcome.Outdated(NORTH));
    }

    @Test
    void givenATombstoneOfPartZero_whenTaken_thenTheSliceLeftAndANewRankingStartsAfresh() {
        SliceAssembler assembler = new SliceAssembler();
        assembler.accept(part(20, 0, 1, "a"));

        assertThat(assembler.tombstone(new SliceKey(NORTH, 1))).isFalse();
        assertThat(assembler.tombstone(new SliceKey(NORTH, 0))).isTrue();
        assertThat(assembler.accept(part(5, 0, 1, "back"))).isInstanceOf(Outcome.Complete.class);
    }
}
