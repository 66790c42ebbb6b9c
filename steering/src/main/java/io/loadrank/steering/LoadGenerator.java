package io.loadrank.steering;

import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * Sends every request its {@link OpenLoopSchedule} says is due, and records each one's latency from
 * the time it was due, not from the time it was sent: a request the sender could only start late (a
 * stalled thread, a pause) is charged for the wait. Thread-safe as far as completions go: answers may
 * arrive on any thread; {@link #sendDue(long)} is called by one thread.
 */
final class LoadGenerator {

    /** Sends one request; exactly one of the completion's methods is called once it is answered. */
    interface Sender {
        void send(long scheduledNanos, Completion completion);
    }

    /** How a request ended. */
    interface Completion {
        /** Answered; {@code node} is the coordinator's number (1..n), 0 when unknown. */
        void succeeded(int node);

        void failed();
    }

    private final OpenLoopSchedule schedule;
    private final Sender sender;
    private final LongSupplier clock;
    private final IntSupplier hotNode;
    private final RunAccounting accounting;
    private long sent;

    /**
     * @param clock nanoseconds, the same clock as the schedule's start
     * @param hotNode the node that is hot at the moment a request is sent (0: none)
     */
    LoadGenerator(
            OpenLoopSchedule schedule,
            Sender sender,
            LongSupplier clock,
            IntSupplier hotNode,
            RunAccounting accounting) {
        this.schedule = schedule;
        this.sender = sender;
        this.clock = clock;
        this.hotNode = hotNode;
        this.accounting = accounting;
    }

    /**
     * Sends every request due by now, but none due at or after {@code endNanos} (the phase's end), that
     * has not been sent; returns how many it sent. Called once more after the end, it sends what a
     * stalled thread left behind: requests due within the phase are sent late and charged for it,
     * never dropped.
     */
    int sendDue(long endNanos) {
        long due = schedule.dueBy(Math.min(clock.getAsLong(), endNanos - 1));
        int count = 0;
        while (sent < due) {
            long scheduled = schedule.dueAt(sent);
            sent++;
            count++;
            accounting.scheduled();
            try {
                sender.send(scheduled, new Answer(scheduled, hotNode.getAsInt()));
            } catch (RuntimeException e) {
                // a request the driver refused at once is a failed request, not a lost one
                accounting.failed();
            }
        }
        return count;
    }

    /** When the next request not yet sent is due. */
    long nextDueNanos() {
        return schedule.dueAt(sent);
    }

    private final class Answer implements Completion {

        private final long scheduled;
        private final int hot;

        /** {@code hot}: the node hot when the request was sent (0: none) */
        Answer(long scheduled, int hot) {
            this.scheduled = scheduled;
            this.hot = hot;
        }

        @Override
        public void succeeded(int node) {
            long now = clock.getAsLong();
            accounting.succeeded(scheduled, now - scheduled, node, node != 0 && node == hot);
        }

        @Override
        public void failed() {
            accounting.failed();
        }
    }
}
