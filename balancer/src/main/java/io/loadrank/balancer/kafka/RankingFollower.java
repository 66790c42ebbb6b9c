package io.loadrank.balancer.kafka;

import io.loadrank.balancer.log.RateLimitedLog;
import io.loadrank.slice.Slice;
import io.loadrank.slice.SliceKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the partition of the rankings topic that one slice's records go to, on one daemon thread, and
 * hands every record's key and value to a callback; queries never wait for it. It assigns itself that
 * partition alone (no consumer group, nothing committed: every application instance reads its slice's
 * rankings), starts a bounded time back so the latest whole ranking is known at once, and polls with
 * short timeouts so that {@code afterPoll} runs several times a second (the policy uses it to notice a
 * ranking growing old). Other slices' records on the same partition reach the callback too, which tells
 * them by their key.
 *
 * <p>Kafka unreachable is one warning when it starts and one info line when it ends, whatever the number
 * of attempts in between. While it is not reachable, the rankings simply grow old.
 */
public final class RankingFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RankingFollower.class);

    private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(5);
    /** how long without a record before asking the broker whether it is still there */
    private static final long PROBE_AFTER_NANOS = TimeUnit.SECONDS.toNanos(3);

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    private static final long RETRY_MILLIS = 1000;

    private final String topic;
    private final Slice slice;
    private final Duration lookBack;
    private final Properties consumerProperties;
    private final BiConsumer<String, String> onRecord;
    private final Runnable afterPoll;
    private final String name;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final RateLimitedLog callbackFailures = new RateLimitedLog(LOG, 60, TimeUnit.SECONDS);
    private final Thread thread;

    private volatile KafkaConsumer<String, String> consumer;
    private volatile boolean reachable = true;
    private volatile long outages;
    private volatile long recordsRead;
    private long outageStartNanos;
    private long lastContactNanos;
    private List<TopicPartition> assigned = List.of();

    /**
     * @param slice              the slice whose partition is read
     * @param lookBack           how far back in time to start reading (see {@link #startOffset})
     * @param consumerProperties Kafka client properties: bootstrap servers and any SASL/SSL settings
     * @param onRecord           gets each record's key and value (null for a tombstone); an exception it
     *                           throws is logged, never fatal
     * @param afterPoll          runs after every poll, records or not
     * @param name               names the thread and the log lines (e.g. the driver session and profile)
     */
    public RankingFollower(
            String topic,
            Slice slice,
            Duration lookBack,
            Properties consumerProperties,
            BiConsumer<String, String> onRecord,
            Runnable afterPoll,
            String name) {
        this.topic = topic;
        this.slice = slice;
        this.lookBack = lookBack;
        this.consumerProperties = consumerSettings(consumerProperties, name);
        this.onRecord = onRecord;
        this.afterPoll = afterPoll;
        this.name = name;
        this.thread = new Thread(this::run, "loadrank-rankings-" + name);
        thread.setDaemon(true);
    }

    /**
     * The consumer's properties: the caller's, with what the follower depends on forced (no group, no
     * commits, text values).
     */
    public static Properties consumerSettings(Properties given, String name) {
        Properties properties = new Properties();
        properties.putAll(given);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "loadrank-balancer-" + name);
        return properties;
    }

    public void start() {
        thread.start();
    }

    /** False from the first failed contact with Kafka until the next successful one. */
    public boolean kafkaReachable() {
        return reachable;
    }

    /** Outages seen so far (each logged once). */
    public long outages() {
        return outages;
    }

    public long recordsRead() {
        return recordsRead;
    }

    /** Stops the thread and closes the consumer; returns within a few seconds. */
    @Override
    public void close() {
        closing.countDown();
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn(
                    "[{}] loadrank balancer: the rankings follower did not stop within 10 s; it is a daemon thread and will not keep the JVM alive",
                    name);
        }
    }

    private boolean closing() {
        return closing.getCount() == 0;
    }

    private void run() {
        try {
            while (!closing()) {
                try {
                    if (consumer == null) {
                        consumer = new KafkaConsumer<>(consumerProperties);
                    }
                    if (assigned.isEmpty()) {
                        assign();
                    } else {
                        pollOnce();
                    }
                } catch (WakeupException e) {
                    // close() woke the consumer: the loop condition ends it
                } catch (KafkaException e) {
                    lost(e);
                    pause();
                } catch (RuntimeException e) {
                    // not Kafka's: a bug of ours must not end the thread, and must be seen
                    callbackFailures.warn(
                            "[" + name + "] loadrank balancer: unexpected failure following " + topic + "; retrying in "
                                    + RETRY_MILLIS + " ms",
                            e);
                    pause();
                }
                runAfterPoll();
            }
        } finally {
            KafkaConsumer<String, String> current = consumer;
            if (current != null) {
                try {
                    current.close(Duration.ofSeconds(2));
                } catch (RuntimeException e) {
                    LOG.debug("[{}] loadrank balancer: closing the Kafka consumer failed", name, e);
                }
            }
        }
    }

    private void assign() {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, METADATA_TIMEOUT);
        if (partitions == null || partitions.isEmpty()) {
            lost(new KafkaException("topic " + topic + " does not exist (yet)"));
            pause();
            return;
        }
        TopicPartition partition = new TopicPartition(topic, SliceKey.partition(slice, partitions.size()));
        List<TopicPartition> topicPartitions = List.of(partition);
        consumer.assign(topicPartitions);
        long start = startOffset(partition);
        consumer.seek(partition, start);
        assigned = topicPartitions;
        reached();
        LOG.info(
                "[{}] loadrank balancer: following slice {} on partition {} of {} ({} partitions) on {}, from offset {}",
                name,
                slice,
                partition.partition(),
                topic,
                partitions.size(),
                consumerProperties.getProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG),
                start);
    }

    /**
     * Where to start: the first record written {@code lookBack} ago, or the end when none is that young.
     * Not a count of records before the end: other slices share the partition and a slice may come in
     * many parts, so no count is sure to hold a whole ranking of this slice. Time is: the topology sends
     * every slice at every emit (every 2 s by default), so a look-back of twice max-age holds several whole
     * rankings of the slice whenever the topology runs, and nothing older could be used anyway (a ranking
     * older than max-age demotes nothing). Compaction does not get in the way: it only drops a record once
     * a newer one of its key exists, and the newest ranking's parts are the newest of their keys. What the
     * start reads is bounded by the emits in the look-back times the records of the partition's slices,
     * not by the topic's history. Record times are the topology's clock, which max-age already requires to
     * agree with ours.
     */
    private long startOffset(TopicPartition partition) {
        long since = System.currentTimeMillis() - lookBack.toMillis();
        OffsetAndTimestamp found = consumer.offsetsForTimes(Map.of(partition, since), METADATA_TIMEOUT)
                .get(partition);
        if (found != null) {
            return found.offset();
        }
        return consumer.endOffsets(List.of(partition), METADATA_TIMEOUT).getOrDefault(partition, 0L);
    }

    private void pollOnce() {
        ConsumerRecords<String, String> records = consumer.poll(POLL_TIMEOUT);
        if (!records.isEmpty()) {
            reached();
            for (ConsumerRecord<String, String> record : records) {
                recordsRead++;
                try {
                    onRecord.accept(record.key(), record.value());
                } catch (RuntimeException e) {
                    callbackFailures.warn(
                            "[" + name + "] loadrank balancer: a rankings record could not be used (offset "
                                    + record.offset() + " of " + record.topic() + "-" + record.partition() + ")",
                            e);
                }
            }
        } else if (System.nanoTime() - lastContactNanos > PROBE_AFTER_NANOS) {
            // poll() says nothing when the broker is gone: ask it something that fails when it is
            consumer.endOffsets(assigned, PROBE_TIMEOUT);
            reached();
        }
    }

    private void reached() {
        lastContactNanos = System.nanoTime();
        if (!reachable) {
            reachable = true;
            LOG.info(
                    "[{}] loadrank balancer: Kafka reachable again after {} s; following {} again",
                    name,
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - outageStartNanos),
                    topic);
        }
    }

    private void lost(KafkaException cause) {
        if (reachable) {
            reachable = false;
            outages++;
            outageStartNanos = System.nanoTime();
            LOG.warn(
                    "[{}] loadrank balancer: cannot read the rankings topic {} from {} ({}); queries go on with the driver's "
                            + "plain plans once the latest ranking is older than max-age; retrying quietly",
                    name,
                    topic,
                    consumerProperties.getProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG),
                    cause.toString());
        }
    }

    private void pause() {
        try {
            closing.await(RETRY_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closing.countDown();
        }
    }

    private void runAfterPoll() {
        try {
            afterPoll.run();
        } catch (RuntimeException e) {
            callbackFailures.warn("[" + name + "] loadrank balancer: refreshing the demoted nodes failed", e);
        }
    }
}
