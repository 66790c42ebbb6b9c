package io.loadrank.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.kafka.TopicCreator;
import io.loadrank.kafka.TopicCreator.TopicSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Topic creation on a real broker: every partition has taken a write, and readers see nothing of it. */
class TopicCreatorIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path runDir;

    private static KafkaBroker kafka;
    private static Admin admin;

    @BeforeAll
    static void startBroker() {
        kafka = KafkaBroker.start(runDir);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    @AfterAll
    static void stopBroker() {
        if (admin != null) {
            admin.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void givenNewTopics_whenCreated_thenEveryPartitionHasTakenAWriteThatNoReaderSees() throws Exception {
        // when
        kafka.createTopics(Map.of("fresh-a", 3, "fresh-b", 1));

        // then: each partition has taken one write (end offset 1), and it was deleted (start offset 1)
        for (TopicPartition partition : partitions(Map.of("fresh-a", 3, "fresh-b", 1))) {
            assertThat(offset(partition, OffsetSpec.latest()))
                    .as("end offset of " + partition)
                    .isEqualTo(1);
            assertThat(offset(partition, OffsetSpec.earliest()))
                    .as("start offset of " + partition)
                    .isEqualTo(1);
        }
        assertThat(readAll("fresh-a", 0)).isEmpty();
    }

    @Test
    void givenANewTopic_whenAnIdempotentProducerSendsTheMomentCreateReturns_thenEveryRecordArrivesInOrder()
            throws Exception {
        // given
        kafka.createTopics(Map.of("send-at-once", 2));

        // when: the default producer (idempotent since Kafka 3.0) sends at once, as the demo and the tests do
        List<String> sent = IntStream.range(0, 50).mapToObj(i -> "sample-" + i).toList();
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "20000");
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
            for (String value : sent) {
                acks.add(producer.send(new ProducerRecord<>("send-at-once", value, value)));
            }
            for (java.util.concurrent.Future<?> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
        }

        // then
        assertThat(readAll("send-at-once", sent.size())).containsExactlyInAnyOrderElementsOf(sent);
    }

    @Test
    void givenACompactedTopic_whenCreated_thenItIsCompactedAndHoldsOnlyTheProbeTombstone() throws Exception {
        // when
        kafka.createTopics(List.of(new TopicSpec("hosts-like", 1, true)));

        // then
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "hosts-like");
        Config config = admin.describeConfigs(Set.of(resource))
                .all()
                .get(30, TimeUnit.SECONDS)
                .get(resource);
        assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        List<ConsumerRecord<String, String>> records = readRecords("hosts-like", 1);
        assertThat(records).singleElement().satisfies(probe -> {
            assertThat(probe.key()).isEqualTo(TopicCreator.PROBE_KEY);
            assertThat(probe.value()).isNull();
        });
    }

    @Test
    void givenATopicThatHoldsRecords_whenCreatedAgain_thenItsRecordsStayAndNoProbeIsAdded() throws Exception {
        // given
        kafka.createTopics(Map.of("kept", 1));
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("kept", "h", "one")).get(30, TimeUnit.SECONDS);
        }
        TopicPartition partition = new TopicPartition("kept", 0);
        long endBefore = offset(partition, OffsetSpec.latest());

        // when
        kafka.createTopics(Map.of("kept", 1));

        // then
        assertThat(offset(partition, OffsetSpec.latest())).isEqualTo(endBefore);
        assertThat(readAll("kept", 1)).containsExactly("one");
    }

    private static List<TopicPartition> partitions(Map<String, Integer> topics) {
        return topics.entrySet().stream()
                .flatMap(topic ->
                        IntStream.range(0, topic.getValue()).mapToObj(p -> new TopicPartition(topic.getKey(), p)))
                .collect(Collectors.toList());
    }

    private static long offset(TopicPartition partition, OffsetSpec spec) throws Exception {
        ListOffsetsResultInfo info = admin.listOffsets(Map.of(partition, spec))
                .partitionResult(partition)
                .get(30, TimeUnit.SECONDS);
        return info.offset();
    }

    private static List<String> readAll(String topic, int expected) {
        return readRecords(topic, expected).stream().map(ConsumerRecord::value).toList();
    }

    /** Every record of the topic from its start: waits for {@code expected}, then one more poll for any extra. */
    private static List<ConsumerRecord<String, String>> readRecords(String topic, int expected) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> assigned = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Await.until(TIMEOUT, expected + " records of " + topic, () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        return records;
    }
}
