package io.loadrank.simulator;

import io.loadrank.hostinfo.HostInfoFormat;
import io.loadrank.kafka.KafkaAccess;
import io.loadrank.kafka.KafkaFailure;
import io.loadrank.metric.Metric;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends the simulator's messages to Kafka, keyed by host, with the sample time as the record
 * timestamp (so the topology's read-back by time finds them).
 *
 * <p>Built for throughput: large lz4-compressed batches that linger a little, no flush per
 * message, keys encoded once per host, one shared callback that only counts. Keys and values go
 * as bytes; the messages are ASCII (host names and numbers), so the conversion is a plain copy.
 */
final class KafkaMessageSender implements AutoCloseable {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(15);
    private static final long FAILURE_LOG_INTERVAL_NANOS = 10_000_000_000L;
    private static final Duration ACCESS_CHECK_TIMEOUT = Duration.ofSeconds(10);

    private final SimulatorOptions options;
    private final Producer<byte[], byte[]> producer;
    private final byte[][] keys;
    private final String[] topics;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Callback countingCallback = this::onCompletion;
    /** Whether the host-info topic exists; null until first asked. */
    private Boolean hostsTopicExists;

    private final Callback hostInfoCallback = (metadata, exception) -> {
        if (exception != null) {
            failed.incrementAndGet();
            reportFailure(exception);
        }
    };
    private volatile long lastFailureLogNanos = System.nanoTime() - FAILURE_LOG_INTERVAL_NANOS;

    KafkaMessageSender(SimulatorOptions options, HostFleet fleet) {
        this.options = options;
        this.producer =
                new KafkaProducer<>(producerProperties(options), new ByteArraySerializer(), new ByteArraySerializer());
        this.keys = new byte[fleet.hosts().size()][];
        for (SimulatedHost host : fleet.hosts()) {
            keys[host.index()] = host.keyBytes();
        }
        this.topics = new String[Metric.values().length];
        for (Metric metric : Metric.values()) {
            topics[metric.ordinal()] = options.topic(metric);
        }
    }

    static Properties producerProperties(SimulatorOptions options) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "loadrank-simulator");
        props.put(ProducerConfig.ACKS_CONFIG, options.acks());
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, options.compression());
        props.put(ProducerConfig.LINGER_MS_CONFIG, Integer.toString(options.lingerMs()));
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(options.batchSize()));
        // room for a few hundred thousand small records in flight at full speed
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(128L * 1024 * 1024));
        // acks=1 without retries-induced reordering concerns: the simulator is not idempotent-critical,
        // and idempotence needs acks=all
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, Boolean.toString("all".equals(options.acks())));
        // a broker that is not there fails a send within 10 s instead of Kafka's 60 s
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        props.putAll(options.kafkaProperties());
        return props;
    }

    private static Properties adminProperties(SimulatorOptions options) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        props.putAll(options.kafkaProperties());
        return props;
    }

    /**
     * Checks, before the first round, that Kafka answers, accepts the credentials and lets this principal WRITE
     * every metric topic; a topic that does not exist is left to the sends, which count it as failed.
     *
     * @return one line saying what is wrong, with its kind; empty when the simulator may start
     */
    static Optional<KafkaFailure> checkAccess(SimulatorOptions options) {
        Map<String, Set<AclOperation>> required = new TreeMap<>();
        for (Metric metric : Metric.values()) {
            required.put(options.topic(metric), Set.of(AclOperation.WRITE));
        }
        return KafkaAccess.ask(
                adminProperties(options), admin -> KafkaAccess.check(admin, required, ACCESS_CHECK_TIMEOUT));
    }

    /** Hands one message to the producer; never waits for it to be sent. */
    void send(Metric metric, SimulatedHost host, CharSequence message, long sampleTimeMillis) {
        int length = message.length();
        byte[] value = new byte[length];
        for (int i = 0; i < length; i++) {
            value[i] = (byte) message.charAt(i);
        }
        try {
            producer.send(
                    new ProducerRecord<>(topics[metric.ordinal()], null, sampleTimeMillis, keys[host.index()], value),
                    countingCallback);
            sent.incrementAndGet();
        } catch (KafkaException e) {
            // e.g. no metadata within max.block.ms because the broker is down: counted, reported, go on
            failed.incrementAndGet();
            reportFailure(e);
        }
    }

    /** Sends the host-info record of every host of {@code fleet} (when a host-info topic is configured). */
    void sendHostInfo(HostFleet fleet, long timestampMillis) {
        String topic = options.hostsTopic();
        if (topic == null) {
            return;
        }
        if (hostsTopicExists == null) {
            hostsTopicExists = topicExists(topic);
        }
        if (!hostsTopicExists) {
            return;
        }
        for (SimulatedHost host : fleet.hosts()) {
            byte[] value = HostInfoFormat.encode(fleet.hostInfo(host)).getBytes(StandardCharsets.UTF_8);
            try {
                // not counted as sent messages: those are the samples the benchmarks measure
                producer.send(
                        new ProducerRecord<>(topic, null, timestampMillis, keys[host.index()], value),
                        hostInfoCallback);
            } catch (KafkaException e) {
                failed.incrementAndGet();
                reportFailure(e);
            }
        }
    }

    /**
     * Whether {@code topic} exists, asked once: a send to a topic that does not exist blocks for
     * max.block.ms (the broker creates none), which would stall the rounds for every host.
     */
    private boolean topicExists(String topic) {
        try (Admin admin = Admin.create(adminProperties(options))) {
            admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                System.err.println("simulator: there is no topic " + topic
                        + ": no host info is sent (create it compacted,"
                        + " e.g. scripts/kafka.sh create-topics --compacted " + topic + ", or pass --hosts-topic '')");
                return false;
            }
            System.err.println(
                    "simulator: cannot check the topic " + topic + " (" + e.getCause() + "); sending host info anyway");
            return true;
        } catch (TimeoutException | KafkaException e) {
            System.err.println("simulator: cannot check the topic " + topic + " (" + e + "); sending host info anyway");
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void onCompletion(RecordMetadata metadata, Exception exception) {
        if (exception == null) {
            acknowledged.incrementAndGet();
        } else {
            failed.incrementAndGet();
            reportFailure(exception);
        }
    }

    /** At most one line per 10 s, with the count, so a broker outage does not flood the terminal. */
    private void reportFailure(Exception exception) {
        long now = System.nanoTime();
        if (now - lastFailureLogNanos >= FAILURE_LOG_INTERVAL_NANOS) {
            lastFailureLogNanos = now;
            System.err.println("simulator: sending to Kafka failed (" + failed.get() + " failed so far): "
                    + KafkaFailure.classify(
                            exception,
                            "WRITE",
                            options.bootstrapServers(),
                            options.kafkaProperties().get(AdminClientConfig.SECURITY_PROTOCOL_CONFIG)));
        }
    }

    /** Waits until everything handed over so far is sent or has failed. */
    void flush() {
        producer.flush();
    }

    long sent() {
        return sent.get();
    }

    long acknowledged() {
        return acknowledged.get();
    }

    long failed() {
        return failed.get();
    }

    @Override
    public void close() {
        producer.close(CLOSE_TIMEOUT);
    }
}
