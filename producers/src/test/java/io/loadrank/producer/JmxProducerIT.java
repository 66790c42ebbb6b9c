package io.loadrank.producer;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.message.Sample;
import io.loadrank.producer.it.CqlLoad;
import io.loadrank.producer.it.Servers;
import io.loadrank.producer.it.TopicRecorder;
import io.loadrank.testing.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The producer (docs/PRODUCER.md) against a real Cassandra 5.0.9 and a real Kafka broker,
 * with real read/write load from the Cassandra Java driver, read back from the five topics.
 */
class JmxProducerIT {

    private static final String HOST = "it-db-1.example.org";
    private static final long INTERVAL_MS = 1000;

    @RegisterExtension
    static final Servers.PerClass SERVERS = Servers.perClass(null, null);

    @Test
    void every_metric_arrives_every_interval_but_counted_skips_in_range_and_latency_and_pending_tasks_rise_under_load()
            throws Exception {
        List<String> topics = Servers.TOPICS;
        try (TopicRecorder recorder = new TopicRecorder(SERVERS.kafka().bootstrapServers(), topics);
                CqlLoad load = new CqlLoad(SERVERS.cassandra().cqlPort());
                ProducerApp producer = ProducerApp.toKafka(ProducerConfig.parse(
                        List.of(
                                "--host=" + HOST,
                                "--interval.ms=" + INTERVAL_MS,
                                "--jmx.port=" + SERVERS.cassandra().jmxPort(),
                                "--kafka.bootstrap.servers=" + SERVERS.kafka().bootstrapServers()),
                        Map.of(),
                        () -> "unused"))) {
            // given: a producer on an idle node (one read and one write, so both latency metrics exist)
            load.touch();
            producer.start();
            long idleFrom = Await.value(
                            Duration.ofSeconds(60),
                            "the first read latency sample",
                            () -> recorder.received("readLatency").stream()
                                    .findFirst()
                                    .map(r -> r.sample().timestampMillis()))
                    + 2 * INTERVAL_MS;
            Await.until(
                    Duration.ofSeconds(60),
                    "6 idle intervals of every metric",
                    () -> topics.stream()
                            .allMatch(t -> recorder.samplesSince(t, idleFrom).size() >= 6));
            long loadFrom = System.currentTimeMillis() + INTERVAL_MS;

            // when: real reads and writes keep the node busy
            load.start(256);
            Await.until(
                    Duration.ofSeconds(60),
                    "8 loaded intervals of every metric",
                    () -> topics.stream()
                            .allMatch(t -> recorder.samplesSince(t, loadFrom).size() >= 8));
            long loadTo = System.currentTimeMillis();
            load.stop();
            Await.until(
                    Duration.ofSeconds(30),
                    "the samples up to the end of the load",
                    () -> topics.stream()
                            .allMatch(t -> recorder.samplesSince(t, loadTo).size() >= 1));

            // then: every metric arrives every interval (JMX: but for counted skips), for this host only, in range
            assertThat(recorder.malformed()).isEmpty();
            assertThat(load.completed()).as("requests completed under load").isGreaterThan(1000);
            Set<Long> ticks = new TreeSet<>();
            for (String topic : topics) {
                ticks.addAll(timestamps(recorder, topic, idleFrom, loadTo));
                assertThat(recorder.received(topic)).allSatisfy(r -> {
                    assertThat(r.key()).isEqualTo(HOST);
                    assertThat(r.sample().host()).isEqualTo(HOST);
                });
            }
            // memLoad (from /proc/meminfo) goes out on every tick; the four JMX metrics on every tick
            // whose poll ran: a tick that finds the previous poll still running (a busy node on a busy
            // host) skips JMX and counts it, rather than read values over a sliver of an interval
            assertThat(timestamps(recorder, "memLoad", idleFrom, loadTo))
                    .as("intervals of memLoad")
                    .containsExactlyElementsOf(ticks);
            List<Long> polled = timestamps(recorder, "cpuLoad", idleFrom, loadTo);
            for (String topic : List.of("pendingTasks", "readLatency", "writeLatency")) {
                assertThat(timestamps(recorder, topic, idleFrom, loadTo))
                        .as("intervals of %s, the same polls as cpuLoad", topic)
                        .containsExactlyElementsOf(polled);
            }
            Set<Long> notPolled = new TreeSet<>(ticks);
            polled.forEach(notPolled::remove);
            System.out.printf(
                    "JMX polls under load: %d ticks found the poll still running, %d of them in the checked span%n",
                    producer.loop().skippedTicks(), notPolled.size());
            assertThat((long) notPolled.size())
                    .as("ticks without JMX metrics %s: each one counted as skipped", notPolled)
                    .isLessThanOrEqualTo(producer.loop().skippedTicks());
            List<Long> sorted = new ArrayList<>(ticks);
            for (int i = 1; i < sorted.size(); i++) {
                assertThat(sorted.get(i) - sorted.get(i - 1))
                        .as("gap between samples %d and %d", i - 1, i)
                        .isBetween(INTERVAL_MS / 2, INTERVAL_MS * 3 / 2);
            }
            assertThat(values(recorder, "cpuLoad", idleFrom, loadTo))
                    .allSatisfy(v -> assertThat(v).isBetween(0.0, 100.0));
            assertThat(values(recorder, "memLoad", idleFrom, loadTo))
                    .allSatisfy(v -> assertThat(v).isBetween(0.1, 100.0));
            for (String topic : List.of("pendingTasks", "readLatency", "writeLatency")) {
                assertThat(values(recorder, topic, idleFrom, loadTo))
                        .allSatisfy(v -> assertThat(v).isFinite().isNotNegative());
            }

            // and: latency and pending tasks are higher under load than idle
            for (String topic : List.of("readLatency", "writeLatency")) {
                double idle = mean(values(recorder, topic, idleFrom, loadFrom));
                double loaded = mean(values(recorder, topic, loadFrom, loadTo));
                System.out.printf("%s: idle mean %.1f us, under load mean %.1f us%n", topic, idle, loaded);
                assertThat(loaded).as("%s under load vs idle", topic).isGreaterThan(idle);
            }
            // means, not maxima: a flush or compaction can queue a burst on an idle node
            double idlePending = mean(values(recorder, "pendingTasks", idleFrom, loadFrom));
            double loadedPending = mean(values(recorder, "pendingTasks", loadFrom, loadTo));
            System.out.printf("pendingTasks: idle mean %.1f, under load mean %.1f%n", idlePending, loadedPending);
            assertThat(loadedPending).as("pending tasks under load vs idle").isGreaterThan(idlePending);
        }
    }

    private static List<Long> timestamps(TopicRecorder recorder, String topic, long from, long to) {
        return inWindow(recorder, topic, from, to).stream()
                .map(Sample::timestampMillis)
                .sorted()
                .toList();
    }

    private static List<Double> values(TopicRecorder recorder, String topic, long from, long to) {
        return inWindow(recorder, topic, from, to).stream().map(Sample::value).toList();
    }

    private static List<Sample> inWindow(TopicRecorder recorder, String topic, long from, long to) {
        return recorder.samplesSince(topic, from).stream()
                .filter(s -> s.timestampMillis() < to)
                .collect(Collectors.toList());
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }
}
