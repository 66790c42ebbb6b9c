package io.loadrank.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.loadrank.message.MalformedReason;
import io.loadrank.rankingfile.GlobalRankingFile;
import io.loadrank.rankingfile.RankedHost;
import io.loadrank.testing.Await;
import io.loadrank.testing.KafkaBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault D of docs/RELIABILITY-faults.md (docs/MESSAGES.md, docs/RELIABILITY.md, "malformed messages of every kind, at
 * high rate"): while the topology (its own JVM, scripts/run-local.sh) ranks a live feed, a flood of
 * 600,000 messages is sent as fast as one producer can (pre-encoded byte arrays, lz4, big batches;
 * the rate reached is printed), half of them malformed, of every {@link MalformedReason}, the other
 * half valid samples with the values the hosts report anyway. The rankings must stay what they
 * are, each malformed kind must be counted exactly by reason, the dead-letter topic must hold every
 * malformed message with its reason, and every valid sample must be counted once.
 */
class MalformedFloodFaultIT {

    private static final int EMIT_SECS = 2;
    private static final int WINDOW_SECS = 180;
    private static final int FLOOD = 600_000;
    private static final Duration DEADLINE = Duration.ofSeconds(150);
    private static final List<String> TOPICS = List.of("cpuLoad", "memLoad");
    private static final String DEAD_LETTERS = "deadLetters";
    private static final Map<String, Double> HOSTS = Map.of("A", 60.0, "B", 20.0);
    private static final String RANKING = "{A=75, B=25}";

    @TempDir
    Path runDir;

    @Test
    void
            givenALiveTopology_whenHalfOfAFloodIsMalformedOfEveryKind_thenRankingsStayEachKindIsCountedAndDeadLetteredAndNoSampleIsLost()
                    throws Exception {
        try (FaultRig rig = FaultRig.start(runDir, TOPICS, 2, Map.of(DEAD_LETTERS, 2))) {
            KafkaBroker broker = rig.broker();
            OutputFiles files = rig.files();
            Map<String, String> settings = rig.settings(EMIT_SECS);
            settings.put("loadrank.window.secs", String.valueOf(WINDOW_SECS));
            settings.put("loadrank.stale.after.secs", "300");
            settings.put("loadrank.deadletter.topic", DEAD_LETTERS);
            try (LocalTopologyProcess topology = LocalTopologyProcess.start(runDir.resolve("topology"), settings)) {
                Flood flood;
                try (SampleFeed feed = new SampleFeed(broker.bootstrapServers());
                        LiveFeed live = rig.liveFeed(feed, HOSTS)) {
                    // given: the hosts ranked
                    rig.awaitRanking(DEADLINE, topology, RANKING);
                    // a topology that runs, not one that starts: a malformed message the read-back and
                    // the KafkaSpout both read in their overlap after start is counted twice
                    // (docs/RELIABILITY-faults.md)
                    rig.awaitReadBacksEnded(DEADLINE, topology);
                    // its valid samples' times from now: they must be in the window when they are read
                    flood = new Flood(System.currentTimeMillis());

                    // when: the flood, while a reader watches the global ranking
                    try (RankingWatch watch = new RankingWatch(files)) {
                        double rate = flood.send(broker.bootstrapServers());
                        System.out.printf(
                                "malformed flood: %,d messages (half malformed) sent at %,.0f messages/s "
                                        + "(load average %.1f on %d cores)%n",
                                FLOOD,
                                rate,
                                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                                        .getSystemLoadAverage(),
                                Runtime.getRuntime().availableProcessors());
                        // then: the counts reach what was sent, and the rankings never changed meanwhile
                        for (String topic : TOPICS) {
                            Map<String, Long> expected = flood.malformedLabels(topic);
                            long total = expected.values().stream()
                                    .mapToLong(Long::longValue)
                                    .sum();
                            JsonObject counted = Await.value(
                                    DEADLINE,
                                    total + " malformed messages of " + topic + " counted",
                                    () -> files.json(topic + ".json")
                                            .filter(json -> json.getAsJsonObject("ingest")
                                                            .get("malformedTotal")
                                                            .getAsLong()
                                                    >= total));
                            assertThat(malformedCounts(counted))
                                    .as(topic + ": malformed messages by reason")
                                    .isEqualTo(expected);
                        }
                        watch.assertUnchanged(RANKING);
                    }
                    GlobalRankingFile global = files.globalJson().orElseThrow();
                    assertThat(global.hosts())
                            .extracting(RankedHost::host)
                            .containsExactlyInAnyOrderElementsOf(HOSTS.keySet());
                    for (RankedHost host : global.hosts()) {
                        for (String topic : TOPICS) {
                            assertThat(host.averages().get(topic))
                                    .as(topic + " average of " + host.host())
                                    .isEqualTo(HOSTS.get(host.host()));
                        }
                    }
                }
                // and: every valid sample in Kafka counted once, nothing else lost
                for (String topic : TOPICS) {
                    long expected = TopicContents.samples(broker.bootstrapServers(), topic).values().stream()
                            .mapToLong(Set::size)
                            .sum();
                    assertThat(expected)
                            .as("valid samples of %s in Kafka", topic)
                            .isGreaterThanOrEqualTo(FLOOD / 4);
                    Await.until(
                            DEADLINE,
                            expected + " samples accepted in " + topic + ".json",
                            () -> files.json(topic + ".json")
                                    .map(json -> json.getAsJsonObject("ingest")
                                                    .get("accepted")
                                                    .getAsLong()
                                            == expected)
                                    .orElse(false));
                }
                // and: the dead-letter topic holds each malformed message once, with its topic and reason
                Map<String, Long> deadLetters = new HashMap<>();
                TopicContents.forEachRecord(broker.bootstrapServers(), DEAD_LETTERS, record -> {
                    JsonObject json = JsonParser.parseString(new String(record.value(), StandardCharsets.UTF_8))
                            .getAsJsonObject();
                    assertThat(json.get("reason").getAsString())
                            .isEqualTo(new String(record.key(), StandardCharsets.UTF_8));
                    deadLetters.merge(
                            json.get("topic").getAsString() + "/"
                                    + json.get("reason").getAsString(),
                            1L,
                            Long::sum);
                });
                Map<String, Long> expectedDeadLetters = new HashMap<>();
                for (String topic : TOPICS) {
                    flood.malformedLabels(topic)
                            .forEach((label, count) -> expectedDeadLetters.put(topic + "/" + label, count));
                }
                assertThat(deadLetters).isEqualTo(expectedDeadLetters);
                assertThat(topology.isAlive()).as("the topology JVM lives on").isTrue();
            }
        }
    }

    private static Map<String, Long> malformedCounts(JsonObject topicRanking) {
        Map<String, Long> counts = new HashMap<>();
        topicRanking
                .getAsJsonObject("ingest")
                .getAsJsonObject("malformed")
                .entrySet()
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue().getAsLong()));
        return counts;
    }

    /**
     * The flood, encoded before it is sent: per topic, every second message malformed (the kinds
     * taking turns), the others valid samples of A and B with the values they report anyway, each at
     * a sample time of its own within the last 90 s.
     */
    private static final class Flood {
        private static final MalformedReason[] KINDS = MalformedReason.values();
        private final List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(FLOOD);
        private final Map<String, EnumMap<MalformedReason, Long>> malformed = new HashMap<>();

        Flood(long now) {
            byte[] oversized = ("A," + "1".repeat(600)).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < FLOOD; i++) {
                String topic = TOPICS.get(i % TOPICS.size());
                int n = i / TOPICS.size();
                String host = n % 4 < 2 ? "A" : "B";
                byte[] key = host.getBytes(StandardCharsets.UTF_8);
                byte[] value;
                if (n % 2 == 0) {
                    long time = now - 90_000 + n / 4;
                    value = (host + "," + HOSTS.get(host).intValue() + "," + time).getBytes(StandardCharsets.UTF_8);
                } else {
                    MalformedReason kind = KINDS[(n / 2) % KINDS.length];
                    malformed
                            .computeIfAbsent(topic, t -> new EnumMap<>(MalformedReason.class))
                            .merge(kind, 1L, Long::sum);
                    value = switch (kind) {
                        case EMPTY -> new byte[0];
                        case OVERSIZED -> oversized;
                        case WRONG_FIELD_COUNT -> "A,60,1763800000000,extra".getBytes(StandardCharsets.UTF_8);
                        case BAD_HOST -> "A|B\",60".getBytes(StandardCharsets.UTF_8);
                        case BAD_NUMBER -> "A,sixty".getBytes(StandardCharsets.UTF_8);
                        case NOT_FINITE -> "A,NaN".getBytes(StandardCharsets.UTF_8);
                        case NEGATIVE -> "A,-60".getBytes(StandardCharsets.UTF_8);
                        case BAD_TIMESTAMP -> "A,60,yesterday".getBytes(StandardCharsets.UTF_8);
                        // a record without a value, and one that is not UTF-8 text (a lone continuation byte)
                        case NOT_TEXT -> n % 4 == 1 ? null : new byte[] {'A', ',', '6', (byte) 0x80};
                    };
                }
                records.add(new ProducerRecord<>(topic, key, value));
            }
        }

        /** Sends every record as fast as the producer can; returns the rate reached, in messages per second. */
        double send(String bootstrapServers) {
            long started;
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    bootstrapServers,
                    ProducerConfig.ACKS_CONFIG,
                    "1",
                    ProducerConfig.COMPRESSION_TYPE_CONFIG,
                    "lz4",
                    ProducerConfig.BATCH_SIZE_CONFIG,
                    1 << 20,
                    ProducerConfig.LINGER_MS_CONFIG,
                    20,
                    ProducerConfig.BUFFER_MEMORY_CONFIG,
                    128L << 20,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                    ByteArraySerializer.class.getName(),
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                    ByteArraySerializer.class.getName()))) {
                AtomicReference<Exception> failure = new AtomicReference<>();
                // connected and with metadata before the clock starts: the rate is of sending alone
                TOPICS.forEach(producer::partitionsFor);
                started = System.nanoTime();
                for (ProducerRecord<byte[], byte[]> record : records) {
                    producer.send(record, (metadata, e) -> {
                        if (e != null) {
                            failure.compareAndSet(null, e);
                        }
                    });
                }
                producer.flush();
                double rate = FLOOD / ((System.nanoTime() - started) / 1e9);
                assertThat(failure.get()).as("a send of the flood failed").isNull();
                return rate;
            }
        }

        Map<String, Long> malformedLabels(String topic) {
            Map<String, Long> labels = new HashMap<>();
            malformed.get(topic).forEach((reason, count) -> labels.put(reason.label(), count));
            return labels;
        }
    }

    /**
     * Reads the global ranking in a loop: remembers every ranking line it saw, and the longest time
     * between two successive rankings (by the time the topology made them).
     */
    private static final class RankingWatch implements AutoCloseable {
        private final Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final AtomicLong longestGap = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        RankingWatch(OutputFiles files) {
            thread = new Thread(
                    () -> {
                        long last = 0;
                        while (running.get()) {
                            files.globalRanking().ifPresent(seen::add);
                            try {
                                long rankedAt = files.json("GlobalRankings.json")
                                        .map(json -> json.get("rankedAtMillis").getAsLong())
                                        .orElse(0L);
                                if (last > 0 && rankedAt > last) {
                                    longestGap.accumulateAndGet(rankedAt - last, Math::max);
                                }
                                last = Math.max(last, rankedAt);
                            } catch (RuntimeException e) {
                                seen.add("unreadable GlobalRankings.json: " + e);
                            }
                            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
                        }
                    },
                    "ranking-watch");
            thread.setDaemon(true);
            thread.start();
        }

        void assertUnchanged(String ranking) {
            assertThat(seen).as("every global ranking written during the flood").containsExactly(ranking);
            System.out.printf("malformed flood: longest time between two global rankings %,d ms%n", longestGap.get());
            assertThat(longestGap.get())
                    .as("longest time between two global rankings during the flood, ms")
                    .isLessThanOrEqualTo(3_000L * EMIT_SECS);
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join();
        }
    }
}
