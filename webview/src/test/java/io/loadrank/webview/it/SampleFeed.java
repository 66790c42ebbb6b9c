package io.loadrank.webview.it;

import io.loadrank.message.WireFormat;
import io.loadrank.testing.TestProducers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Every host reports its value of the moment to every topic every 250 ms, as the producers would;
 * the hosts named in {@code silenced} (which the test may change) send nothing.
 */
final class SampleFeed implements AutoCloseable {

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    SampleFeed(
            KafkaProducer<String, String> producer,
            List<String> topics,
            Map<String, Double> values,
            Set<String> silenced) {
        thread = new Thread(
                () -> {
                    while (running.get()) {
                        long now = System.currentTimeMillis();
                        for (String topic : topics) {
                            new LinkedHashMap<>(values).forEach((host, value) -> {
                                if (!silenced.contains(host)) {
                                    producer.send(
                                            new ProducerRecord<>(topic, host, WireFormat.encode(host, value, now)));
                                }
                            });
                        }
                        LockSupport.parkNanos(250_000_000L);
                    }
                },
                "view-feed");
        thread.setDaemon(true);
        thread.start();
    }

    /** A producer as the feeds and tests of the view's ITs write with. */
    static KafkaProducer<String, String> producer(String bootstrapServers) {
        return TestProducers.strings(bootstrapServers);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join();
    }
}
