package io.loadrank.producer;

import io.loadrank.producer.hostinfo.HostInfoCollector;
import io.loadrank.producer.jmx.JmxSession;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running producer: the poll loop reading one Cassandra node and a sink sending to Kafka.
 * {@link ProducerMain} runs it as a program; the integration tests run it in their own JVM.
 */
public final class ProducerApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProducerApp.class);

    /** Exit code of a configuration error, including JMX credentials that the node refuses. */
    public static final int EXIT_BAD_CONFIG = 2;

    /** Exit code when Kafka refuses the producer for good: credentials, certificate or a missing WRITE ACL. */
    public static final int EXIT_KAFKA_REFUSED = 3;

    private final ProducerConfig config;
    private final SampleSink sink;
    private final PollLoop loop;
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private boolean closed;

    /** A producer that sends to Kafka as configured. */
    public static ProducerApp toKafka(ProducerConfig config) {
        return new ProducerApp(config, new KafkaSampleSink(config), MemInfoSource.PROC_MEMINFO);
    }

    ProducerApp(ProducerConfig config, SampleSink sink, Path memInfoPath) {
        this.config = config;
        this.sink = sink;
        MemInfoSource memInfo =
                MemInfoSource.choose(config.memorySource(), config.jmx().host(), memInfoPath);
        JmxSession session = new JmxSession(config.jmx());
        this.loop = new PollLoop(
                config.interval(),
                session,
                memInfo,
                sink,
                this::credentialsRefused,
                Clock.systemUTC(),
                config.hostsTopic() == null ? null : new HostInfoCollector(config.host()),
                PollLoop.Parts.standard(memInfo == null, config.jmxReconnectMax(), session));
        if (sink instanceof KafkaSampleSink kafka) {
            kafka.refused().thenAccept(this::kafkaRefused);
        }
    }

    private void kafkaRefused(String message) {
        LOG.error("{}; exiting with code {}", message, EXIT_KAFKA_REFUSED);
        exit.complete(EXIT_KAFKA_REFUSED);
    }

    public ProducerApp start() {
        LOG.info("loadrank producer starting: {}", config);
        loop.start();
        return this;
    }

    private void credentialsRefused(String message) {
        LOG.error("{}; exiting with code {}", message, EXIT_BAD_CONFIG);
        exit.complete(EXIT_BAD_CONFIG);
    }

    /**
     * Waits until the producer must stop on its own (refused credentials) and returns the exit
     * code, or until {@link #close()} (returns 0).
     */
    public int awaitExit() throws InterruptedException {
        try {
            return exit.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    PollLoop loop() {
        return loop;
    }

    /** Stops polling, sends what is buffered (bounded in time) and closes Kafka and JMX. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        LOG.info("loadrank producer stopping");
        loop.close();
        sink.close();
        LOG.info("loadrank producer stopped after {} polls", loop.successfulPolls());
        exit.complete(0);
    }
}
