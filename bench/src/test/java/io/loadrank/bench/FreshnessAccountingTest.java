package io.loadrank.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FreshnessAccountingTest {

    private static final long LIVE_START = 1_763_800_000_000L;
    private static final long SECOND = 1000;

    private final DelayHistogram delays = new DelayHistogram(600_000);

    private FreshnessAccounting accounting(FreshnessAccounting.SentRounds sent) {
        return new FreshnessAccounting(LIVE_START, SECOND, sent, delays);
    }

    private static long at(long round) {
        return LIVE_START + round * SECOND;
    }

    @Test
    void every_sample_a_version_shows_counts_not_only_the_newest() {
        // given a host seen up to round 2, then a version showing rounds 3, 4 and 5, seen at round 5 + 800 ms
        FreshnessAccounting accounting = accounting((host, round) -> true);
        accounting.seen("a", at(2), at(2) + 500);
        long before = delays.count();

        accounting.seen("a", at(5), at(5) + 800);

        // then three delays: 2.8 s, 1.8 s and 0.8 s
        assertThat(delays.count() - before).isEqualTo(3);
        assertThat(delays.percentile(100)).isEqualTo(2800);
        assertThat(accounting.visibleSamples()).isEqualTo(6);
    }

    @Test
    void a_version_that_does_not_advance_a_host_counts_nothing_for_it() {
        FreshnessAccounting accounting = accounting((host, round) -> true);
        accounting.seen("a", at(3), at(3) + 700);
        accounting.seen("a", at(3), at(5));
        accounting.seen("a", at(2), at(6));

        assertThat(accounting.visibleSamples()).isEqualTo(4);
        assertThat(delays.percentile(100)).isEqualTo(3700);
    }

    @Test
    void rounds_a_silent_host_never_sent_count_nothing_when_it_comes_back() {
        // given a host silent in rounds 2..21, seen at round 1, then again at round 22
        FreshnessAccounting accounting = accounting((host, round) -> round < 2 || round > 21);
        accounting.seen("a", at(1), at(1) + 300);

        accounting.seen("a", at(22), at(22) + 400);

        // then only rounds 0, 1 and 22 are counted, not 20 s of made-up delay
        assertThat(accounting.visibleSamples()).isEqualTo(3);
        assertThat(delays.percentile(100)).isEqualTo(1300);
    }

    @Test
    void samples_from_before_the_live_phase_count_nothing() {
        // given the prefill's last sample as the baseline, and a version that still shows only prefill samples
        FreshnessAccounting accounting = accounting((host, round) -> true);
        accounting.baseline("a", LIVE_START - 30_000);
        accounting.seen("a", LIVE_START - 10_000, LIVE_START + 100);
        assertThat(delays.count()).isZero();

        // when live round 0 shows up
        accounting.seen("a", at(0), at(0) + 1500);

        // then only it counts
        assertThat(delays.count()).isEqualTo(1);
        assertThat(delays.percentile(50)).isEqualTo(1500);
    }

    @Test
    void a_host_first_seen_in_the_live_phase_counts_from_the_first_live_round() {
        FreshnessAccounting accounting = accounting((host, round) -> true);

        accounting.seen("new", at(1), at(1) + 200);

        assertThat(accounting.visibleSamples()).isEqualTo(2);
        assertThat(delays.percentile(100)).isEqualTo(1200);
    }

    @Test
    void samples_no_version_showed_by_the_end_count_with_their_age_as_a_lower_bound() {
        // given host a shown up to round 10, host b never shown, host c silent from round 5
        FreshnessAccounting accounting = accounting((host, round) -> !(host.equals("c") && round >= 5));
        accounting.seen("a", at(10), at(10) + 500);
        accounting.seen("c", at(4), at(4) + 500);
        long shown = delays.count();

        // when the live phase ends at round 20 and samples younger than 5 s are not judged
        accounting.finish(List.of("a", "b", "c"), at(20), 5 * SECOND);

        // then a's rounds 11..15 and b's rounds 0..15 count, with delays of at least 5 s; c's nothing
        assertThat(accounting.neverVisibleSamples()).isEqualTo(5 + 16);
        assertThat(delays.count() - shown).isEqualTo(21);
        assertThat(delays.percentile(100)).isEqualTo(20_000);
        assertThat(accounting.visibleSamples()).isEqualTo(11 + 5);
    }

    @Test
    void givenSpreadRounds_whenAVersionShowsAHostsSamples_thenEachDelayCountsFromTheHostsOwnSampleTime() {
        // given rounds of 5 s whose host "late" samples 4,000 ms into each round, "early" at its start
        DelayHistogram spreadDelays = new DelayHistogram(600_000);
        FreshnessAccounting accounting = new FreshnessAccounting(
                LIVE_START, 5 * SECOND, (host, round) -> true, host -> host.equals("late") ? 4000 : 0, spreadDelays);

        // when a version seen 500 ms after "late"'s round-1 sample shows rounds 0 and 1 of it
        accounting.seen("late", LIVE_START + 5000 + 4000, LIVE_START + 5000 + 4500);

        // then two delays from its own sample times: 5.5 s and 0.5 s, not 9.5 s and 4.5 s
        assertThat(accounting.visibleSamples()).isEqualTo(2);
        assertThat(spreadDelays.percentile(100)).isEqualTo(5500);

        // and at the end, "early"'s rounds up to the last one at least 1 s old count from their own times
        accounting.finish(List.of("early", "late"), LIVE_START + 10_500, 1000);
        assertThat(accounting.neverVisibleSamples())
                .as("early's rounds 0 and 1 (round 2, at 10 s, is younger than 1 s)")
                .isEqualTo(2);
        assertThat(spreadDelays.percentile(100)).isEqualTo(10_500);
    }
}
