package io.loadrank.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.slice.Slice;
import io.loadrank.slice.SliceKey;
import org.junit.jupiter.api.Test;

class LiveSliceKeysTest {

    private static final SliceKey NORTH_0 = new SliceKey(new Slice("c1", "north"), 0);
    private static final SliceKey NORTH_1 = new SliceKey(new Slice("c1", "north"), 1);
    private static final SliceKey SOUTH_0 = new SliceKey(new Slice("c1", "south"), 0);
    private static final SliceKey UNPLACED_0 = new SliceKey(Slice.UNPLACED, 0);

    @Test
    void givenRecordsAndTombstonesInOffsetOrder_whenRead_thenTheKeysWhoseNewestRecordHasAValueAreLive() {
        LiveSliceKeys keys = new LiveSliceKeys();

        keys.accept(NORTH_0.text(), false);
        keys.accept(NORTH_1.text(), false);
        keys.accept(SOUTH_0.text(), false);
        keys.accept(UNPLACED_0.text(), true);
        keys.accept(NORTH_1.text(), true); // north shrank to one part
        keys.accept(SOUTH_0.text(), true); // south left
        keys.accept(SOUTH_0.text(), false); // and came back

        assertThat(keys.live()).containsExactlyInAnyOrder(NORTH_0, SOUTH_0);
        assertThat(keys.records()).isEqualTo(7);
        assertThat(keys.skipped()).isZero();
        assertThat(keys.firstSkipped()).isNull();
    }

    @Test
    void givenKeysThatAreNoSliceKeys_whenRead_thenTheyAreCountedAndSkippedAndTheFirstIsKept() {
        LiveSliceKeys keys = new LiveSliceKeys();

        boolean check = keys.accept("loadrank topic check", true);
        boolean none = keys.accept(null, false);
        boolean slice = keys.accept(NORTH_0.text(), false);
        boolean notAnArray = keys.accept("{\"cluster\":\"c1\"}", false);

        assertThat(check).isFalse();
        assertThat(none).isFalse();
        assertThat(slice).isTrue();
        assertThat(notAnArray).isFalse();
        assertThat(keys.skipped()).isEqualTo(3);
        assertThat(keys.firstSkipped()).isEqualTo("loadrank topic check");
        assertThat(keys.live()).containsExactly(NORTH_0);
    }
}
