package io.loadrank.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.message.ParseResult;
import io.loadrank.message.WireFormat;
import io.loadrank.testing.Await;
import io.loadrank.testing.KafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator against a real Kafka broker: what it sends is exactly what the pure fleet says. */
class HostSimulatorIT {

    @TempDir
    static Path runDir;

    private static KafkaBroker kafka;

    @BeforeAll
    static void startKafka() {
        kafka = KafkaBroker.start(runDir);
        Map<String, Integer> topics = new HashMap<>();
        for (String topic : SimulatorOptions.defaultTopics()) {
            topics.put(topic, 2);
        }
        kafka.createTopics(topics);
        kafka.createTopics(List.of(new io.loadrank.kafka.TopicCreator.TopicSpec("sim-hosts", 1, true)));
        // the metric topics of the host-info test, apart from those the first test counts
        kafka.createTopics(Map.of("s1", 1, "s2", 1, "s3", 1, "s4", 1, "s5", 1));
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void the_simulator_sends_every_message_of_its_rounds_keyed_by_host_with_the_sample_time() {
        // given 12 hosts at 4 rounds a second for 3 seconds (12 rounds)
        SimulatorOptions options = SimulatorOptions.parse(
                "--hosts",
                "12",
                "--rate",
                "4",
                "--duration",
                "3",
                "--seed",
                "42",
                "--bootstrap-servers",
                kafka.bootstrapServers(),
                "--progress",
                "1");

        // when it runs
        long began = System.nanoTime();
        assertThat(HostSimulator.run(options)).isZero();
        double seconds = (System.nanoTime() - began) / 1e9;

        // then it took the duration (paced, not as fast as possible)
        assertThat(seconds).isBetween(2.5, 15.0);
        // and Kafka holds exactly the messages the fleet generates for those rounds and that start
        HostFleet fleet = HostFleet.create(12, 42, 4);
        List<ConsumerRecord<String, String>> records = readAll(expectedCount(fleet, 12));
        long startMillis =
                records.stream().mapToLong(ConsumerRecord::timestamp).min().orElseThrow();
        Map<String, List<String>> expected = new HashMap<>();
        for (long round = 0; round < 12; round++) {
            fleet.generateRound(
                    round,
                    startMillis,
                    (metric, host, message) -> expected.computeIfAbsent(
                                    metric.defaultTopic() + "/" + host.name(), k -> new ArrayList<>())
                            .add(message.toString()));
        }
        Map<String, List<String>> actual = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            ParseResult parsed = WireFormat.parse(record.value(), 1);
            assertThat(parsed).isInstanceOf(ParseResult.Valid.class);
            String host = ((ParseResult.Valid) parsed).sample().host();
            assertThat(record.key()).isEqualTo(host);
            assertThat(record.timestamp())
                    .isEqualTo(((ParseResult.Valid) parsed).sample().timestampMillis());
            // one host's messages on one topic are in one partition, so they keep their order
            actual.computeIfAbsent(record.topic() + "/" + host, k -> new ArrayList<>())
                    .add(record.value());
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void givenAHostsTopic_whenTheSimulatorStarts_thenItSendsTheHostInfoOfEveryHostKeyedByHost() {
        SimulatorOptions options = SimulatorOptions.parse(
                "--hosts",
                "12",
                "--rate",
                "4",
                "--rounds",
                "2",
                "--seed",
                "7",
                "--bootstrap-servers",
                kafka.bootstrapServers(),
                "--hosts-topic",
                "sim-hosts",
                "--topics",
                "s1,s2,s3,s4,s5",
                "--progress",
                "0");

        assertThat(HostSimulator.run(options)).isZero();

        HostFleet fleet = HostFleet.create(12, 7, 4);
        Map<String, io.loadrank.hostinfo.HostInfo> expected = new HashMap<>();
        fleet.hosts().forEach(host -> expected.put(host.name(), fleet.hostInfo(host)));
        Map<String, io.loadrank.hostinfo.HostInfo> received = new HashMap<>();
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "simulator-hosts-it");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("sim-hosts"));
            Await.until(Duration.ofSeconds(60), "the host info of the 12 hosts", () -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    io.loadrank.hostinfo.HostInfoResult result =
                            io.loadrank.hostinfo.HostInfoFormat.parse(record.key(), record.value());
                    if (result instanceof io.loadrank.hostinfo.HostInfoResult.Ignored) {
                        continue; // topic creation's probe
                    }
                    assertThat(result).isInstanceOf(io.loadrank.hostinfo.HostInfoResult.Valid.class);
                    received.put(record.key(), ((io.loadrank.hostinfo.HostInfoResult.Valid) result).info());
                }
                return received.size() >= expected.size();
            });
        }
        assertThat(received).isEqualTo(expected);
    }

    private static int expectedCount(HostFleet fleet, long rounds) {
        int[] count = {0};
        for (long round = 0; round < rounds; round++) {
            fleet.generateRound(round, 1, (metric, host, message) -> count[0]++);
        }
        return count[0];
    }

    private static List<ConsumerRecord<String, String>> readAll(int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "simulator-it");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(SimulatorOptions.defaultTopics());
            Await.until(Duration.ofSeconds(60), expected + " records on the five topics", () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
            // nothing beyond the expected rounds
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        assertThat(records).hasSize(expected);
        return records;
    }
}
