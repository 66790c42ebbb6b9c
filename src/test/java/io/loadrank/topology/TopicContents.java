package io.loadrank.topology;

import io.loadrank.kafka.TopicToEnd;
import io.loadrank.message.ParseResult;
import io.loadrank.message.WireFormat;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Everything a topic holds right now, read from the beginning to the end offsets, the way an auditor would. */
final class TopicContents {

    private TopicContents() {}

    /** Calls {@code each} for every record of {@code topic} from its first offset to its current end. */
    static long forEachRecord(String bootstrapServers, String topic, Consumer<ConsumerRecord<byte[], byte[]>> each) {
        try {
            return TopicToEnd.read(
                    Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                    topic,
                    Duration.ofSeconds(120),
                    each);
        } catch (TimeoutException e) {
            throw new AssertionError("could not read " + topic + " to its end offsets: " + e.getMessage(), e);
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
