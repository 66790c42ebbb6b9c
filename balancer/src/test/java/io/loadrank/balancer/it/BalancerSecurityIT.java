package io.loadrank.balancer.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.balancer.config.LoadAwarePolicySettings;
import io.loadrank.balancer.config.LoadRankConfig;
import io.loadrank.balancer.kafka.RankingFollower;
import io.loadrank.slice.Slice;
import io.loadrank.slice.SliceKey;
import io.loadrank.testing.Await;
import io.loadrank.testing.KafkaBroker;
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
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The balancer's rankings follower on the secured broker of {@code kafka.sh start --secure}, configured as an
 * application configures it ({@code advanced.loadrank.kafka-properties-file}): with the balancer's principal it
 * reads the rankings; with one that may not READ them it logs one warning for the whole outage, naming the
 * refusal and the topic, and no secret.
 */
class BalancerSecurityIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TOPIC = "loadRankings";
    private static final Slice SLICE = new Slice("prod", "eu-west");
    /** long enough for the records sent before the test */
    private static final Duration LOOK_BACK = Duration.ofMinutes(10);

    @TempDir
    static Path runDir;

    private static KafkaBroker broker;

    @BeforeAll
    static void startSecuredKafkaWithRankings() throws Exception {
        broker = KafkaBroker.startSecure(runDir.resolve("kafka"));
        broker.createTopics(Map.of(TOPIC, 1));
        Map<String, Object> admin = new java.util.HashMap<>(broker.clientConfig("admin"));
        admin.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        admin.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(admin)) {
            for (int i = 1; i <= 3; i++) {
                producer.send(new ProducerRecord<>(TOPIC, new SliceKey(SLICE, 0).text(), "r" + i))
                        .get(10, TimeUnit.SECONDS);
            }
        }
    }

    @AfterAll
    static void stopKafka() {
        if (broker != null) {
            broker.close();
        }
    }

    /** The follower's consumer properties as the policy makes them from the driver configuration. */
    private static Properties consumerOf(String user) {
        LoadAwarePolicySettings settings = LoadAwarePolicySettings.builder()
                .bootstrapServers(broker.bootstrapServers())
                .kafkaPropertiesFile(broker.clientPropertiesFile(user).toString())
                .build();
        Properties properties = LoadRankConfig.kafkaProperties(settings);
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        return RankingFollower.consumerSettings(properties, "security-it-" + user);
    }

    @Test
    void givenTheBalancersPrincipal_whenFollowing_thenItReadsTheRankingsWithoutAnOutage() {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (CapturedLog log = CapturedLog.install();
                RankingFollower follower = new RankingFollower(
                        TOPIC,
                        SLICE,
                        LOOK_BACK,
                        consumerOf("balancer"),
                        (key, value) -> seen.add(value),
                        () -> {},
                        "ok")) {
            follower.start();
            Await.until(WAIT, "the rankings records", () -> seen.contains("r3"));

            assertThat(follower.outages()).isZero();
            assertThat(log.lines(RankingFollower.class, Level.WARN, "")).isEmpty();
        }
    }

    @Test
    void givenAPrincipalThatMayNotRead_whenFollowing_thenOneWarningForTheOutageNamesTheRefusalAndTheTopic() {
        AtomicInteger afterPolls = new AtomicInteger();
        try (CapturedLog log = CapturedLog.install();
                RankingFollower follower = new RankingFollower(
                        TOPIC,
                        SLICE,
                        LOOK_BACK,
                        consumerOf("producer"),
                        (key, value) -> {},
                        afterPolls::incrementAndGet,
                        "refused")) {
            follower.start();
            Await.until(WAIT, "the refusal to be noticed", () -> !follower.kafkaReachable());
            int pollsAtOutage = afterPolls.get();
            Await.until(WAIT, "a few more attempts", () -> afterPolls.get() >= pollsAtOutage + 3);

            assertThat(follower.outages()).isEqualTo(1);
            assertThat(follower.recordsRead()).isZero();
            assertThat(log.lines(RankingFollower.class, Level.WARN, "cannot read the rankings topic"))
                    .singleElement()
                    .satisfies(line ->
                            assertThat(line.message()).contains("TopicAuthorizationException", "[" + TOPIC + "]"));
            assertThat(log.all()).isNotEmpty();
            for (String secret : broker.secrets()) {
                assertThat(log.all()).noneMatch(line -> line.message().contains(secret));
            }
        }
    }
}
