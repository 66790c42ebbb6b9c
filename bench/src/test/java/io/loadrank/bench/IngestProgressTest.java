package io.loadrank.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestProgressTest {

    private static IngestProgress.Counts accepted(long n) {
        return new IngestProgress.Counts(n, 0, 0, 0, 0);
    }

    private static IngestProgress twoTopics(long a, long b) {
        Map<String, Long> totals = new LinkedHashMap<>();
        totals.put("a", a);
        totals.put("b", b);
        return new IngestProgress(totals);
    }

    @Test
    void the_rate_counts_from_the_first_snapshot_with_progress_to_the_first_complete_one() {
        // given two topics of 1,000,000 messages each, snapshots every 2 s
        IngestProgress progress = twoTopics(1_000_000, 1_000_000);
        progress.snapshot("a", 10_000, accepted(0));
        progress.snapshot("b", 10_000, accepted(0));
        progress.snapshot("a", 12_000, accepted(200_000)); // start-up is before this: left out
        progress.snapshot("b", 12_000, accepted(100_000));
        progress.snapshot("a", 14_000, accepted(600_000));
        progress.snapshot("b", 14_000, accepted(500_000));
        assertThat(progress.complete()).isFalse();
        progress.snapshot("a", 16_000, accepted(1_000_000));
        progress.snapshot("b", 16_000, accepted(900_000));
        progress.snapshot("b", 18_000, accepted(1_000_000));

        // then (800,000 + 900,000) messages in 6 s
        assertThat(progress.complete()).isTrue();
        assertThat(progress.measuredMessages()).isEqualTo(1_700_000);
        assertThat(progress.measuredMillis()).isEqualTo(6000);
        assertThat(progress.messagesPerSecond()).isCloseTo(1_700_000 / 6.0, within(1e-6));
    }

    @Test
    void everything_the_topology_counted_adds_up_duplicates_late_early_and_malformed_included() {
        IngestProgress progress = twoTopics(100, 10);
        progress.snapshot("a", 2000, new IngestProgress.Counts(90, 3, 4, 2, 1));
        progress.snapshot("b", 2000, new IngestProgress.Counts(10, 0, 0, 0, 0));

        assertThat(progress.complete()).isTrue();
        assertThat(progress.counted()).isEqualTo(new IngestProgress.Counts(100, 3, 4, 2, 1));
    }

    @Test
    void a_rewritten_file_with_the_same_snapshot_counts_once() {
        IngestProgress progress = twoTopics(100, 100);
        progress.snapshot("a", 2000, accepted(10));
        progress.snapshot("a", 2000, accepted(100)); // cannot happen, and is ignored if it does
        progress.snapshot("a", 1000, accepted(100));

        assertThat(progress.counted().accepted()).isEqualTo(10);
    }

    @Test
    void what_is_missing_names_every_unfinished_topic_with_its_count() {
        IngestProgress progress = twoTopics(100, 50);
        progress.snapshot("a", 2000, accepted(100));

        assertThat(progress.missing()).containsExactly(Map.entry("b", "0 of 50 counted (no ranking file yet)"));
        assertThat(progress.messagesPerSecond()).isNaN();
    }

    @Test
    void an_ingest_that_completes_within_one_snapshot_has_no_rate() {
        IngestProgress progress = twoTopics(100, 100);
        progress.snapshot("a", 2000, accepted(100));
        progress.snapshot("b", 2000, accepted(100));

        assertThat(progress.complete()).isTrue();
        assertThat(progress.messagesPerSecond()).isNaN();
    }
}
