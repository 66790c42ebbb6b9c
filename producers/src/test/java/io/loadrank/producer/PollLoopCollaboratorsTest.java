package io.loadrank.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.loadrank.metric.Metric;
import io.loadrank.producer.hostinfo.HostInfoSchedule;
import io.loadrank.producer.jmx.JmxScraper;
import io.loadrank.producer.jmx.JmxSession;
import io.loadrank.producer.metrics.ReadingsReceiver;
import io.loadrank.producer.metrics.SampleCalculator;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServerConnection;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The poll loop with its collaborators injected: a worker that runs each poll at once, a scraper and
 * a JMX session the test controls, a hand-set clock. No thread, no JMX server, no Kafka.
 */
class PollLoopCollaboratorsTest {

    private static final long START = 1_763_800_000_000L;

    private final JmxSession session = mock(JmxSession.class);
    private final JmxScraper scraper = mock(JmxScraper.class);
    private final RecordingSink sink = new RecordingSink();
    private final List<String> refusals = new ArrayList<>();
    private final OutageLog outage =
            new OutageLog(LoggerFactory.getLogger(PollLoopCollaboratorsTest.class), "test JMX");
    private Clock clock = Clock.fixed(Instant.ofEpochMilli(START), ZoneOffset.UTC);

    private PollLoop loop() {
        return loop(new InlineExecutor());
    }

    private PollLoop loop(ExecutorService worker) {
        PollLoop.Parts parts = new PollLoop.Parts(
                scraper,
                new SampleCalculator(true),
                new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30)),
                outage,
                mock(ScheduledExecutorService.class),
                worker,
                HostInfoSchedule.standard());
        return new PollLoop(Duration.ofSeconds(1), session, null, sink, refusals::add, new MovableClock(), null, parts);
    }

    @Test
    void givenJmxAnswers_whenTheLoopTicks_thenEveryMetricReadIsSentWithTheTicksTime() throws Exception {
        jmxAnswering();

        loop().tick();

        assertThat(sink.sent(Metric.CPU_LOAD)).singleElement().satisfies(sent -> {
            assertThat(sent.value()).isEqualTo(42.0);
            assertThat(sent.timestampMillis()).isEqualTo(START);
        });
    }

    @Test
    void givenJmxIsDown_whenTicksComeFasterThanTheBackoff_thenItReconnectsOnlyAfterTheBackoffAndLogsOneOutage()
            throws Exception {
        when(session.connection()).thenThrow(new IOException("no JMX", new ConnectException("Connection refused")));
        PollLoop loop = loop();

        loop.tick();
        loop.tick(); // same instant: still inside the backoff
        clock = Clock.offset(clock, Duration.ofMillis(999));
        loop.tick();

        verify(session, times(1)).connection();
        assertThat(outage.outages()).isEqualTo(1);
        clock = Clock.offset(clock, Duration.ofSeconds(1));
        loop.tick();
        verify(session, times(2)).connection();
        assertThat(outage.outages()).isEqualTo(1);
        assertThat(sink.sent(Metric.CPU_LOAD)).isEmpty();
    }

    @Test
    void givenTheCredentialsAreRefusedBeforeAnyConnection_whenTheLoopTicks_thenTheRefusalIsReportedOnceAndNeverRetried()
            throws Exception {
        when(session.connection())
                .thenThrow(new SecurityException("Authentication failed! Invalid username or password"));
        PollLoop loop = loop();

        loop.tick();
        clock = Clock.offset(clock, Duration.ofMinutes(10));
        loop.tick();

        assertThat(refusals).singleElement().asString().contains("refused the credentials");
        verify(session, times(1)).connection();
    }

    @Test
    void givenAScrapeFailsWithABrokenConnection_whenTheLoopTicks_thenTheSessionIsDroppedAndNothingIsSent()
            throws Exception {
        when(session.connection()).thenReturn(mock(MBeanServerConnection.class));
        doThrow(new IOException("connection reset")).when(scraper).scrape(any(), any());

        loop().tick();

        verify(session).disconnect();
        assertThat(sink.sent(Metric.CPU_LOAD)).isEmpty();
        verify(scraper, never()).scrapeHostInfo(any(), any());
    }

    @Test
    void givenAPollThatOverrunsItsInterval_whenTheNextTickComes_thenThatTickSkipsJmxAndIsCountedAndTheOneAfterPolls()
            throws Exception {
        jmxAnswering();
        HeldExecutor worker = new HeldExecutor();
        PollLoop loop = loop(worker);

        loop.tick();
        at(1_000);
        loop.tick(); // the first poll still runs
        at(1_300);
        worker.runHeld();
        at(2_000);
        loop.tick();
        worker.runHeld();

        // not read late: values read a moment after the last poll would cover a sliver of an interval
        assertThat(sink.sent(Metric.CPU_LOAD))
                .extracting(RecordingSink.Sent::timestampMillis)
                .containsExactly(START, START + 2_000);
        assertThat(loop.ticks()).isEqualTo(3);
        assertThat(loop.skippedTicks()).isEqualTo(1);
    }

    /** A JMX that answers every poll with a CPU load of 42 %. */
    private void jmxAnswering() throws Exception {
        when(session.connection()).thenReturn(mock(MBeanServerConnection.class));
        doAnswer(invocation -> {
                    ReadingsReceiver receiver = invocation.getArgument(1);
                    receiver.cpuLoad(0.42);
                    return null;
                })
                .when(scraper)
                .scrape(any(), any());
    }

    private void at(long millisAfterStart) {
        clock = Clock.fixed(Instant.ofEpochMilli(START + millisAfterStart), ZoneOffset.UTC);
    }

    /** Holds each task until the test runs it: a poll that takes as long as the test says. */
    private static final class HeldExecutor extends InlineExecutor {
        private final Deque<Runnable> held = new ArrayDeque<>();

        @Override
        public void execute(Runnable command) {
            held.add(command);
        }

        void runHeld() {
            while (!held.isEmpty()) {
                held.poll().run();
            }
        }
    }

    /** Reads the test's current clock, which the test replaces to move time. */
    private final class MovableClock extends Clock {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return clock.instant();
        }
    }

    /** Runs every task at once on the calling thread, so a tick's poll has happened when tick() returns. */
    private static class InlineExecutor extends AbstractExecutorService {
        @Override
        public void execute(Runnable command) {
            command.run();
        }

        @Override
        public void shutdown() {}

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }
}
