package io.loadrank.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EmitArrivalsTest {

    @Test
    void the_records_of_one_emit_count_from_its_window_snapshots_to_the_last_of_them_received() {
        EmitArrivals arrivals = new EmitArrivals();
        // emit at 2,000 from snapshots at 1,900: three slice records, the last received at 2,350
        arrivals.record(2_000, 1_900, 2_010, 2_100, 600_000);
        arrivals.record(2_000, 1_900, 2_020, 2_350, 400_000);
        arrivals.record(2_000, 1_900, 2_015, 2_200, 100);
        // the next emit, which proves the first complete
        arrivals.record(4_000, 3_900, 4_010, 4_050, 10);

        List<EmitArrivals.Emit> complete = arrivals.complete(0);

        assertThat(complete).hasSize(1);
        assertThat(complete.get(0).toLastReceivedMillis()).isEqualTo(450);
        assertThat(complete.get(0).toLastSentMillis()).isEqualTo(120);
        assertThat(complete.get(0).records).isEqualTo(3);
        assertThat(complete.get(0).valueBytes).isEqualTo(1_000_100);
    }

    @Test
    void emits_before_the_timed_part_and_the_newest_one_are_left_out() {
        EmitArrivals arrivals = new EmitArrivals();
        arrivals.record(2_000, 1_900, 2_010, 2_100, 1);
        arrivals.record(4_000, 3_900, 4_010, 4_100, 1);
        arrivals.record(6_000, 5_900, 6_010, 6_100, 1);

        assertThat(arrivals.complete(3_000))
                .extracting(emit -> emit.windowsAtMillis)
                .containsExactly(3_900L);
        assertThat(arrivals.complete(7_000)).isEmpty();
    }
}
