package io.loadrank.balancer.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.slice.Slice;
import io.loadrank.slice.SliceKey;
import io.loadrank.testing.Await;
import io.loadrank.testing.FreePorts;
import io.loadrank.testing.KafkaBroker;
import io.loadrank.testing.ServerScript;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rankings follower against a real broker, and against none. */
class RankingFollowerIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int PARTITIONS = 3;
    private static final Slice SLICE = new Slice("prod", "eu-west");
    private static final Duration LOOK_BACK = Duration.ofSeconds(20);

    @Test
    void givenRecordsOnTheTopic_whenTheFollowerStarts_thenItReadsItsSlicesPartitionFromTheLookBackOnThenEveryNewOne(
            @TempDir Path runDir) throws Exception {
        ServerScript.prepareRunDir(runDir);
        try (KafkaBroker kafka = KafkaBroker.start(runDir)) {
            kafka.createTopics(Map.of("rankings", PARTITIONS));
            int ours = SliceKey.partition(SLICE, PARTITIONS);
            int another = (ours + 1) % PARTITIONS;
            long now = System.currentTimeMillis();
            try (KafkaProducer<String, String> producer = producer(kafka.bootstrapServers())) {
                send(producer, ours, now - 60_000, "old-1");
                send(producer, ours, now - 30_000, "old-2");
                send(producer, ours, now - 5_000, "recent-1");
                send(producer, another, now - 1_000, "other-partition");
                send(producer, ours, now - 1_000, "recent-2");
                List<String> seen = new CopyOnWriteArrayList<>();
                AtomicInteger afterPolls = new AtomicInteger();
                try (RankingFollower follower =
                        follower(kafka.bootstrapServers(), (key, value) -> seen.add(value), afterPolls)) {
                    follower.start();
                    Await.until(WAIT, "the records of the look-back", () -> seen.contains("recent-2"));
                    send(producer, another, System.currentTimeMillis(), "other-new");
                    send(producer, ours, System.currentTimeMillis(), "new");
                    Await.until(WAIT, "the new record", () -> seen.contains("new"));

                    assertThat(seen).containsExactly("recent-1", "recent-2", "new");
                    assertThat(follower.kafkaReachable()).isTrue();
                    assertThat(follower.outages()).isZero();
                    assertThat(afterPolls.get()).isPositive();
                }
            }
        }
    }

    @Test
    void givenOnlyRecordsOlderThanTheLookBack_whenTheFollowerStarts_thenItStartsAtTheEnd(@TempDir Path runDir)
            throws Exception {
        ServerScript.prepareRunDir(runDir);
        try (KafkaBroker kafka = KafkaBroker.start(runDir)) {
            kafka.createTopics(Map.of("rankings", PARTITIONS));
            int ours = SliceKey.partition(SLICE, PARTITIONS);
            try (KafkaProducer<String, String> producer = producer(kafka.bootstrapServers())) {
                send(producer, ours, System.currentTimeMillis() - 60_000, "old");
                List<String> seen = new CopyOnWriteArrayList<>();
                AtomicInteger afterPolls = new AtomicInteger();
                try (RankingFollower follower =
                        follower(kafka.bootstrapServers(), (key, value) -> seen.add(value), afterPolls)) {
                    follower.start();
                    Await.until(WAIT, "the follower to poll", () -> afterPolls.get() > 3);
                    send(producer, ours, System.currentTimeMillis(), "new");
                    Await.until(WAIT, "the new record", () -> seen.contains("new"));

                    assertThat(seen).containsExactly("new");
                }
            }
        }
    }

    @Test
    void givenNoBrokerAtAll_whenTheFollowerRuns_thenOneOutageAndCloseReturnsPromptly() {
        AtomicInteger afterPolls = new AtomicInteger();
        RankingFollower follower = follower("127.0.0.1:" + FreePorts.one(), (key, value) -> {}, afterPolls);
        follower.start();
        Await.until(WAIT, "the outage to be noticed", () -> !follower.kafkaReachable());
        int pollsAtOutage = afterPolls.get();
        Await.until(WAIT, "a few more attempts", () -> afterPolls.get() >= pollsAtOutage + 2);

        long start = System.nanoTime();
        follower.close();

        assertThat(follower.outages()).isEqualTo(1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    private static RankingFollower follower(
            String bootstrap, java.util.function.BiConsumer<String, String> onRecord, AtomicInteger afterPolls) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "200");
        return new RankingFollower(
                "rankings", SLICE, LOOK_BACK, properties, onRecord, afterPolls::incrementAndGet, "it");
    }

    private static void send(KafkaProducer<String, String> producer, int partition, long timestamp, String value)
            throws Exception {
        producer.send(new ProducerRecord<>("rankings", partition, timestamp, new SliceKey(SLICE, 0).text(), value))
                .get(10, TimeUnit.SECONDS);
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
    }
}
