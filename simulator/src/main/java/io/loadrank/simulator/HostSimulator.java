package io.loadrank.simulator;

import io.loadrank.cli.Cli;
import io.loadrank.kafka.KafkaFailure;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.logging.log4j.LogManager;

/**
 * The host simulator: a fleet of simulated Cassandra hosts ({@link HostFleet}) sending the five
 * metrics to Kafka, one round of messages per host every {@code 1/rate} seconds, or back to back
 * with {@code --max-speed} (benchmarks). Progress and a summary go to stderr; Ctrl-C stops it
 * cleanly (the messages handed to Kafka are flushed, the producer closed).
 *
 * <pre>
 *   java -cp simulator/target/loadrank-simulator.jar io.loadrank.simulator.HostSimulator --hosts 12
 * </pre>
 */
public final class HostSimulator {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long STOP_WAIT_SECONDS = 30;
    /** How often the host info of every host is sent again (docs/DATACENTERS.md). */
    private static final long HOST_INFO_EVERY_NANOS = 60 * NANOS_PER_SECOND;

    private final SimulatorOptions options;
    private final HostFleet fleet;
    private final KafkaMessageSender sender;
    private volatile boolean stopRequested;

    HostSimulator(SimulatorOptions options, HostFleet fleet, KafkaMessageSender sender) {
        this.options = options;
        this.fleet = fleet;
        this.sender = sender;
    }

    public static void main(String[] args) {
        int status = Cli.execute(new SimulatorCommand(), args);
        LogManager.shutdown();
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Exit status when Kafka refuses this client: credentials, certificate or a missing ACL. */
    static final int EXIT_KAFKA_REFUSED = 3;
    /** Exit status when Kafka does not answer the check before the first round. */
    static final int EXIT_KAFKA_UNAVAILABLE = 1;

    /**
     * Runs until the duration or round limit is reached or the JVM is asked to stop; the exit status. Before
     * the first round, Kafka must answer, accept the credentials and allow writing the metric topics: if not,
     * one line says why, and the status is {@link #EXIT_KAFKA_REFUSED} or {@link #EXIT_KAFKA_UNAVAILABLE}.
     */
    static int run(SimulatorOptions options) {
        Optional<KafkaFailure> refused = KafkaMessageSender.checkAccess(options);
        if (refused.isPresent()) {
            int status = refused.get().fatal() ? EXIT_KAFKA_REFUSED : EXIT_KAFKA_UNAVAILABLE;
            System.err.println("simulator: " + refused.get().message() + "; exiting with status " + status);
            return status;
        }
        HostFleet fleet = HostFleet.create(options.hosts(), options.seed(), options.rateHz());
        CountDownLatch finished = new CountDownLatch(1);
        HostSimulator simulator;
        try (KafkaMessageSender sender = new KafkaMessageSender(options, fleet)) {
            simulator = new HostSimulator(options, fleet, sender);
            HostSimulator running = simulator;
            Thread stopOnSignal = new Thread(
                    () -> {
                        running.stop();
                        try {
                            // let the loop flush, close the producer and print its summary before the JVM ends
                            finished.await(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    "simulator-stop");
            Runtime.getRuntime().addShutdownHook(stopOnSignal);
            try {
                simulator.loop();
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(stopOnSignal);
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is already stopping (Ctrl-C): the hook is waiting for us, which is fine
                }
            }
        } finally {
            finished.countDown();
        }
        return 0;
    }

    /** Asks the loop to stop after the round it is in. */
    void stop() {
        stopRequested = true;
    }

    private void loop() {
        long periodNanos = Math.round(NANOS_PER_SECOND / options.rateHz());
        long durationNanos = options.durationSeconds() * NANOS_PER_SECOND;
        long progressNanos = options.progressSeconds() * NANOS_PER_SECOND;
        long startNanos = System.nanoTime();
        long nowMillis = System.currentTimeMillis();
        long startMillis = options.startTimeMillis().orElse(nowMillis);
        // the nanoTime at which the wall clock reads startMillis: paced round r is due r periods later
        long roundZeroNanos = startNanos + (startMillis - nowMillis) * 1_000_000L;
        long nextProgressNanos = startNanos + progressNanos;
        long lastProgressSent = 0;
        long lastProgressNanos = startNanos;
        long round = 0;
        long nextHostInfoNanos = startNanos;
        System.err.printf(
                Locale.ROOT,
                "simulator: %d hosts (%s), %s, seed %d, start time %d, to %s topics %s%s%n",
                fleet.hosts().size(),
                profileCounts(),
                options.maxSpeed()
                        ? "max speed"
                        : options.rateHz() + " rounds/s" + (options.spread() ? " spread over each round" : ""),
                options.seed(),
                startMillis,
                options.bootstrapServers(),
                options.topics() + (options.hostsTopic() == null ? "" : ", host info to " + options.hostsTopic()),
                options.kafkaProperties().isEmpty()
                        ? ""
                        : ", Kafka client properties " + options.kafkaPropertiesShown());
        while (!stopRequested) {
            if (options.rounds() > 0 && round >= options.rounds()) {
                break;
            }
            long now = System.nanoTime();
            if (durationNanos > 0) {
                // paced: exactly duration x rate rounds; max speed: whatever fits in the wall-clock duration
                long elapsed = options.maxSpeed() ? now - startNanos : round * periodNanos;
                if (elapsed >= durationNanos) {
                    break;
                }
            }
            if (!options.maxSpeed()) {
                long due = roundZeroNanos + round * periodNanos;
                while (!stopRequested && (now = System.nanoTime()) < due) {
                    LockSupport.parkNanos(Math.min(due - now, 100_000_000L));
                }
                if (stopRequested) {
                    break;
                }
            }
            if (options.hostsTopic() != null && now >= nextHostInfoNanos) {
                sender.sendHostInfo(fleet, System.currentTimeMillis());
                nextHostInfoNanos = now + HOST_INFO_EVERY_NANOS;
            }
            if (options.spread()) {
                if (!sendSpread(round, startMillis, roundZeroNanos + round * periodNanos)) {
                    break;
                }
            } else {
                long sampleTime = fleet.sampleTimeMillis(startMillis, round);
                fleet.generateRound(
                        round, startMillis, (metric, host, message) -> sender.send(metric, host, message, sampleTime));
            }
            round++;
            if (progressNanos > 0 && (now = System.nanoTime()) >= nextProgressNanos) {
                long sent = sender.sent();
                System.err.printf(
                        Locale.ROOT,
                        "simulator: round %d, %d messages sent, %d acknowledged, %d failed," + " %.0f msgs/s%n",
                        round,
                        sent,
                        sender.acknowledged(),
                        sender.failed(),
                        (sent - lastProgressSent) * (double) NANOS_PER_SECOND / (now - lastProgressNanos));
                lastProgressSent = sent;
                lastProgressNanos = now;
                nextProgressNanos = now + progressNanos;
            }
        }
        sender.flush();
        double seconds = (System.nanoTime() - startNanos) / (double) NANOS_PER_SECOND;
        System.err.printf(
                Locale.ROOT,
                "simulator: done after %d rounds in %.1f s: %d messages sent, %d acknowledged,"
                        + " %d failed, %.0f msgs/s%n",
                round,
                seconds,
                sender.sent(),
                sender.acknowledged(),
                sender.failed(),
                sender.acknowledged() / Math.max(seconds, 1e-9));
    }

    /**
     * Sends round {@code round} in {@link HostFleet#SPREAD_SLICES} slices, each when the wall clock
     * reaches its sample time; false if asked to stop in between (the round is then incomplete).
     */
    private boolean sendSpread(long round, long startMillis, long roundDueNanos) {
        for (int slice = 0; slice < HostFleet.SPREAD_SLICES; slice++) {
            long due = roundDueNanos + fleet.sliceOffsetMillis(slice) * 1_000_000L;
            long now;
            while (!stopRequested && (now = System.nanoTime()) < due) {
                LockSupport.parkNanos(Math.min(due - now, 100_000_000L));
            }
            if (stopRequested) {
                return false;
            }
            long sampleTime = fleet.sampleTimeMillis(startMillis, round, slice);
            fleet.generateSlice(
                    round,
                    slice,
                    startMillis,
                    (metric, host, message) -> sender.send(metric, host, message, sampleTime));
        }
        return true;
    }

    private String profileCounts() {
        int[] counts = new int[LoadProfile.values().length];
        fleet.hosts().forEach(host -> counts[host.profile().ordinal()]++);
        StringBuilder out = new StringBuilder();
        for (LoadProfile profile : LoadProfile.values()) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(counts[profile.ordinal()])
                    .append(' ')
                    .append(profile.name().toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }
}
