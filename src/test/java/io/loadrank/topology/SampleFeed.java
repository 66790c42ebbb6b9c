package io.loadrank.topology;

import io.loadrank.message.WireFormat;
import io.loadrank.testing.TestProducers;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/** Sends samples and raw messages to a real Kafka broker, the way producers do, for the end-to-end tests. */
final class SampleFeed implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    SampleFeed(String bootstrapServers) {
        this(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** A feed with these client properties: bootstrap servers and any security settings. */
    SampleFeed(Map<String, ?> clientConfig) {
        producer = TestProducers.strings(clientConfig);
    }

    /** One sample in the wire format, keyed by host. */
    Future<RecordMetadata> sample(String topic, String host, double value, long sampleTimeMillis) {
        return raw(topic, host, WireFormat.encode(host, value, sampleTimeMillis));
    }

    /** Any record value, well-formed or not (null: a record without a value). */
    Future<RecordMetadata> raw(String topic, String key, String value) {
        return producer.send(new ProducerRecord<>(topic, key, value));
    }

    /** Waits until everything sent so far is acknowledged by the broker. */
    void flushAndCheck(Future<RecordMetadata> last) {
        producer.flush();
        try {
            last.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not acknowledge the samples", e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
