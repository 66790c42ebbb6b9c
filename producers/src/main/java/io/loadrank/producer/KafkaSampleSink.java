package io.loadrank.producer;

import io.loadrank.hostinfo.HostInfo;
import io.loadrank.hostinfo.HostInfoFormat;
import io.loadrank.kafka.KafkaFailure;
import io.loadrank.message.WireFormat;
import io.loadrank.metric.Metric;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends samples to Kafka as {@code host,value,epochMillis}, keyed by host, one topic per metric,
 * and the host-info record (JSON, keyed by host) to the host-info topic.
 *
 * <p>The poll loop only appends to a {@link DropOldestBuffer}; a sender thread of its own hands the
 * records to the {@link KafkaProducer}. So a Kafka that is down, or slow to give metadata (which
 * makes {@code send} block up to {@code max.block.ms}), never stalls polling. While Kafka is down
 * the producer's own buffer fills, records older than {@code delivery.timeout.ms} expire, and
 * then the bounded buffer drops its oldest: both counted, and logged once per outage.
 */
final class KafkaSampleSink implements SampleSink {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaSampleSink.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final io.loadrank.producer.ProducerConfig config;
    private final Producer<String, String> producer;
    private final DropOldestBuffer<ProducerRecord<String, String>> buffer;
    private final OutageLog outage = new OutageLog(LOG, "Kafka");
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Thread sender;
    private final CompletableFuture<String> refused = new CompletableFuture<>();
    private volatile boolean closing;
    private boolean hostInfoWarned;

    KafkaSampleSink(io.loadrank.producer.ProducerConfig config) {
        this.config = config;
        this.buffer = new DropOldestBuffer<>(config.bufferSamples());
        this.producer = new KafkaProducer<>(producerProperties(config), new StringSerializer(), new StringSerializer());
        this.sender = new Thread(this::sendLoop, "kafka-sender");
        sender.setDaemon(true);
        sender.start();
    }

    static Properties producerProperties(io.loadrank.producer.ProducerConfig config) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, config.acks());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "loadrank-producer-" + config.host());
        // 5 small records per second: a small buffer is plenty, and keeps the resident memory small
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, "524288");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, "4096");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20"); // the 5 samples of a tick in one request
        // only the sender thread blocks, and a short block keeps close() quick
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "2000");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "120000");
        props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "5000");
        // no client metrics in JMX and no telemetry pushed to the broker: both cost CPU and memory
        // on a database host for nothing the producer uses (docs/BENCHMARKS.md: <= 0.5 % of a core)
        props.put(ProducerConfig.METRIC_REPORTER_CLASSES_CONFIG, "");
        props.put(ProducerConfig.ENABLE_METRICS_PUSH_CONFIG, "false");
        props.putAll(config.kafkaClientProperties());
        return props;
    }

    @Override
    public void send(Metric metric, double value, long timestampMillis) {
        String host = config.host();
        String message = WireFormat.encode(host, value, timestampMillis);
        if (buffer.add(new ProducerRecord<>(config.topic(metric), null, timestampMillis, host, message))) {
            long dropped = buffer.dropped();
            if (dropped == 1 || dropped % 1000 == 0) {
                LOG.warn(
                        "Kafka buffer full ({} samples): dropping the oldest; {} dropped since start",
                        config.bufferSamples(),
                        dropped);
            }
        }
    }

    @Override
    public void sendHostInfo(HostInfo info, long timestampMillis) {
        String topic = config.hostsTopic();
        if (topic == null) {
            return;
        }
        // through the same bounded buffer: a record dropped while Kafka is down is sent again within a minute
        buffer.add(new ProducerRecord<>(topic, null, timestampMillis, info.host(), HostInfoFormat.encode(info)));
    }

    private void sendLoop() {
        while (!closing || buffer.size() > 0) {
            ProducerRecord<String, String> record;
            try {
                record = buffer.take(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (record == null) {
                continue;
            }
            boolean[] notAccepted = {false};
            try {
                producer.send(record, (metadata, error) -> {
                    if (error == null) {
                        sent.incrementAndGet();
                        outage.succeeded(System.currentTimeMillis(), failed.get() + " samples lost since start");
                    } else if (refusedBy(error)) {
                        notAccepted[0] = true;
                    } else if (Thread.currentThread() == sender) {
                        // called from inside send(): Kafka never took the record (no metadata for the
                        // topic within max.block.ms, or its buffer is full), so it is not lost yet
                        notAccepted[0] = true;
                        if (!isHostInfo(record)) {
                            outage.failed(System.currentTimeMillis(), error.toString());
                        }
                    } else {
                        failed.incrementAndGet();
                        outage.failed(
                                System.currentTimeMillis(), "a sample to " + record.topic() + " failed: " + error);
                    }
                });
            } catch (KafkaException e) {
                notAccepted[0] = true;
                if (!refusedBy(e) && !isHostInfo(record)) {
                    outage.failed(System.currentTimeMillis(), e.toString());
                }
            }
            if (notAccepted[0]) {
                if (isHostInfo(record)) {
                    // never retried in front of the samples: a host-info topic that does not exist
                    // would otherwise hold every metric back; the record is sent again within a minute
                    hostInfoNotAccepted();
                } else {
                    buffer.putBack(record);
                }
                if (closing) {
                    return;
                }
            }
        }
    }

    /**
     * True if Kafka refused this client for good (credentials, certificate, a missing WRITE ACL): retrying cannot
     * help, so {@link #refused()} completes with one line naming the cause, once, and the producer stops.
     */
    private boolean refusedBy(Exception error) {
        KafkaFailure failure = KafkaFailure.classify(
                error,
                "WRITE",
                config.bootstrapServers(),
                config.kafkaClientProperties().getProperty(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG));
        if (!failure.fatal()) {
            return false;
        }
        refused.complete(failure.message());
        return true;
    }

    /** Completes, with one line saying why, when Kafka refuses this client for good; never completes otherwise. */
    CompletableFuture<String> refused() {
        return refused;
    }

    private boolean isHostInfo(ProducerRecord<String, String> record) {
        return record.topic().equals(config.hostsTopic());
    }

    private void hostInfoNotAccepted() {
        if (!hostInfoWarned) {
            hostInfoWarned = true;
            LOG.warn(
                    "Kafka did not take the host-info record for topic {} (does the topic exist? create it compacted,"
                            + " or set topic.hosts empty); the metrics are sent all the same, the record again later"
                            + " (reported once)",
                    config.hostsTopic());
        }
    }

    /** Samples Kafka acknowledged. */
    long sent() {
        return sent.get();
    }

    /** Samples lost: expired in the Kafka producer, or dropped from the full buffer. */
    long lost() {
        return failed.get() + buffer.dropped();
    }

    @Override
    public void close() {
        closing = true;
        try {
            sender.join(CLOSE_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // refused for good, nothing left can be delivered; and a graceful close of an idempotent producer after a
        // refusal has the Kafka client try to abort a transaction it does not have, logged with a stack trace
        producer.close(refused.isDone() ? Duration.ZERO : CLOSE_TIMEOUT);
        LOG.info("Kafka producer closed: {} samples sent, {} lost, {} left unsent", sent.get(), lost(), buffer.size());
    }
}
