package io.loadrank.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.slice.Slice;
import io.loadrank.slice.SliceHost;
import io.loadrank.slice.SliceKey;
import io.loadrank.slice.SliceRanking;
import io.loadrank.slice.SliceRecordFormat;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SliceRecordPlanTest {

    private static final Slice NORTH = new Slice("c1", "north");
    private static final Slice SOUTH = new Slice("c1", "south");
    private static final Slice WEST = new Slice("c2", "west");

    private static SliceRecordFormat.Rendered slice(Slice slice, int hosts) {
        ArrayList<SliceHost> ranked = new ArrayList<>();
        for (int i = 0; i < hosts; i++) {
            ranked.add(new SliceHost(
                    "host-" + i, i + 1, 100.0 / hosts, 1, i + 1, 1, false, null, null, null, new double[] {1}, 0));
        }
        return SliceRecordFormat.render(
                new SliceRanking(slice, 1000, 60, 2, List.of("cpuLoad"), new double[] {1}, ranked, List.of(), 0));
    }

    private static List<String> keys(List<SliceRecordPlan.KeyedValue> records, boolean tombstones) {
        return records.stream()
                .filter(record -> (record.value() == null) == tombstones)
                .map(SliceRecordPlan.KeyedValue::key)
                .toList();
    }

    @Test
    void givenTwoSlices_whenPlanned_thenEachIsOneRecordKeyedBySliceAndPart() {
        SliceRecordPlan plan = new SliceRecordPlan();

        List<SliceRecordPlan.KeyedValue> records = plan.records(List.of(slice(NORTH, 3), slice(SOUTH, 2)));

        assertThat(keys(records, false)).containsExactly(new SliceKey(NORTH, 0).text(), new SliceKey(SOUTH, 0).text());
        assertThat(keys(records, true)).isEmpty();
    }

    @Test
    void givenASliceThatLeft_whenTheNextEmitIsPlanned_thenItsPartsGetTombstones() {
        SliceRecordPlan plan = new SliceRecordPlan(1200);
        plan.records(List.of(slice(NORTH, 1), slice(SOUTH, 30)));

        List<SliceRecordPlan.KeyedValue> records = plan.records(List.of(slice(NORTH, 1)));

        assertThat(keys(records, false)).containsExactly(new SliceKey(NORTH, 0).text());
        assertThat(keys(records, true)).contains(new SliceKey(SOUTH, 0).text(), new SliceKey(SOUTH, 1).text());
        assertThat(plan.records(List.of(slice(NORTH, 1))))
                .as("a tombstone is sent once")
                .extracting(SliceRecordPlan.KeyedValue::value)
                .doesNotContainNull();
    }

    @Test
    void givenASliceThatNeedsFewerPartsThanBefore_whenPlanned_thenOnlyTheSurplusPartsGetTombstones() {
        SliceRecordPlan plan = new SliceRecordPlan(1200);
        int before = keys(plan.records(List.of(slice(NORTH, 60))), false).size();

        List<SliceRecordPlan.KeyedValue> records = plan.records(List.of(slice(NORTH, 2)));

        assertThat(before).isGreaterThan(2);
        assertThat(keys(records, false)).containsExactly(new SliceKey(NORTH, 0).text());
        assertThat(keys(records, true)).hasSize(before - 1).doesNotContain(new SliceKey(NORTH, 0).text());
    }

    @Test
    void givenKeysLiveOnTheTopicFromAnEarlierRun_whenTheFirstEmitIsPlanned_thenEveryOneItDoesNotSendGetsATombstone() {
        // given: a new plan (a restart) told that north (3 parts) and west (1 part) are live on the topic
        SliceRecordPlan plan = new SliceRecordPlan(1200);
        plan.rememberLive(List.of(new SliceKey(NORTH, 0), new SliceKey(NORTH, 2), new SliceKey(WEST, 0)));

        // when: the first emit has north in one part and south, no west
        List<SliceRecordPlan.KeyedValue> records = plan.records(List.of(slice(NORTH, 1), slice(SOUTH, 1)));

        // then: north's surplus parts (part 1 counted too: max part + 1) and west get tombstones, once
        assertThat(keys(records, false)).containsExactly(new SliceKey(NORTH, 0).text(), new SliceKey(SOUTH, 0).text());
        assertThat(keys(records, true))
                .containsExactlyInAnyOrder(
                        new SliceKey(NORTH, 1).text(), new SliceKey(NORTH, 2).text(), new SliceKey(WEST, 0).text());
        assertThat(keys(plan.records(List.of(slice(NORTH, 1), slice(SOUTH, 1))), true))
                .as("a tombstone is sent once")
                .isEmpty();
    }

    @Test
    void
            givenASliceThisRunSentInMorePartsThanLiveOnTheTopic_whenLiveKeysAreRemembered_thenItsOwnPartsStillGetTombstones() {
        // given: this run's last emit sent north in several parts; the topic as read holds part 0 only
        SliceRecordPlan plan = new SliceRecordPlan(1200);
        int sent = keys(plan.records(List.of(slice(NORTH, 60))), false).size();
        plan.rememberLive(List.of(new SliceKey(NORTH, 0)));

        // when: north has left
        List<SliceRecordPlan.KeyedValue> records = plan.records(List.of(slice(SOUTH, 1)));

        // then: every part this run sent gets its tombstone
        assertThat(sent).isGreaterThan(2);
        assertThat(keys(records, true)).hasSize(sent).contains(new SliceKey(NORTH, sent - 1).text());
    }

    @Test
    void givenNoKeyLiveOnTheTopic_whenRemembered_thenTheEmitHasNoTombstone() {
        SliceRecordPlan plan = new SliceRecordPlan();
        plan.rememberLive(List.of());

        List<SliceRecordPlan.KeyedValue> records = plan.records(List.of(slice(NORTH, 1)));

        assertThat(keys(records, true)).isEmpty();
    }
}
