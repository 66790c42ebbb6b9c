package io.loadrank.balancer.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.slice.Slice;
import io.loadrank.slice.SliceHost;
import io.loadrank.slice.SliceKey;
import io.loadrank.slice.SliceRanking;
import io.loadrank.slice.SliceRecordFormat;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SliceIntakeTest {

    private static final Slice OURS = new Slice("prod", "eu-west");
    private static final Slice OTHER = new Slice("prod", "us-east");

    private final SliceIntake intake = new SliceIntake(OURS);

    static SliceRanking ranking(Slice slice, long rankedAt, int hostCount) {
        List<SliceHost> hosts = new ArrayList<>();
        for (int i = 0; i < hostCount; i++) {
            hosts.add(new SliceHost(
                    "cass-" + i,
                    i + 1,
                    100.0 / hostCount,
                    1,
                    0,
                    Double.NaN,
                    false,
                    null,
                    null,
                    null,
                    new double[0],
                    0));
        }
        return new SliceRanking(slice, rankedAt, 60, 2, List.of(), new double[0], hosts, List.of(), 0);
    }

    private static String key(Slice slice, int part) {
        return new SliceKey(slice, part).text();
    }

    @Test
    void givenARecordOfTheSlice_whenTaken_thenItsWholeRankingComesOut() {
        String value = SliceRecordFormat.write(ranking(OURS, 1000, 3)).get(0);

        SliceIntake.Outcome outcome = intake.accept(key(OURS, 0), value);

        assertThat(outcome).isInstanceOf(SliceIntake.Outcome.Ranking.class);
        LoadSnapshot snapshot = ((SliceIntake.Outcome.Ranking) outcome).snapshot();
        assertThat(snapshot.slice()).isEqualTo(OURS);
        assertThat(snapshot.rankedAtMillis()).isEqualTo(1000);
        assertThat(snapshot.hosts()).extracting(HostLoad::host).containsExactly("cass-0", "cass-1", "cass-2");
        assertThat(intake.sliceRecords()).isEqualTo(1);
    }

    @Test
    void givenARankingInParts_whenTheyAreTaken_thenNothingUntilTheLastThenTheWholeRanking() {
        List<String> parts = SliceRecordFormat.write(ranking(OURS, 1000, 300), 4_000);
        assertThat(parts).as("the ranking needs several parts").hasSizeGreaterThan(2);

        List<SliceIntake.Outcome> outcomes = new ArrayList<>();
        for (int p = 0; p < parts.size(); p++) {
            outcomes.add(intake.accept(key(OURS, p), parts.get(p)));
        }

        assertThat(outcomes.subList(0, parts.size() - 1)).allMatch(o -> o instanceof SliceIntake.Outcome.Nothing);
        SliceIntake.Outcome last = outcomes.get(parts.size() - 1);
        assertThat(((SliceIntake.Outcome.Ranking) last).snapshot().hosts()).hasSize(300);
    }

    @Test
    void givenAnotherSlicesRecordOrNoSliceKey_whenTaken_thenSkippedByTheKeyWithoutReadingTheValue() {
        SliceIntake.Outcome otherSlice = intake.accept(key(OTHER, 0), "not JSON at all");
        SliceIntake.Outcome noSliceKey = intake.accept("global", "{also not a slice record");

        assertThat(otherSlice).isInstanceOf(SliceIntake.Outcome.Skipped.class);
        assertThat(noSliceKey).isInstanceOf(SliceIntake.Outcome.Skipped.class);
        assertThat(intake.skippedRecords()).isEqualTo(2);
        assertThat(intake.refusedRecords()).isZero();
        assertThat(intake.sliceRecords()).isZero();
    }

    @Test
    void givenABadValueUnderTheSlicesKey_whenTaken_thenRefusedWithTheReasonAndCounted() {
        SliceIntake.Outcome outcome = intake.accept(key(OURS, 0), "{\"rankedAtMillis\":");

        assertThat(outcome).isInstanceOf(SliceIntake.Outcome.Refused.class);
        assertThat(((SliceIntake.Outcome.Refused) outcome).reason()).contains("not a slice record");
        assertThat(intake.refusedRecords()).isEqualTo(1);
        assertThat(intake.sliceRecords()).isEqualTo(1);
    }

    @Test
    void givenAnotherSlicesValueUnderTheSlicesKey_whenTaken_thenRefused() {
        String value = SliceRecordFormat.write(ranking(OTHER, 1000, 3)).get(0);

        SliceIntake.Outcome outcome = intake.accept(key(OURS, 0), value);

        assertThat(((SliceIntake.Outcome.Refused) outcome).reason()).contains("prod/us-east");
    }

    @Test
    void givenANegativeScore_whenTaken_thenTheRecordIsRefused() {
        String value = SliceRecordFormat.write(ranking(OURS, 1000, 2))
                .get(0)
                .replace("[\"cass-1\",2,50,", "[\"cass-1\",2,-50,");

        SliceIntake.Outcome outcome = intake.accept(key(OURS, 0), value);

        assertThat(((SliceIntake.Outcome.Refused) outcome).reason()).contains("hosts[1] (cass-1)");
    }

    @Test
    void givenTombstonesOfTheSlice_whenTaken_thenPartZerosMeansTheSliceLeftAndALaterPartsNothing() {
        intake.accept(
                key(OURS, 0), SliceRecordFormat.write(ranking(OURS, 1000, 3)).get(0));

        SliceIntake.Outcome laterPart = intake.accept(key(OURS, 1), null);
        SliceIntake.Outcome partZero = intake.accept(key(OURS, 0), null);
        SliceIntake.Outcome otherSlices = intake.accept(key(OTHER, 0), null);

        assertThat(laterPart).isInstanceOf(SliceIntake.Outcome.Nothing.class);
        assertThat(partZero).isInstanceOf(SliceIntake.Outcome.Left.class);
        assertThat(otherSlices).isInstanceOf(SliceIntake.Outcome.Skipped.class);
    }
}
