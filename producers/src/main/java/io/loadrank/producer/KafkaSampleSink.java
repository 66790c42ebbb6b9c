package io.loadrank.producer;

import io.loadrank.hostinfo.HostInfo;
import io.loadrank.hostinfo.HostInfoFormat;
import io.loadrank.kafka.KafkaFailure;
import io.loadrank.message.WireFormat;
import io.loadrank.metric.Metric;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
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
    /** A held topic is tried again after this long at first, and while Kafka itself does not answer. */
    static final long FIRST_RETRY_MILLIS = 1_000;
    /** ... and at most this long apart once it is known to be the topic's own problem. */
    static final long MAX_RETRY_MILLIS = 60_000;
    /** With nothing acknowledged this long after a topic was held, Kafka is the problem, not the topic. */
    static final long OUTAGE_AFTER_MILLIS = 5_000;

    private final io.loadrank.producer.ProducerConfig config;
    private final Producer<String, String> producer;
    private final DropOldestBuffer<ProducerRecord<String, String>> buffer;
    private final OutageLog outage = new OutageLog(LOG, "Kafka");
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Thread sender;
    private final CompletableFuture<String> refused = new CompletableFuture<>();
    private final Map<String, AtomicLong> sentByTopic = new ConcurrentHashMap<>();
    /** Topics Kafka did not take a sample for, each with its samples; the sender thread's only. */
    private final Map<String, HeldTopic> held = new LinkedHashMap<>();

    private final AtomicLong parkedCount = new AtomicLong();
    private final AtomicLong parkedDropped = new AtomicLong();
    private volatile long lastAckMillis;
    private long nextProgressMillis;
    private volatile boolean closing;
    private boolean hostInfoWarned;

    KafkaSampleSink(io.loadrank.producer.ProducerConfig config) {
        this(config, new KafkaProducer<>(producerProperties(config), new StringSerializer(), new StringSerializer()));
    }

    /** A sink sending through {@code producer} (a test's mock). */
    KafkaSampleSink(io.loadrank.producer.ProducerConfig config, Producer<String, String> producer) {
        this.config = config;
        this.buffer = new DropOldestBuffer<>(config.bufferSamples());
        this.producer = producer;
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
            long now = System.currentTimeMillis();
            retryHeldTopics(now);
            reportHeldTopics(now);
            logProgress(now);
            ProducerRecord<String, String> record;
            try {
                record = buffer.take(waitMillis(now), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (record == null) {
                continue;
            }
            HeldTopic hold = held.get(record.topic());
            if (hold != null) {
                park(hold, record);
                continue;
            }
            String notAccepted = trySend(record);
            if (notAccepted != null) {
                if (refused.isDone()) {
                    buffer.putBack(record);
                } else if (isHostInfo(record)) {
                    // never retried in front of the samples: a host-info topic that does not exist
                    // would otherwise hold every metric back; the record is sent again within a minute
                    hostInfoNotAccepted();
                } else {
                    // only this topic waits: the others keep flowing (a topic that does not exist, say)
                    HeldTopic topic = new HeldTopic(record.topic(), now, notAccepted);
                    held.put(record.topic(), topic);
                    park(topic, record);
                }
                if (closing) {
                    return;
                }
            }
        }
    }

    /**
     * Hands {@code record} to the Kafka producer; null when it took it, else why not (no metadata for the topic
     * within {@code max.block.ms}, its buffer full, or Kafka refusing this client for good).
     */
    private String trySend(ProducerRecord<String, String> record) {
        String[] notAccepted = {null};
        try {
            producer.send(record, (metadata, error) -> {
                if (error == null) {
                    acknowledged(record);
                } else if (refusedBy(error)) {
                    notAccepted[0] = error.getMessage();
                } else if (Thread.currentThread() == sender) {
                    // called from inside send(): Kafka never took the record, so it is not lost yet
                    notAccepted[0] = String.valueOf(error.getMessage());
                } else {
                    failed.incrementAndGet();
                    outage.failed(System.currentTimeMillis(), "a sample to " + record.topic() + " failed: " + error);
                }
            });
        } catch (KafkaException e) {
            refusedBy(e);
            notAccepted[0] = e.toString();
        }
        return notAccepted[0];
    }

    private void acknowledged(ProducerRecord<String, String> record) {
        long now = System.currentTimeMillis();
        lastAckMillis = now;
        sent.incrementAndGet();
        long count = sentByTopic
                .computeIfAbsent(record.topic(), topic -> new AtomicLong())
                .incrementAndGet();
        if (count == 1) {
            LOG.info(
                    "first {} acknowledged by Kafka at {} (topic {})",
                    isHostInfo(record) ? "host-info record" : "sample",
                    config.bootstrapServers(),
                    record.topic());
        }
        outage.succeeded(now, failed.get() + " samples lost since start");
    }

    /** Tries again each held topic whose time has come, with its oldest held sample; sends the rest once it takes it. */
    private void retryHeldTopics(long now) {
        for (Iterator<HeldTopic> topics = held.values().iterator(); topics.hasNext(); ) {
            HeldTopic topic = topics.next();
            if (now < topic.retryAtMillis || closing) {
                continue;
            }
            String notAccepted = trySend(topic.parked.peekFirst());
            if (notAccepted != null) {
                topic.reason = notAccepted;
                topic.retryAtMillis = System.currentTimeMillis() + topic.nextDelayMillis();
                continue;
            }
            topic.parked.pollFirst();
            parkedCount.decrementAndGet();
            topics.remove();
            if (topic.reported) {
                LOG.info(
                        "Kafka takes samples for topic {} again after {} s; the {} held back are sent now",
                        topic.name,
                        (now - topic.sinceMillis) / 1000,
                        topic.parked.size() + 1);
            }
            for (ProducerRecord<String, String> record : topic.parked) {
                buffer.putBack(record);
            }
            parkedCount.addAndGet(-topic.parked.size());
            topic.parked.clear();
        }
    }

    /**
     * Names each held topic once it is clear that Kafka itself answers (another topic was acknowledged since it was
     * held): the topic is the problem. While nothing is acknowledged, Kafka is the problem: one outage line.
     */
    private void reportHeldTopics(long now) {
        for (HeldTopic topic : held.values()) {
            if (topic.reported) {
                continue;
            }
            if (lastAckMillis >= topic.sinceMillis) {
                topic.reported = true;
                LOG.warn(
                        "Kafka at {} does not take samples for topic {} ({}): does the topic exist, and may this"
                                + " producer write it? Its samples are held back (the newest {} kept) and tried again"
                                + " every {} s at most; the other topics are sent",
                        config.bootstrapServers(),
                        topic.name,
                        topic.reason,
                        parkCapacity(),
                        MAX_RETRY_MILLIS / 1000);
            } else if (now - topic.sinceMillis >= OUTAGE_AFTER_MILLIS) {
                outage.failed(now, topic.reason);
            }
        }
    }

    private void park(HeldTopic topic, ProducerRecord<String, String> record) {
        if (topic.parked.size() >= parkCapacity()) {
            topic.parked.pollFirst();
            parkedCount.decrementAndGet();
            long dropped = parkedDropped.incrementAndGet();
            if (dropped == 1 || dropped % 1000 == 0) {
                LOG.warn(
                        "topic {} held back: dropping its oldest samples; {} dropped since start", topic.name, dropped);
            }
        }
        topic.parked.addLast(record);
        parkedCount.incrementAndGet();
    }

    /** Samples kept per held topic: its share of the buffer. */
    private int parkCapacity() {
        return Math.max(1, config.bufferSamples() / Metric.values().length);
    }

    /** How long the sender may wait for a sample: until the next retry of a held topic, a second at most. */
    private long waitMillis(long now) {
        long wait = 1000;
        for (HeldTopic topic : held.values()) {
            wait = Math.min(wait, topic.retryAtMillis - now);
        }
        return Math.max(1, wait);
    }

    private void logProgress(long now) {
        long every = config.progressInterval().toMillis();
        if (every <= 0) {
            return;
        }
        if (nextProgressMillis == 0) {
            nextProgressMillis = now + every;
        } else if (now >= nextProgressMillis) {
            nextProgressMillis += every * Math.max(1, (now - nextProgressMillis) / every + 1);
            LOG.info("{}", progress());
        }
    }

    /** One line: what was sent since start, per topic, lost and waiting. */
    String progress() {
        StringBuilder perTopic = new StringBuilder();
        new TreeMap<>(sentByTopic)
                .forEach((topic, count) -> perTopic.append(perTopic.isEmpty() ? "" : ", ")
                        .append(topic)
                        .append(' ')
                        .append(count.get()));
        List<String> heldTopics = new ArrayList<>(held.keySet());
        return sent.get() + " samples sent since start (" + perTopic + "), " + lost() + " lost, " + waiting()
                + " waiting" + (heldTopics.isEmpty() ? "" : "; held back: topic " + String.join(", ", heldTopics));
    }

    /** A topic Kafka did not take a sample for: its samples wait here, apart, so that the others keep flowing. */
    private static final class HeldTopic {
        final String name;
        final long sinceMillis;
        final ArrayDeque<ProducerRecord<String, String>> parked = new ArrayDeque<>();
        String reason;
        long retryAtMillis;
        long delayMillis = FIRST_RETRY_MILLIS;
        boolean reported;

        HeldTopic(String name, long sinceMillis, String reason) {
            this.name = name;
            this.sinceMillis = sinceMillis;
            this.reason = reason;
            this.retryAtMillis = sinceMillis + FIRST_RETRY_MILLIS;
        }

        /** While Kafka itself seems down, retry at once; a topic of its own waits longer each time. */
        long nextDelayMillis() {
            if (!reported) {
                return FIRST_RETRY_MILLIS;
            }
            long delay = delayMillis;
            delayMillis = Math.min(MAX_RETRY_MILLIS, delayMillis * 2);
            return delay;
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

    /** Samples lost: expired in the Kafka producer, or dropped from the full buffer or a held topic's share. */
    long lost() {
        return failed.get() + buffer.dropped() + parkedDropped.get();
    }

    /** Samples not yet handed to Kafka: in the buffer or held back with their topic. */
    long waiting() {
        return buffer.size() + parkedCount.get();
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
        LOG.info("Kafka producer closed: {} samples sent, {} lost, {} left unsent", sent.get(), lost(), waiting());
    }
}
