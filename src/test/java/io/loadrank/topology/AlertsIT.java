package io.loadrank.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.loadrank.testing.Await;
import io.loadrank.testing.KafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.storm.Config;
import org.apache.storm.LocalCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alerts end to end (docs/ALERTS.md): a real Kafka broker, the topology in a LocalCluster, a host
 * whose score crosses a rule's threshold, dips below it for less than {@code clear.secs}, comes
 * back, and finally falls for good. Alerts.json follows the alert; the alerts topic gets exactly
 * one firing and one resolved event, the flap counted as a second occurrence.
 */
class AlertsIT {

    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final String ALERT_ID = "hot/H";

    @TempDir
    Path runDir;

    @Test
    void givenAScoreRule_whenTheHostsScoreRisesFlapsAndFalls_thenOneFiringOneResolvedAndTwoOccurrences()
            throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(runDir.resolve("kafka"));
                LocalCluster cluster = new LocalCluster();
                SampleFeed feed = new SampleFeed(broker.bootstrapServers())) {
            String topic = "alerts-cpuLoad";
            String alertsTopic = "alerts-events";
            broker.createTopics(Map.of(topic, 1, alertsTopic, 1));
            OutputFiles files = new OutputFiles(runDir.resolve("output"));

            Map<String, Object> conf = new HashMap<>();
            conf.put(LoadRankSettings.BOOTSTRAP_SERVERS.key(), broker.bootstrapServers());
            conf.put(LoadRankSettings.TOPICS.key(), List.of(topic));
            conf.put(LoadRankSettings.OUTPUT_DIR.key(), files.directory().toString());
            conf.put(LoadRankSettings.CONSUMER_GROUP.key(), "alerts-group");
            conf.put(LoadRankSettings.WINDOW_SECS.key(), 2);
            conf.put(LoadRankSettings.EMIT_SECS.key(), 1);
            conf.put(LoadRankSettings.STALE_AFTER_SECS.key(), 300);
            conf.put(LoadRankSettings.READBACK_ENABLED.key(), false);
            conf.put(
                    LoadRankSettings.ALERTS.key(),
                    List.of(Map.of("name", "hot", "when", "score", "above", 70, "for.secs", 2, "clear.secs", 8)));
            conf.put(LoadRankSettings.ALERTS_TOPIC.key(), alertsTopic);
            conf.put(LoadRankSettings.TOPOLOGY_NAME.key(), "alerts");
            conf.put(Config.TOPOLOGY_MESSAGE_TIMEOUT_SECS, 30);
            Config stormConf = LoadRankTopology.stormConfig(conf, runDir);
            cluster.submitTopology(
                    "alerts", stormConf, LoadRankTopologyFactory.build(LoadRankSettings.from(stormConf)));

            AtomicReference<Double> valueOfH = new AtomicReference<>(90.0);
            try (Feeder feeder = new Feeder(feed, topic, valueOfH)) {
                // H reports 90 and A 10: H's score is 90, above 70
                JsonObject firing = awaitAlert(
                        files, "the alert firing", alert -> alert.get("holding").getAsBoolean());
                assertThat(firing.get("occurrences").getAsInt()).isEqualTo(1);

                // a dip below 70 shorter than clear.secs: the alert keeps firing, clearing
                valueOfH.set(10.0); // score 50
                awaitAlert(
                        files,
                        "the alert clearing",
                        alert -> !alert.get("holding").getAsBoolean());
                valueOfH.set(90.0);
                JsonObject back = awaitAlert(
                        files,
                        "the condition back, a second occurrence",
                        alert -> alert.get("holding").getAsBoolean()
                                && alert.get("occurrences").getAsInt() == 2);
                assertThat(back.get("firstSeenMillis").getAsLong())
                        .isEqualTo(firing.get("firstSeenMillis").getAsLong());

                // for good below 70: resolved after clear.secs
                valueOfH.set(10.0);
                Await.until(
                        DEADLINE,
                        "the alert gone from Alerts.json",
                        () -> files.json("Alerts.json")
                                .filter(json -> active(json, ALERT_ID).isEmpty())
                                .isPresent());
            }

            List<JsonObject> events = readEvents(broker.bootstrapServers(), alertsTopic, 2);
            assertThat(events)
                    .extracting(event -> event.get("state").getAsString())
                    .containsExactly("firing", "resolved");
            assertThat(events)
                    .extracting(event -> event.get("id").getAsString())
                    .containsOnly(ALERT_ID);
            assertThat(events.get(0).get("occurrences").getAsInt()).isEqualTo(1);
            JsonObject resolved = events.get(1);
            assertThat(resolved.get("occurrences").getAsInt()).isEqualTo(2);
            assertThat(resolved.get("value").getAsDouble())
                    .as("the last value above the threshold")
                    .isGreaterThan(70);
            assertThat(resolved.get("firstSeenMillis").getAsLong())
                    .isEqualTo(events.get(0).get("firstSeenMillis").getAsLong());
            assertThat(resolved.get("message").getAsString()).startsWith("score of H is ");
        }
    }

    private static JsonObject awaitAlert(
            OutputFiles files, String what, java.util.function.Predicate<JsonObject> condition) {
        return Await.value(
                DEADLINE,
                what + " in Alerts.json",
                () -> files.json("Alerts.json")
                        .flatMap(json -> active(json, ALERT_ID))
                        .filter(condition));
    }

    private static Optional<JsonObject> active(JsonObject alertsJson, String id) {
        for (JsonElement alert : alertsJson.getAsJsonArray("active")) {
            if (alert.getAsJsonObject().get("id").getAsString().equals(id)) {
                return Optional.of(alert.getAsJsonObject());
            }
        }
        return Optional.empty();
    }

    /** Every event on the alerts topic, once {@code expected} have arrived and one more poll found no more. */
    private static List<JsonObject> readEvents(String bootstrapServers, String topic, int expected) {
        List<JsonObject> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "alerts-reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName()))) {
            consumer.subscribe(List.of(topic));
            Await.until(DEADLINE, expected + " alert events on " + topic, () -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    JsonObject event = JsonParser.parseString(record.value()).getAsJsonObject();
                    assertThat(record.key()).isEqualTo(event.get("id").getAsString());
                    events.add(event);
                }
                return events.size() >= expected;
            });
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(2))) {
                events.add(JsonParser.parseString(record.value()).getAsJsonObject());
            }
        }
        return events;
    }

    /** H and A report every 200 ms: A 10, H the value of the moment. */
    private static final class Feeder implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        Feeder(SampleFeed feed, String topic, AtomicReference<Double> valueOfH) {
            Map<String, Double> fixed = new LinkedHashMap<>(Map.of("A", 10.0));
            thread = new Thread(
                    () -> {
                        long next = System.currentTimeMillis();
                        while (running.get()) {
                            long now = System.currentTimeMillis();
                            if (now >= next) {
                                fixed.forEach((host, value) -> feed.sample(topic, host, value, now));
                                feed.sample(topic, "H", valueOfH.get(), now);
                                next = now + 200;
                            }
                            java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
                        }
                    },
                    "alerts-feed");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join();
        }
    }
}
