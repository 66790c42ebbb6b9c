package io.loadrank.producer;

import io.loadrank.hostinfo.HostInfo;
import io.loadrank.metric.Metric;
import io.loadrank.producer.hostinfo.HostInfoCollector;
import io.loadrank.producer.hostinfo.HostInfoSchedule;
import io.loadrank.producer.jmx.JmxScraper;
import io.loadrank.producer.jmx.JmxSession;
import io.loadrank.producer.metrics.SampleCalculator;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.management.MBeanServerConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The producer's rhythm: every interval a tick starts one JMX poll and sends what it read.
 *
 * <p>Two threads, so that a hung Cassandra cannot stall the rhythm: the tick thread never waits
 * for JMX; it hands the poll to a worker thread. If the previous poll is still running at the
 * next tick (Cassandra accepts connections but does not answer), the tick skips JMX and the
 * worker's call ends at the latest after the RMI timeouts ({@code jmx.timeout.ms}). The memory
 * of the host (from /proc/meminfo) needs no JMX and is sent on every tick regardless.
 *
 * <p>A broken connection ({@link IOException}) is dropped and reopened with a doubling backoff;
 * refused credentials before the first successful connection are a configuration error
 * reported to {@code onCredentialsRefused}; later they count as an outage like any other.
 */
final class PollLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PollLoop.class);

    private final Duration interval;
    private final JmxSession session;
    private final JmxScraper scraper;
    private final SampleCalculator calculator;
    private final MemInfoSource memInfo;
    private final SampleSink sink;
    private final Consumer<String> onCredentialsRefused;
    private final Clock clock;
    private final Backoff backoff;
    private final OutageLog outage;
    private final ScheduledExecutorService ticker;
    private final ExecutorService worker;
    private final HostInfoCollector hostInfo;
    private final HostInfoSchedule hostInfoSchedule;

    private final AtomicLong ticks = new AtomicLong();
    private final AtomicLong skippedTicks = new AtomicLong();
    private final AtomicLong successfulPolls = new AtomicLong();
    // touched by the tick thread only
    private Future<?> inFlight;
    private long stalledSinceMillis = -1;
    private boolean stallLogged;
    // touched by the worker thread only
    private long nextConnectAtMillis;
    private boolean everConnected;

    /**
     * What a poll loop works with besides its inputs: {@link #standard} builds the producer's own;
     * the unit tests pass their own (a worker that runs each poll at once, a scraper that fails).
     */
    record Parts(
            JmxScraper scraper,
            SampleCalculator calculator,
            Backoff backoff,
            OutageLog outage,
            ScheduledExecutorService ticker,
            ExecutorService worker,
            HostInfoSchedule hostInfoSchedule) {

        /** The producer's own: scraper and calculator for the memory source, backoff from 1 s, two daemon threads. */
        static Parts standard(boolean readOsMemory, Duration reconnectMax, JmxSession session) {
            return new Parts(
                    new JmxScraper(readOsMemory),
                    new SampleCalculator(readOsMemory),
                    new Backoff(Duration.ofSeconds(1), reconnectMax),
                    new OutageLog(LOG, "Cassandra JMX at " + session),
                    Executors.newSingleThreadScheduledExecutor(daemon("poll-tick")),
                    Executors.newSingleThreadExecutor(daemon("jmx-poll")),
                    HostInfoSchedule.standard());
        }
    }

    /**
     * @param hostInfo collects the node's identity for the host-info record (docs/DATACENTERS.md),
     *                 read and sent as {@link HostInfoSchedule} says; null to send none
     */
    PollLoop(
            Duration interval,
            JmxSession session,
            MemInfoSource memInfo,
            SampleSink sink,
            Consumer<String> onCredentialsRefused,
            Clock clock,
            HostInfoCollector hostInfo,
            Parts parts) {
        this.interval = interval;
        this.session = session;
        this.memInfo = memInfo;
        this.sink = sink;
        this.onCredentialsRefused = onCredentialsRefused;
        this.clock = clock;
        this.scraper = parts.scraper();
        this.calculator = parts.calculator();
        this.backoff = parts.backoff();
        this.outage = parts.outage();
        this.ticker = parts.ticker();
        this.worker = parts.worker();
        this.hostInfoSchedule = parts.hostInfoSchedule();
        this.hostInfo = hostInfo;
    }

    void start() {
        ticker.scheduleAtFixedRate(this::tick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One tick: memory at once, and a JMX poll handed to the worker unless the last one still runs. */
    void tick() {
        try {
            long now = clock.millis();
            ticks.incrementAndGet();
            if (memInfo != null) {
                memInfo.read().ifPresent(percent -> sink.send(Metric.MEM_LOAD, percent, now));
            }
            if (inFlight != null && !inFlight.isDone()) {
                skippedTicks.incrementAndGet();
                if (stalledSinceMillis < 0) {
                    stalledSinceMillis = now;
                    stallLogged = !outage.isDown(); // during an outage its one line says enough
                }
                if (stallLogged && stalledSinceMillis == now) {
                    LOG.warn(
                            "a JMX poll is still running after {} ms: Cassandra at {} is not answering; "
                                    + "skipping JMX until it answers or the call times out",
                            interval.toMillis(),
                            session);
                }
                return;
            }
            if (stalledSinceMillis >= 0) {
                if (stallLogged) {
                    LOG.info("JMX poll no longer stalled after {} ms", now - stalledSinceMillis);
                }
                stalledSinceMillis = -1;
            }
            inFlight = worker.submit(() -> pollJmx(now));
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again: log and keep the rhythm
            LOG.error("unexpected error in the poll tick; continuing", e);
        }
    }

    private void pollJmx(long sampleTimeMillis) {
        long now = clock.millis();
        if (!session.isConnected() && now < nextConnectAtMillis) {
            return;
        }
        try {
            MBeanServerConnection connection = session.connection();
            calculator.begin();
            scraper.scrape(connection, calculator);
            Map<Metric, Double> values = calculator.values();
            everConnected = true;
            backoff.succeeded();
            outage.succeeded(clock.millis(), "");
            successfulPolls.incrementAndGet();
            values.forEach((metric, value) -> sink.send(metric, value, sampleTimeMillis));
            if (hostInfo != null) {
                sendHostInfoIfDue(connection, sampleTimeMillis);
            }
        } catch (IOException e) {
            failed(now, describe(e));
        } catch (RuntimeException e) {
            SecurityException refused = securityCause(e);
            if (refused == null) {
                LOG.error("unexpected error while reading JMX; reconnecting", e);
                failed(now, e.toString());
            } else if (!everConnected) {
                session.disconnect();
                nextConnectAtMillis = Long.MAX_VALUE;
                onCredentialsRefused.accept("Cassandra's JMX server at " + session
                        + " refused the credentials (check jmx.username and the password): " + refused.getMessage());
            } else {
                failed(now, "credentials refused: " + refused.getMessage());
            }
        }
    }

    /** Reads the node's identity when the schedule says so, and sends it when it is due. */
    private void sendHostInfoIfDue(MBeanServerConnection connection, long sampleTimeMillis) throws IOException {
        long connectionNumber = session.connections();
        long now = clock.millis();
        if (!hostInfoSchedule.readDue(connectionNumber, now)) {
            return;
        }
        hostInfo.begin();
        scraper.scrapeHostInfo(connection, hostInfo);
        HostInfo info = hostInfo.result().orElse(null);
        if (hostInfoSchedule.sendDue(info, connectionNumber, now)) {
            sink.sendHostInfo(info, sampleTimeMillis);
        }
    }

    /**
     * The SecurityException of refused credentials: thrown as it is by the JDK's JMX server, and
     * wrapped in a RuntimeException by Cassandra's authenticator.
     */
    static SecurityException securityCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SecurityException security) {
                return security;
            }
        }
        return null;
    }

    private void failed(long now, String reason) {
        session.disconnect();
        long wait = backoff.failed();
        nextConnectAtMillis = now + wait;
        outage.failed(now, reason + "; retrying with backoff up to " + backoff.maxMillis() + " ms");
    }

    /** The root cause is what an operator needs ("Connection refused"), not RMI's wrapping. */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? e.toString() : e.getClass().getSimpleName() + " caused by " + root;
    }

    long ticks() {
        return ticks.get();
    }

    long skippedTicks() {
        return skippedTicks.get();
    }

    long successfulPolls() {
        return successfulPolls.get();
    }

    boolean jmxDown() {
        return outage.isDown();
    }

    /** Outages of Cassandra's JMX since start (each logged once when it began and once when it ended). */
    long jmxOutages() {
        return outage.outages();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        worker.shutdownNow();
        try {
            // a poll in flight ends by itself within the RMI timeouts; do not wait longer than that
            worker.awaitTermination(Math.min(5_000, session.settings().timeout().toMillis()), TimeUnit.MILLISECONDS);
            ticker.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        session.close();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
