package io.loadrank.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real broker of scripts/kafka.sh, driven through {@link KafkaBroker} as the other ITs use it. */
class KafkaBrokerIT {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);
    private static final String TOPIC = "round-trip";

    @TempDir
    Path runDir;

    @Test
    void givenARunningBroker_whenRecordsAreProducedAndItRestarts_thenTheRecordsSurviveAndNewOnesFlow() {
        try (KafkaBroker kafka = KafkaBroker.start(runDir)) {
            // given
            kafka.createTopics(Map.of(TOPIC, 2));
            kafka.createTopics(Map.of(TOPIC, 2)); // existing topics are fine
            List<String> before = numbered("before", 10);
            produce(kafka, before);
            assertThat(readFromStart(kafka, before.size())).containsExactlyInAnyOrderElementsOf(before);
            long firstPid = kafka.pid();

            // when
            kafka.restart();

            // then
            assertThat(kafka.pid()).isNotEqualTo(firstPid);
            assertThat(ProcessHandle.of(firstPid).map(ProcessHandle::isAlive).orElse(false))
                    .isFalse();
            assertThat(readFromStart(kafka, before.size())).containsExactlyInAnyOrderElementsOf(before);
            List<String> after = numbered("after", 5);
            produce(kafka, after);
            List<String> all = new ArrayList<>(before);
            all.addAll(after);
            assertThat(readFromStart(kafka, all.size())).containsExactlyInAnyOrderElementsOf(all);
        }
    }

    @Test
    void givenARunningBroker_whenItIsStopped_thenItsProcessIsGoneAndStatusSaysNotRunning() throws Exception {
        // given
        KafkaBroker kafka = KafkaBroker.start(runDir);
        long pid = kafka.pid();
        assertThat(kafka.isRunning()).isTrue();
        assertThat(runStatus(kafka.port())).isZero();

        // when
        kafka.close();

        // then
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .isFalse();
        assertThat(kafka.isRunning()).isFalse();
        assertThat(runStatus(kafka.port())).isEqualTo(3);
    }

    @Test
    void givenNoBroker_whenStatusIsAsked_thenItExitsWithThree() throws Exception {
        assertThat(runStatus(FreePorts.one())).isEqualTo(3);
    }

    private int runStatus(int port) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                        "bash", RepoPaths.script("kafka.sh").toString(), "status")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        runDir.resolve("status.log").toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("LOADRANK_RUN_DIR", runDir.toString());
        builder.environment().put("KAFKA_PORT", Integer.toString(port));
        Process status = builder.start();
        assertThat(status.waitFor(30, TimeUnit.SECONDS))
                .as("kafka.sh status finished")
                .isTrue();
        return status.exitValue();
    }

    private static List<String> numbered(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + "-" + i).toList();
    }

    private static void produce(KafkaBroker kafka, List<String> values) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(TOPIC, value, value)).get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new AssertionError("cannot produce to " + kafka.bootstrapServers(), e);
        }
    }

    /** Reads the topic from the beginning with a new consumer group until {@code expected} values came. */
    private static List<String> readFromStart(KafkaBroker kafka, int expected) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "kafka-broker-it-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(TOPIC));
            Await.until(READ_TIMEOUT, expected + " records from " + TOPIC, () -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
                return values.size() >= expected;
            });
        }
        return values;
    }
}
