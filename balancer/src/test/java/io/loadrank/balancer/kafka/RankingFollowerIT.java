package io.loadrank.balancer.kafka;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void givenRecordsAlreadyOnTheTopic_whenTheFollowerStarts_thenItReadsTheLastFewThenEveryNewOne(@TempDir Path runDir)
            throws Exception {
        ServerScript.prepareRunDir(runDir);
        try (KafkaBroker kafka = KafkaBroker.start(runDir)) {
            kafka.createTopics(Map.of("rankings", 1));
            try (KafkaProducer<String, String> producer = producer(kafka.bootstrapServers())) {
                for (int i = 1; i <= 10; i++) {
                    producer.send(new ProducerRecord<>("rankings", "global", "r" + i))
                            .get(10, TimeUnit.SECONDS);
                }
                List<String> seen = new CopyOnWriteArrayList<>();
                AtomicInteger afterPolls = new AtomicInteger();
                try (RankingFollower follower = new RankingFollower(
                        "rankings", consumer(kafka.bootstrapServers()), seen::add, afterPolls::incrementAndGet, "it")) {
                    follower.start();
                    Await.until(
                            WAIT,
                            "the last records before the end",
                            () -> seen.size() >= RankingFollower.START_RECORDS);
                    producer.send(new ProducerRecord<>("rankings", "global", "r11"))
                            .get(10, TimeUnit.SECONDS);
                    Await.until(WAIT, "the new record", () -> seen.contains("r11"));

                    assertThat(seen).containsExactly("r8", "r9", "r10", "r11");
                    assertThat(follower.kafkaReachable()).isTrue();
                    assertThat(follower.outages()).isZero();
                    assertThat(afterPolls.get()).isPositive();
                }
            }
        }
    }

    @Test
    void givenNoBrokerAtAll_whenTheFollowerRuns_thenOneOutageAndCloseReturnsPromptly() {
        Properties properties = consumer("127.0.0.1:" + FreePorts.one());
        properties.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "200");
        AtomicInteger afterPolls = new AtomicInteger();
        RankingFollower follower =
                new RankingFollower("rankings", properties, value -> {}, afterPolls::incrementAndGet, "it-none");
        follower.start();
        Await.until(WAIT, "the outage to be noticed", () -> !follower.kafkaReachable());
        int pollsAtOutage = afterPolls.get();
        Await.until(WAIT, "a few more attempts", () -> afterPolls.get() >= pollsAtOutage + 2);

        long start = System.nanoTime();
        follower.close();

        assertThat(follower.outages()).isEqualTo(1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    private static Properties consumer(String bootstrap) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return properties;
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
    }
}
