package io.loadrank.topology;

import io.loadrank.message.ParseResult;
import io.loadrank.message.WireFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Everything a topic holds right now, read from the beginning to the end offsets, the way an auditor would. */
final class TopicContents {

    private TopicContents() {}

    /** Calls {@code each} for every record of {@code topic} from its first offset to its current end. */
    static long forEachRecord(String bootstrapServers, String topic, Consumer<ConsumerRecord<byte[], byte[]>> each) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                "false",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                "10000",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class.getName()))) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long records = 0;
            long deadline = System.currentTimeMillis() + 120_000;
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError(
                            "could not read " + topic + " to its end offsets " + end + " within 120 s");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        each.accept(record);
                        records++;
                    }
                }
            }
            return records;
        }
    }

    /** The valid samples of {@code topic}: host to the set of its sample times (a sample is (host, time)). */
    static Map<String, Set<Long>> samples(String bootstrapServers, String topic) {
        Map<String, Set<Long>> samples = new HashMap<>();
        forEachRecord(bootstrapServers, topic, record -> {
            if (record.value() == null) {
                return;
            }
            String text = new String(record.value(), java.nio.charset.StandardCharsets.UTF_8);
            if (WireFormat.parse(text, record.timestamp()) instanceof ParseResult.Valid valid) {
                samples.computeIfAbsent(valid.sample().host(), host -> new HashSet<>())
                        .add(valid.sample().timestampMillis());
            }
        });
        return samples;
    }
}
