package io.loadrank.producer;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.metric.Metric;
import io.loadrank.testing.Await;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The sink against a mock Kafka producer: a topic Kafka does not take holds back only its own samples. */
class KafkaSampleSinkTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    /** Acknowledges every record at once, except those of a topic that does not exist (yet). */
    private static final class BrokerWithoutTopic extends MockProducer<String, String> {
        volatile String missingTopic;

        BrokerWithoutTopic(String missingTopic) {
            super(true, null, new StringSerializer(), new StringSerializer());
            this.missingTopic = missingTopic;
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<String, String> record, Callback callback) {
            if (record.topic().equals(missingTopic)) {
                // what KafkaProducer does when the topic's metadata does not come within max.block.ms
                TimeoutException error =
                        new TimeoutException("Topic " + record.topic() + " not present in metadata after 2000 ms.");
                callback.onCompletion(null, error);
                return CompletableFuture.failedFuture(error);
            }
            return super.send(record, callback);
        }

        long sentTo(String topic) {
            return history().stream().filter(r -> r.topic().equals(topic)).count();
        }
    }

    @Test
    void a_topic_kafka_does_not_take_holds_back_only_its_own_samples_until_it_exists() {
        ProducerConfig config = ProducerConfig.parse(
                List.of("--host=db-1", "--topic.cpuLoad=noSuchTopic", "--topic.hosts="), Map.of(), () -> "db-1");
        BrokerWithoutTopic kafka = new BrokerWithoutTopic("noSuchTopic");
        KafkaSampleSink sink = new KafkaSampleSink(config, kafka);
        try {
            for (int tick = 0; tick < 10; tick++) {
                for (Metric metric : Metric.values()) {
                    sink.send(metric, 1.0 + tick, 1_000L * (tick + 1));
                }
            }

            Await.until(
                    WAIT,
                    "the four other topics' 10 samples each",
                    () -> List.of("memLoad", "pendingTasks", "readLatency", "writeLatency").stream()
                            .allMatch(topic -> kafka.sentTo(topic) == 10));
            assertThat(kafka.sentTo("noSuchTopic")).isZero();
            Await.until(WAIT, "the missing topic's samples held back", () -> sink.waiting() == 10);
            assertThat(sink.progress())
                    .startsWith("40 samples sent since start (memLoad 10, pendingTasks 10, readLatency 10,"
                            + " writeLatency 10), 0 lost, 10 waiting")
                    .endsWith("held back: topic noSuchTopic");

            kafka.missingTopic = null; // the topic is created

            Await.until(WAIT, "the held samples sent once the topic exists", () -> kafka.sentTo("noSuchTopic") == 10);
            assertThat(sink.waiting()).isZero();
            assertThat(sink.lost()).isZero();
        } finally {
            sink.close();
        }
    }

    @Test
    void a_progress_line_counts_every_topic_lost_and_waiting() {
        ProducerConfig config = ProducerConfig.parse(List.of("--host=db-1"), Map.of(), () -> "db-1");
        BrokerWithoutTopic kafka = new BrokerWithoutTopic("none");
        KafkaSampleSink sink = new KafkaSampleSink(config, kafka);
        try {
            sink.send(Metric.values()[0], 5, 1_000);
            Await.until(WAIT, "one sample sent", () -> kafka.history().size() == 1);

            assertThat(sink.progress()).isEqualTo("1 samples sent since start (cpuLoad 1), 0 lost, 0 waiting");
        } finally {
            sink.close();
        }
    }
}
