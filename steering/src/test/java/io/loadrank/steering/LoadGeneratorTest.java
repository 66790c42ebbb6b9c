package io.loadrank.steering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoadGeneratorTest {

    private static final long MS = 1_000_000L;

    private final AtomicLong clock = new AtomicLong();
    private final List<LoadGenerator.Completion> pending = new ArrayList<>();
    private final List<Long> sentAt = new ArrayList<>();

    private LoadGenerator generator(double rate, RunAccounting accounting) {
        return new LoadGenerator(
                new OpenLoopSchedule(0, rate),
                (scheduled, completion) -> {
                    sentAt.add(clock.get());
                    pending.add(completion);
                },
                clock::get,
                () -> 3,
                accounting);
    }

    @ParameterizedTest
    @CsvSource({
        // rate/s, now ms, due
        "10, 0, 1",
        "10, 99, 1",
        "10, 100, 2",
        "10, 550, 6",
        "1000, 1000, 1001",
        "3, 1000, 4",
    })
    void given_a_rate_when_time_passes_then_the_requests_due_are_one_at_the_start_and_one_per_interval(
            double rate, long nowMillis, long due) {
        assertThat(new OpenLoopSchedule(0, rate).dueBy(nowMillis * MS)).isEqualTo(due);
    }

    @Test
    void given_the_sender_stalled_when_it_catches_up_then_each_request_is_charged_from_its_scheduled_start() {
        RunAccounting accounting = new RunAccounting(0, 3);
        LoadGenerator generator = generator(10, accounting);

        // the load thread stalls 550 ms before it can send anything: six requests are due by then
        clock.set(550 * MS);
        int sent = generator.sendDue(Long.MAX_VALUE);
        // each answered at once, on node 1
        pending.forEach(c -> c.succeeded(1));

        assertThat(sent).isEqualTo(6);
        assertThat(sentAt).containsOnly(550 * MS);
        RunAccounting.RunResult result = accounting.result(0.6);
        assertThat(result.scheduled()).isEqualTo(6);
        assertThat(result.succeeded()).isEqualTo(6);
        // latencies 550, 450, ..., 50 ms: the median and the maximum show the wait, not the 0 ms service time
        assertThat(result.maxMillis()).isBetween(549.0, 551.0);
        assertThat(result.p50Millis()).isBetween(249.0, 251.0);
        assertThat(generator.nextDueNanos()).isEqualTo(600 * MS);
    }

    @Test
    void given_the_sender_stalled_past_the_phase_end_when_it_sends_then_every_request_due_within_the_phase_is_sent() {
        RunAccounting accounting = new RunAccounting(0, 3);
        LoadGenerator generator = generator(10, accounting);
        clock.set(100 * MS);
        generator.sendDue(1_000 * MS);

        // stalled from 100 ms to 2.5 s; the phase ended at 1 s: the eight requests due from 200 to 900 ms
        // are sent now, none due at or after the end
        clock.set(2_500 * MS);
        int late = generator.sendDue(1_000 * MS);
        pending.forEach(c -> c.succeeded(1));

        assertThat(late).isEqualTo(8);
        RunAccounting.RunResult result = accounting.result(1.0);
        assertThat(result.scheduled()).isEqualTo(10);
        assertThat(result.offeredPerSecond()).isEqualTo(10.0);
        // every answer came at 2.5 s: the one due at 0 took 2.5 s, the one due at 900 ms 1.6 s
        assertThat(result.maxMillis()).isBetween(2_499.0, 2_501.0);
        assertThat(accounting.series()).hasSize(1);
    }

    @Test
    void given_a_node_hot_when_a_request_was_sent_then_its_answer_counts_on_the_hot_node_even_after_the_phase() {
        java.util.concurrent.atomic.AtomicInteger hot = new java.util.concurrent.atomic.AtomicInteger(3);
        RunAccounting accounting = new RunAccounting(0, 3);
        LoadGenerator generator = new LoadGenerator(
                new OpenLoopSchedule(0, 10),
                (scheduled, completion) -> pending.add(completion),
                clock::get,
                hot::get,
                accounting);
        generator.sendDue(Long.MAX_VALUE);

        // the phase ends (nothing hot any more) before the answer comes
        hot.set(0);
        pending.forEach(c -> c.succeeded(3));

        assertThat(accounting.result(0.1).hotNodeShare()).isEqualTo(1.0);
    }

    @Test
    void given_requests_still_unanswered_or_failed_when_summed_up_then_every_scheduled_request_is_counted_once() {
        RunAccounting accounting = new RunAccounting(0, 3);
        LoadGenerator generator = generator(100, accounting);
        clock.set(990 * MS);
        generator.sendDue(Long.MAX_VALUE);
        for (int i = 0; i < pending.size(); i++) {
            if (i % 10 == 0) {
                pending.get(i).failed();
            } else if (i % 10 == 1) {
                // never answered
            } else {
                pending.get(i).succeeded(i % 3 + 1);
            }
        }

        RunAccounting.RunResult result = accounting.result(1.0);

        assertThat(result.scheduled()).isEqualTo(100);
        assertThat(result.succeeded() + result.errors()).isEqualTo(100);
        assertThat(result.errors()).isEqualTo(20);
        assertThat(result.offeredPerSecond()).isEqualTo(100.0);
        assertThat(result.achievedPerSecond()).isEqualTo(80.0);
        // node 3 is the hot one: every third answered request
        assertThat(result.hotNodeShare()).isBetween(0.30, 0.36);
    }

    @Test
    void given_a_sender_that_throws_when_sending_then_the_request_counts_as_failed() {
        RunAccounting accounting = new RunAccounting(0, 3);
        LoadGenerator generator = new LoadGenerator(
                new OpenLoopSchedule(0, 10),
                (scheduled, completion) -> {
                    throw new IllegalStateException("busy");
                },
                clock::get,
                () -> 0,
                accounting);
        clock.set(250 * MS);

        generator.sendDue(Long.MAX_VALUE);

        assertThat(accounting.result(0.3).errors()).isEqualTo(3);
        assertThat(accounting.inFlight()).isZero();
    }

    @Test
    void given_answers_in_two_seconds_when_the_series_is_read_then_each_second_has_its_nodes_and_p99() {
        RunAccounting accounting = new RunAccounting(0, 3);
        accounting.succeeded(100 * MS, 5 * MS, 1, false);
        accounting.succeeded(1_100 * MS, 40 * MS, 3, true);
        accounting.succeeded(1_200 * MS, 2 * MS, 2, false);

        List<RunAccounting.SecondResult> series = accounting.series();

        assertThat(series).hasSize(2);
        assertThat(series.get(0).perNode()).containsExactly(0, 1, 0, 0);
        assertThat(series.get(1).perNode()).containsExactly(0, 0, 1, 1);
        assertThat(series.get(1).p99Millis()).isBetween(39.9, 40.1);
    }
}
