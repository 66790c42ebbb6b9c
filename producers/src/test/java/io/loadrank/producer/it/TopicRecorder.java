package io.loadrank.producer.it;

import io.loadrank.message.ParseResult;
import io.loadrank.message.Sample;
import io.loadrank.message.WireFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads topics back from a real Kafka broker on a thread of its own, from the beginning, and
 * keeps every record parsed with the wire format (a record that does not parse fails the test).
 */
public final class TopicRecorder implements AutoCloseable {

    public record Received(String key, Sample sample) {}

    private final KafkaConsumer<String, String> consumer;
    private final Map<String, List<Received>> byTopic = new ConcurrentHashMap<>();
    private final List<String> malformed = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    public TopicRecorder(String bootstrapServers, List<String> topics) {
        this(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), topics);
    }

    /** Reads with these client properties (bootstrap servers included): a secured broker's user, say. */
    public TopicRecorder(Map<String, String> clientConfig, List<String> topics) {
        Properties props = new Properties();
        props.putAll(clientConfig);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            byTopic.put(topic, new CopyOnWriteArrayList<>());
            partitions.add(new TopicPartition(topic, 0));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        thread = new Thread(this::run, "topic-recorder");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    ParseResult result = WireFormat.parse(record.value(), record.timestamp());
                    if (result instanceof ParseResult.Valid valid) {
                        byTopic.get(record.topic()).add(new Received(record.key(), valid.sample()));
                    } else {
                        malformed.add(record.topic() + ": " + record.value() + " " + result);
                    }
                }
            }
        } catch (WakeupException e) {
            // close() asked us to stop
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** The samples received on {@code topic} so far, in order. */
    public List<Received> received(String topic) {
        return List.copyOf(byTopic.get(topic));
    }

    /** Samples of {@code topic} measured at or after {@code fromMillis}. */
    public List<Sample> samplesSince(String topic, long fromMillis) {
        return received(topic).stream()
                .map(Received::sample)
                .filter(s -> s.timestampMillis() >= fromMillis)
                .toList();
    }

    public List<String> malformed() {
        return List.copyOf(malformed);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(10_000);
    }
}
