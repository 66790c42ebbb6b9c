package io.loadrank.topology;

import io.loadrank.log.LogThrottle;
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
 * Reads the compacted host-info topic (docs/DATACENTERS.md) from its beginning whenever it starts
 * and then follows it, handing every record as it is, (key, value), to the global ranking bolt,
 * which parses it once and keeps the latest per host.
 *
 * <p>Why not a KafkaSpout: the whole topic must be read at every start (a worker restart too),
 * and nothing is ever committed; a plain consumer with every partition assigned and no group does
 * exactly that, like the {@link ReadBackSpout}. The topic is small (one record per host, kept
 * compact by Kafka), and its records are not anchored: the next start reads them all again.
 *
 * <p>A topic that does not exist yet is looked for again every few seconds (never created by this
 * spout: it must be made compacted); partitions added later are picked up within a minute.
 */
public final class HostInfoSpout extends BaseRichSpout {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(HostInfoSpout.class);

    static final long TOPIC_CHECK_MILLIS = 5_000;
    static final long PARTITION_CHECK_MILLIS = 60_000;

    private final String topic;
    private final String bootstrapServers;
    private final HashMap<String, String> kafkaProperties;

    private transient SpoutOutputCollector collector;
    private transient KafkaConsumer<String, String> consumer;
    private transient List<TopicPartition> assigned;
    private transient Map<TopicPartition, Long> startEnd;
    private transient long nextCheckAt;
    private transient long startedAt;
    private transient long records;
    private transient boolean waitingLogged;
    private transient LogThrottle errorLog;

    public HostInfoSpout(String topic, String bootstrapServers, Map<String, String> kafkaProperties) {
        this.topic = topic;
        this.bootstrapServers = bootstrapServers;
        this.kafkaProperties = new HashMap<>(kafkaProperties);
    }

    @Override
    public void open(Map<String, Object> conf, TopologyContext context, SpoutOutputCollector collector) {
        this.collector = collector;
        this.errorLog = new LogThrottle(30_000);
        this.assigned = new ArrayList<>();
        this.startedAt = System.currentTimeMillis();
        Properties properties = new Properties();
        properties.putAll(kafkaProperties);
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // looking for the topic must not create it: a topic made by auto-creation is not compacted
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "loadrank-hosts-" + context.getThisTaskId());
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumer = new KafkaConsumer<>(properties);
    }

    @Override
    public void nextTuple() {
        long now = System.currentTimeMillis();
        try {
            if (now >= nextCheckAt) {
                nextCheckAt = now + (assigned.isEmpty() ? TOPIC_CHECK_MILLIS : PARTITION_CHECK_MILLIS);
                assignNewPartitions();
            }
            if (assigned.isEmpty()) {
                return;
            }
            ConsumerRecords<String, String> polled = consumer.poll(Duration.ofMillis(100));
            for (ConsumerRecord<String, String> record : polled) {
                collector.emit(TopologyStreams.HOST_INFO_STREAM, new Values(record.key(), record.value()));
            }
            records += polled.count();
            if (startEnd != null && caughtUp()) {
                LOG.info(
                        "host-info topic {}: read {} records from its beginning in {} ms; following it",
                        topic,
                        records,
                        now - startedAt);
                startEnd = null;
            }
        } catch (WakeupException | InterruptException e) {
            throw e;
        } catch (KafkaException e) {
            if (errorLog.tryAcquire(now) >= 0) {
                LOG.warn("cannot read the host-info topic {} from Kafka yet: {}", topic, e.toString());
            }
        }
    }

    /** Assigns the partitions not assigned yet, each from its beginning. */
    private void assignNewPartitions() {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(2));
        if (partitions == null || partitions.isEmpty()) {
            if (!waitingLogged) {
                waitingLogged = true;
                LOG.warn(
                        "host-info topic {} does not exist (yet): every host is ranked fleet-wide only until it does;"
                                + " create it compacted (cleanup.policy=compact)",
                        topic);
            }
            return;
        }
        List<TopicPartition> added = new ArrayList<>();
        for (PartitionInfo partition : partitions) {
            TopicPartition topicPartition = new TopicPartition(topic, partition.partition());
            if (!assigned.contains(topicPartition)) {
                added.add(topicPartition);
            }
        }
        if (added.isEmpty()) {
            return;
        }
        boolean first = assigned.isEmpty();
        assigned.addAll(added);
        consumer.assign(assigned);
        consumer.seekToBeginning(added);
        if (first) {
            startEnd = consumer.endOffsets(assigned);
            LOG.info("reading host-info topic {} from its beginning ({} partitions)", topic, assigned.size());
        } else {
            LOG.info("host-info topic {} has new partitions {}: reading them from their beginning", topic, added);
        }
    }

    private boolean caughtUp() {
        for (Map.Entry<TopicPartition, Long> end : startEnd.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        if (consumer != null) {
            consumer.close(Duration.ofSeconds(5));
            consumer = null;
        }
    }

    @Override
    public void declareOutputFields(OutputFieldsDeclarer declarer) {
        declarer.declareStream(TopologyStreams.HOST_INFO_STREAM, TopologyStreams.HOST_INFO_FIELDS);
    }
}
