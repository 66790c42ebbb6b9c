package io.loadrank.balancer.it;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the rankings topic beside the balancer, on a thread of its own, and keeps every record as
 * it arrived: the ground truth of what the topology said and when, for the closed-loop test's
 * assertions and figures (each is logged as one line).
 */
final class RankingsWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RankingsWatcher.class);

    /** One host of one ranking. */
    record Host(String host, String datacenter, Double dcScore, boolean incomplete, Map<String, Double> averages) {}

    /** One record of the rankings topic, with the time it arrived here. */
    record Ranking(long rankedAtMillis, long arrivedAtMillis, List<Host> hosts) {

        Optional<Host> host(String name) {
            return hosts.stream().filter(h -> h.host().equals(name)).findFirst();
        }

        /** Every named host ranked in {@code datacenter} with a score there, and complete. */
        boolean ranksInDatacenter(String datacenter, List<String> names) {
            return names.stream()
                    .allMatch(name -> host(name)
                            .filter(h -> datacenter.equals(h.datacenter()) && h.dcScore() != null && !h.incomplete())
                            .isPresent());
        }

        @Override
        public String toString() {
            StringBuilder line = new StringBuilder("ranking at ")
                    .append(rankedAtMillis % 100_000)
                    .append(':');
            for (Host host : hosts) {
                line.append(String.format(
                        " %s dcScore %s %s%s",
                        host.host(),
                        host.dcScore() == null ? "-" : String.format("%.1f", host.dcScore()),
                        host.averages(),
                        host.incomplete() ? " incomplete" : ""));
            }
            return line.toString();
        }
    }

    private final List<Ranking> rankings = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    RankingsWatcher(String bootstrapServers, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        TopicPartition partition = new TopicPartition(topic, 0);
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        thread = new Thread(
                () -> {
                    try (consumer) {
                        while (running) {
                            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                                take(record.value());
                            }
                        }
                    }
                },
                "rankings-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void take(String value) {
        long arrived = System.currentTimeMillis();
        try {
            JsonObject json = JsonParser.parseString(value).getAsJsonObject();
            List<Host> hosts = new java.util.ArrayList<>();
            for (JsonElement element : json.getAsJsonArray("hosts")) {
                JsonObject host = element.getAsJsonObject();
                Map<String, Double> averages = new LinkedHashMap<>();
                if (host.has("averages") && host.get("averages").isJsonObject()) {
                    host.getAsJsonObject("averages")
                            .entrySet()
                            .forEach(e -> averages.put(
                                    e.getKey(),
                                    e.getValue().isJsonNull()
                                            ? null
                                            : Math.round(e.getValue().getAsDouble() * 10) / 10.0));
                }
                hosts.add(new Host(
                        host.get("host").getAsString(),
                        text(host, "datacenter"),
                        host.has("dcScore") && !host.get("dcScore").isJsonNull()
                                ? host.get("dcScore").getAsDouble()
                                : null,
                        host.has("incomplete") && host.get("incomplete").getAsBoolean(),
                        averages));
            }
            Ranking ranking = new Ranking(json.get("rankedAtMillis").getAsLong(), arrived, List.copyOf(hosts));
            rankings.add(ranking);
            LOG.info("{}", ranking);
        } catch (RuntimeException e) {
            LOG.warn("unreadable ranking record: {}", value, e);
        }
    }

    private static String text(JsonObject json, String field) {
        return json.has(field) && !json.get(field).isJsonNull()
                ? json.get(field).getAsString()
                : null;
    }

    List<Ranking> rankings() {
        return List.copyOf(rankings);
    }

    /** The rankings made at or after {@code fromMillis} that match {@code filter}, in order. */
    List<Ranking> rankedSince(long fromMillis, Predicate<Ranking> filter) {
        return rankings.stream()
                .filter(r -> r.rankedAtMillis() >= fromMillis)
                .filter(filter)
                .toList();
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
