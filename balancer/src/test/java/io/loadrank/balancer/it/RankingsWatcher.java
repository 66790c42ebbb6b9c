package io.loadrank.balancer.it;

import io.loadrank.slice.SliceAssembler;
import io.loadrank.slice.SliceHost;
import io.loadrank.slice.SliceKey;
import io.loadrank.slice.SliceRanking;
import io.loadrank.slice.SliceRecordException;
import io.loadrank.slice.SliceRecordFormat;
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
 * Follows the rankings topic (one partition) beside the balancer, on a thread of its own, and keeps
 * every whole slice ranking as it arrived: the ground truth of what the topology said and when, for the closed-loop test's
 * assertions and figures (each is logged as one line).
 */
final class RankingsWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RankingsWatcher.class);

    /** One host of one ranking. */
    record Host(String host, String datacenter, Double dcScore, boolean incomplete, Map<String, Double> averages) {}

    /** One whole slice ranking of the rankings topic, with the time its last part arrived here. */
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
    /** only the watcher's thread uses it */
    private final SliceAssembler assembler = new SliceAssembler();

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
                                take(record.key(), record.value());
                            }
                        }
                    }
                },
                "rankings-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    /** Takes a slice record; a whole slice ranking is kept as one ranking, its score within the slice as dcScore. */
    private void take(String key, String value) {
        long arrived = System.currentTimeMillis();
        if (SliceKey.parse(key) == null || value == null) {
            return; // the topic check's probe, or a tombstone
        }
        try {
            if (!(assembler.accept(SliceRecordFormat.read(value)) instanceof SliceAssembler.Outcome.Complete whole)) {
                return;
            }
            SliceRanking slice = whole.ranking();
            List<Host> hosts = new java.util.ArrayList<>();
            for (SliceHost host : slice.hosts()) {
                Map<String, Double> averages = new LinkedHashMap<>();
                for (int t = 0; t < slice.topics().size(); t++) {
                    double average = host.averages()[t];
                    averages.put(slice.topics().get(t), Double.isNaN(average) ? null : Math.round(average * 10) / 10.0);
                }
                hosts.add(new Host(host.host(), slice.slice().datacenter(), host.score(), host.incomplete(), averages));
            }
            Ranking ranking = new Ranking(slice.rankedAtMillis(), arrived, List.copyOf(hosts));
            rankings.add(ranking);
            LOG.info("{}", ranking);
        } catch (SliceRecordException | RuntimeException e) {
            LOG.warn("unreadable ranking record: {}", value, e);
        }
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
