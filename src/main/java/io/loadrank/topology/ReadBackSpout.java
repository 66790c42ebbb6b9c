package io.loadrank.topology;

import io.loadrank.log.LogThrottle;
import io.loadrank.message.WireTextDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.storm.spout.SpoutOutputCollector;
import org.apache.storm.task.TopologyContext;
import org.apache.storm.topology.OutputFieldsDeclarer;
import org.apache.storm.topology.base.BaseRichSpout;
import org.apache.storm.tuple.Values;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads back the last window of one topic when a worker starts (docs/WINDOWS.md), so that the
 * first ranking after a start or a restart already covers a full window.
 *
 * <p>Why a spout of its own beside the KafkaSpout: the window lives in memory and is gone after a
 * restart, but the KafkaSpout resumes from its committed offsets (and storm-kafka-client 2.8.3
 * does not implement its TIMESTAMP first-poll strategy), so it cannot re-read the past. This spout
 * seeks every partition to "now minus the window" with {@code offsetsForTimes} and reads on, for
 * at least an overlap period, until it has reached in every partition the offset the KafkaSpout of
 * this topology committed ({@link ReadBackHandover}): then nothing can fall between the two, even
 * when the KafkaSpout took its first position long after start because Kafka was down. What both
 * read is counted once by the rolling bolts' de-duplication. Then it closes its consumer and goes
 * quiet.
 *
 * <p>Once it has read everything that was in the topic when it started, it sends a marker on
 * {@link TopologyStreams#READBACK_DONE_STREAM}; the rolling bolts hold their first emit until the
 * marker has reached them, so the first ranking already covers the whole window.
 *
 * <p>It reads the KafkaSpouts' committed offsets but never joins their group and commits nothing.
 * Its tuples are not anchored: a lost read-back tuple only makes the first window a little thinner.
 */
public final class ReadBackSpout extends BaseRichSpout {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ReadBackSpout.class);

    /** After this long without finishing (Kafka unreachable), the read-back gives up. */
    static final long GIVE_UP_AFTER_MILLIS = 5 * 60_000;
    /** How often a topic that does not exist is looked for. */
    static final long TOPIC_CHECK_MILLIS = 5_000;
    /** How often the warning that it does not exist is repeated. */
    static final long MISSING_TOPIC_LOG_MILLIS = 5 * 60_000;

    private final String topic;
    private final String bootstrapServers;
    private final HashMap<String, String> kafkaProperties;
    private final long windowMillis;
    private final long overlapMillis;
    private final String consumerGroup;

    private transient SpoutOutputCollector collector;
    private transient KafkaConsumer<String, String> consumer;
    private transient long startedAt;
    private transient Map<TopicPartition, Long> historyEnd;
    private transient boolean historyRead;
    private transient long nextHandoverCheck;
    private transient String topologyId;
    private transient boolean done;
    private transient long records;
    private transient LogThrottle errorLog;
    private transient boolean topicMissing;
    private transient long nextTopicCheck;
    private transient LogThrottle missingTopicLog;

    /**
     * @param overlapMillis  how long it reads at least, overlapping the KafkaSpout
     * @param consumerGroup  the KafkaSpouts' consumer group, whose commits tell where they started
     */
    public ReadBackSpout(
            String topic,
            String bootstrapServers,
            Map<String, String> kafkaProperties,
            long windowMillis,
            long overlapMillis,
            String consumerGroup) {
        this.topic = topic;
        this.bootstrapServers = bootstrapServers;
        this.kafkaProperties = new HashMap<>(kafkaProperties);
        this.windowMillis = windowMillis;
        this.overlapMillis = overlapMillis;
        this.consumerGroup = consumerGroup;
    }

    @Override
    public void open(Map<String, Object> conf, TopologyContext context, SpoutOutputCollector collector) {
        this.collector = collector;
        this.startedAt = System.currentTimeMillis();
        this.topologyId = context.getStormId();
        this.errorLog = new LogThrottle(30_000);
        Properties properties = new Properties();
        properties.putAll(kafkaProperties);
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, WireTextDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "loadrank-readback-" + topic + "-" + context.getThisTaskId());
        // the KafkaSpouts' group, only to read what they committed: this consumer assigns its
        // partitions itself (it never joins the group) and commits nothing
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, consumerGroup);
        this.consumer = new KafkaConsumer<>(properties);
    }

    @Override
    public void nextTuple() {
        long now = System.currentTimeMillis();
        if (done) {
            watchMissingTopic(now);
            return;
        }
        try {
            if (consumer.assignment().isEmpty() && !assign(now)) {
                // the topic does not exist yet: there is no history to read back; say so until it does
                announceHistoryRead();
                done = true;
                topicMissing = true;
                nextTopicCheck = now + TOPIC_CHECK_MILLIS;
                missingTopicLog = new LogThrottle(MISSING_TOPIC_LOG_MILLIS);
                warnMissingTopic(now);
                return;
            }
            ConsumerRecords<String, String> polled = consumer.poll(Duration.ofMillis(50));
            for (ConsumerRecord<String, String> record : polled) {
                collector.emit(new Values(record.value(), record.timestamp()));
            }
            records += polled.count();
            if (!historyRead && reached(historyEnd)) {
                announceHistoryRead();
                LOG.info(
                        "topic {}: read back the last {} s ({} records) in {} ms",
                        topic,
                        windowMillis / 1000,
                        records,
                        now - startedAt);
            }
            if (historyRead && now - startedAt >= overlapMillis && now >= nextHandoverCheck) {
                // a look at the committed offsets is a request to Kafka: once a second is enough
                nextHandoverCheck = now + 1_000;
                if (ReadBackHandover.reachedSpoutStart(
                        positions(), consumer.committed(consumer.assignment()), topologyId)) {
                    finish(
                            now,
                            "read-back finished where the KafkaSpout took over, " + records
                                    + " records with the overlap");
                    return;
                }
            }
        } catch (WakeupException | InterruptException e) {
            throw e;
        } catch (KafkaException e) {
            long heldBack = errorLog.tryAcquire(now);
            if (heldBack >= 0) {
                LOG.warn("read-back of topic {} cannot read from Kafka yet: {}", topic, e.toString());
            }
        }
        giveUpIfTooLate(now);
    }

    /** Assigns every partition of the topic, positioned at "now minus the window"; false if the topic is not there yet. */
    private boolean assign(long now) {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5));
        if (partitions == null || partitions.isEmpty()) {
            return false;
        }
        List<TopicPartition> topicPartitions = new ArrayList<>();
        Map<TopicPartition, Long> since = new HashMap<>();
        for (PartitionInfo partition : partitions) {
            TopicPartition topicPartition = new TopicPartition(topic, partition.partition());
            topicPartitions.add(topicPartition);
            since.put(topicPartition, now - windowMillis);
        }
        consumer.assign(topicPartitions);
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(since);
        historyEnd = consumer.endOffsets(topicPartitions);
        for (TopicPartition topicPartition : topicPartitions) {
            OffsetAndTimestamp offset = offsets.get(topicPartition);
            // no record that recent: nothing to read back in that partition
            consumer.seek(topicPartition, offset != null ? offset.offset() : historyEnd.get(topicPartition));
        }
        LOG.info(
                "reading back the last {} s of topic {} ({} partitions)",
                windowMillis / 1000,
                topic,
                topicPartitions.size());
        return true;
    }

    private Map<TopicPartition, Long> positions() {
        Map<TopicPartition, Long> positions = new HashMap<>();
        for (TopicPartition partition : consumer.assignment()) {
            positions.put(partition, consumer.position(partition));
        }
        return positions;
    }

    private boolean reached(Map<TopicPartition, Long> offsets) {
        for (Map.Entry<TopicPartition, Long> end : offsets.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** Tells the parsers, behind every record emitted so far, that the history is complete. */
    private void announceHistoryRead() {
        if (!historyRead) {
            historyRead = true;
            collector.emit(TopologyStreams.READBACK_DONE_STREAM, new Values(topic));
        }
    }

    private void giveUpIfTooLate(long now) {
        if (!done && now - startedAt > GIVE_UP_AFTER_MILLIS) {
            announceHistoryRead();
            finish(
                    now,
                    historyRead
                            ? "stopped after " + GIVE_UP_AFTER_MILLIS / 1000 + " s with " + records
                                    + " records without seeing "
                                    + "the KafkaSpout's commits in every partition: records appended before it started may be missing"
                            : "gave up after " + GIVE_UP_AFTER_MILLIS / 1000 + " s with " + records
                                    + " records: the first rankings cover less than a full window");
        }
    }

    /** While the topic does not exist: looks for it every few seconds, and says so at most every few minutes. */
    private void watchMissingTopic(long now) {
        if (!topicMissing || now < nextTopicCheck) {
            return;
        }
        nextTopicCheck = now + TOPIC_CHECK_MILLIS;
        List<PartitionInfo> partitions;
        try {
            partitions = consumer.partitionsFor(topic, Duration.ofSeconds(2));
        } catch (WakeupException | InterruptException e) {
            throw e;
        } catch (KafkaException e) {
            return; // Kafka not answering: the spouts say so
        }
        if (partitions == null || partitions.isEmpty()) {
            warnMissingTopic(now);
            return;
        }
        topicMissing = false;
        LOG.info(
                "metric topic {} exists now on Kafka at {}: its samples are ranked as they arrive",
                topic,
                bootstrapServers);
        closeConsumer();
    }

    private void warnMissingTopic(long now) {
        long heldBack = missingTopicLog.tryAcquire(now);
        if (heldBack >= 0) {
            LOG.warn(
                    "{}; said again every {} min until it exists",
                    TopologyKafkaAccess.missingTopicLine(bootstrapServers, topic),
                    MISSING_TOPIC_LOG_MILLIS / 60_000);
        }
    }

    private void finish(long now, String what) {
        done = true;
        LOG.info("topic {}: {} in {} ms", topic, what, now - startedAt);
        closeConsumer();
    }

    private void closeConsumer() {
        if (consumer != null) {
            consumer.close(Duration.ofSeconds(5));
            consumer = null;
        }
    }

    @Override
    public void close() {
        closeConsumer();
    }

    @Override
    public void declareOutputFields(OutputFieldsDeclarer declarer) {
        declarer.declare(TopologyStreams.RECORD_FIELDS);
        declarer.declareStream(TopologyStreams.READBACK_DONE_STREAM, TopologyStreams.READBACK_DONE_FIELDS);
    }
}
