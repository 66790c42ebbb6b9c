package io.loadrank.steering;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the newest record of every key of the rankings topic (the latest ranking of each slice, as
 * the topology last sent it) to the frozen topic, same key, same partition number: the frozen policy
 * then steers by that one ranking until the next copy. The frozen topic has the rankings topic's
 * partition count, so a slice's records stay where its follower looks for them.
 */
final class RankingFreezer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RankingFreezer.class);
    private static final Duration LOOK_BACK = Duration.ofSeconds(10);

    private final String topic;
    private final String frozenTopic;
    private final KafkaConsumer<String, String> consumer;
    private final KafkaProducer<String, String> producer;

    RankingFreezer(String bootstrapServers, String topic, String frozenTopic) {
        this.topic = topic;
        this.frozenTopic = frozenTopic;
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, "steering-freezer");
        consumer = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer());
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "steering-freezer");
        producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    /** Copies the records of the last {@link #LOOK_BACK}; returns how many keys it copied. */
    int freeze() {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        Map<TopicPartition, Long> since = new HashMap<>();
        long from = System.currentTimeMillis() - LOOK_BACK.toMillis();
        partitions.forEach(tp -> since.put(tp, from));
        Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(since, Duration.ofSeconds(10));
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
        Map<String, ConsumerRecord<String, String>> newest = new HashMap<>();
        for (TopicPartition tp : partitions) {
            OffsetAndTimestamp start = starts.get(tp);
            consumer.seek(tp, start == null ? ends.get(tp) : start.offset());
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))
                && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.key() != null) {
                    newest.put(record.key(), record);
                }
            }
        }
        for (ConsumerRecord<String, String> record : newest.values()) {
            producer.send(new ProducerRecord<>(frozenTopic, record.partition(), record.key(), record.value()));
        }
        producer.flush();
        if (newest.isEmpty()) {
            LOG.warn(
                    "no ranking on {} in the last {} s: nothing frozen, the frozen policy keeps its last copy",
                    topic,
                    LOOK_BACK.toSeconds());
        }
        return newest.size();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
        producer.close(Duration.ofSeconds(5));
    }
}
