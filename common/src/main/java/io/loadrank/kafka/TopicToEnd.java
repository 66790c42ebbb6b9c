package io.loadrank.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads everything a topic holds at one moment: every partition from its first offset to the end offset
 * it had when the read began, with no consumer group and nothing committed, keys and values as bytes.
 * Records appended after that moment are not read, so the read ends even while writers go on.
 */
public final class TopicToEnd {

    private static final Duration POLL = Duration.ofMillis(500);

    private TopicToEnd() {}

    /**
     * Calls {@code each} for every record of {@code topic}, partition by partition in offset order, up to
     * the end offsets of the start.
     *
     * @param clientProperties bootstrap servers and any client properties (SASL, SSL); the consumer's own
     *                         settings (deserializers, group, commits) are set here
     * @param deadline         the whole read, metadata included
     * @return the records read
     * @throws TimeoutException                  when the read has not reached the end offsets by the deadline
     * @throws UnknownTopicOrPartitionException when the topic does not exist
     * @throws org.apache.kafka.common.KafkaException when Kafka refuses the read (credentials, ACL) or
     *                                                does not answer the metadata requests by the deadline
     */
    public static long read(
            Map<String, ?> clientProperties,
            String topic,
            Duration deadline,
            Consumer<ConsumerRecord<byte[], byte[]>> each)
            throws TimeoutException {
        long deadlineNanos = System.nanoTime() + deadline.toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties(clientProperties))) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, left(deadlineNanos));
            if (infos == null || infos.isEmpty()) {
                throw new UnknownTopicOrPartitionException("topic " + topic + " does not exist");
            }
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : infos) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, left(deadlineNanos));
            long records = 0;
            while (!reached(consumer, end, deadlineNanos)) {
                if (System.nanoTime() - deadlineNanos >= 0) {
                    throw new TimeoutException("read " + records + " records of " + topic + " in " + deadline
                            + " without reaching the end offsets " + end);
                }
                Duration poll = left(deadlineNanos).compareTo(POLL) < 0 ? left(deadlineNanos) : POLL;
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(poll)) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        each.accept(record);
                        records++;
                    }
                }
            }
            return records;
        }
    }

    private static Map<String, Object> consumerProperties(Map<String, ?> clientProperties) {
        Map<String, Object> properties = new HashMap<>(clientProperties);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // looking at a topic must not create it
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "10000");
        return properties;
    }

    /**
     * Whether every partition's position has reached its end offset. A position asks Kafka when the
     * consumer has none yet (right after the seek); it is bounded by what is left of the deadline.
     */
    private static boolean reached(
            KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end, long deadlineNanos) {
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            if (consumer.position(partition.getKey(), left(deadlineNanos)) < partition.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** What is left of the deadline, at least 1 ms (a zero timeout asks Kafka nothing). */
    private static Duration left(long deadlineNanos) {
        return Duration.ofNanos(Math.max(1_000_000, deadlineNanos - System.nanoTime()));
    }
}
