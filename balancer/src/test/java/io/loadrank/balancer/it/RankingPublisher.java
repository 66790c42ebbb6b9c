package io.loadrank.balancer.it;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plays the topology's part: sends a rankings record (the GlobalRankings.json form with the
 * per-datacenter fields) every 500 ms, stamped with the time of sending, until told to stop.
 */
final class RankingPublisher implements AutoCloseable {

    /** A ranked host: matched by {@code hostId} when given, else by {@code host} against node addresses. */
    record Host(String host, String hostId, double dcScore) {}

    private final String topic;
    private final KafkaProducer<String, String> producer;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "rankings-publisher");
        thread.setDaemon(true);
        return thread;
    });
    private volatile List<Host> hosts;

    RankingPublisher(String bootstrapServers, String topic) {
        this.topic = topic;
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        this.producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
        timer.scheduleAtFixedRate(this::send, 0, 500, TimeUnit.MILLISECONDS);
    }

    /** From now on, send a ranking of these hosts (null: send nothing). */
    void rank(List<Host> ranked) {
        hosts = ranked;
    }

    private void send() {
        List<Host> current = hosts;
        if (current != null) {
            producer.send(new ProducerRecord<>(topic, "global", json(current, System.currentTimeMillis())));
        }
    }

    static String json(List<Host> hosts, long rankedAtMillis) {
        JsonObject root = new JsonObject();
        root.addProperty("rankedAt", Instant.ofEpochMilli(rankedAtMillis).toString());
        root.addProperty("rankedAtMillis", rankedAtMillis);
        JsonArray array = new JsonArray();
        int rank = 1;
        for (Host host : hosts.stream()
                .sorted((a, b) -> Double.compare(b.dcScore(), a.dcScore()))
                .toList()) {
            JsonObject entry = new JsonObject();
            entry.addProperty("rank", rank);
            entry.addProperty("host", host.host());
            entry.addProperty("score", host.dcScore());
            entry.addProperty("incomplete", false);
            entry.addProperty("stale", false);
            entry.addProperty("datacenter", "datacenter1");
            entry.addProperty("rack", "rack1");
            if (host.hostId() != null) {
                entry.addProperty("hostId", host.hostId());
            }
            entry.addProperty("dcRank", rank++);
            entry.addProperty("dcScore", host.dcScore());
            array.add(entry);
        }
        root.add("hosts", array);
        root.add("stale", new JsonArray());
        return root.toString();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        producer.close(java.time.Duration.ofSeconds(2));
    }
}
