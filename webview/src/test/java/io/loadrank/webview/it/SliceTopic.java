package io.loadrank.webview.it;

import io.loadrank.slice.Slice;
import io.loadrank.slice.SliceKey;
import io.loadrank.slice.SliceRanking;
import io.loadrank.slice.SliceRecordFormat;
import io.loadrank.testing.TestProducers;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A rankings topic written as the topology writes it: a plain producer with Kafka's default limits,
 * one record per part of a slice's ranking, keyed {@link SliceKey#text}, on partition
 * {@link SliceKey#partition}, value {@link SliceRecordFormat#write}. Each send waits for its ack.
 */
final class SliceTopic implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final int partitions;

    SliceTopic(String bootstrapServers, String topic, int partitions) {
        this.producer = TestProducers.strings(bootstrapServers);
        this.topic = topic;
        this.partitions = partitions;
    }

    /** Sends the records of {@code ranking}; returns how many parts it took. */
    int send(SliceRanking ranking) throws InterruptedException, ExecutionException, TimeoutException {
        List<String> values = SliceRecordFormat.write(ranking);
        for (int part = 0; part < values.size(); part++) {
            send(new SliceKey(ranking.slice(), part), values.get(part));
        }
        return values.size();
    }

    /** The tombstone of part 0: the slice left. */
    void left(Slice slice) throws InterruptedException, ExecutionException, TimeoutException {
        send(new SliceKey(slice, 0), null);
    }

    /** A record under a key of another format, on partition 0. */
    void other(String key, String value) throws InterruptedException, ExecutionException, TimeoutException {
        producer.send(new ProducerRecord<>(topic, 0, key, value)).get(30, TimeUnit.SECONDS);
    }

    private void send(SliceKey key, String value) throws InterruptedException, ExecutionException, TimeoutException {
        producer.send(new ProducerRecord<>(topic, SliceKey.partition(key.slice(), partitions), key.text(), value))
                .get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        producer.close();
    }
}
