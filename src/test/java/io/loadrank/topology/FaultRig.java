package io.loadrank.topology;

import io.loadrank.testing.Await;
import io.loadrank.testing.KafkaBroker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * What every topology fault test ({@code *FaultIT}) starts from: a Kafka broker of its own under
 * {@code runDir/kafka} holding the metric topics, the output directory {@code runDir/output}, and
 * the loadrank settings of a topology that reads those topics and writes there (a 3 s read-back
 * overlap, so that the KafkaSpouts alone read soon). A test adds or replaces settings, then starts
 * the topology its own way (run-local.sh or a Storm cluster). Closing it stops the broker.
 */
final class FaultRig implements AutoCloseable {

    private final KafkaBroker broker;
    private final List<String> topics;
    private final OutputFiles files;

    private FaultRig(KafkaBroker broker, List<String> topics, OutputFiles files) {
        this.broker = broker;
        this.topics = List.copyOf(topics);
        this.files = files;
    }

    /**
     * Starts the broker and creates {@code topics} with {@code partitions} partitions each, and
     * {@code moreTopics} (name to partitions: dead letters, rankings).
     */
    static FaultRig start(Path runDir, List<String> topics, int partitions, Map<String, Integer> moreTopics) {
        KafkaBroker broker = KafkaBroker.start(runDir.resolve("kafka"));
        try {
            Map<String, Integer> all = new HashMap<>(moreTopics);
            topics.forEach(topic -> all.put(topic, partitions));
            broker.createTopics(all);
        } catch (RuntimeException | Error e) {
            try {
                broker.close();
            } catch (RuntimeException | Error cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        return new FaultRig(broker, topics, new OutputFiles(runDir.resolve("output")));
    }

    KafkaBroker broker() {
        return broker;
    }

    OutputFiles files() {
        return files;
    }

    /**
     * The settings of a topology on this rig, emitting every {@code emitSecs}: key to a value YAML
     * takes as it is printed (numbers, quoted strings, [lists]); a new map for the test to extend.
     */
    Map<String, String> settings(int emitSecs) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("loadrank.kafka.bootstrap.servers", "\"" + broker.bootstrapServers() + "\"");
        settings.put("loadrank.topics", "[" + String.join(", ", topics) + "]");
        settings.put("loadrank.output.dir", "\"" + files.directory() + "\"");
        settings.put("loadrank.emit.secs", String.valueOf(emitSecs));
        settings.put("loadrank.readback.overlap.secs", "3");
        return settings;
    }

    /** A live feed of {@code hosts} (host to value) into every topic of the rig. */
    LiveFeed liveFeed(SampleFeed feed, Map<String, Double> hosts) {
        return new LiveFeed(feed, topics, hosts, new AtomicBoolean(), new AtomicLong());
    }

    /** Waits until GlobalRankings.txt reads {@code ranking} (e.g. {@code {A=50, C=33, B=17}}). */
    void awaitRanking(Duration deadline, LocalTopologyProcess topology, String ranking) {
        Await.until(
                deadline,
                "GlobalRankings.txt to read " + ranking + " (" + topology.logTail() + ")",
                () -> files.globalRanking().filter(ranking::equals).isPresent());
    }

    /**
     * Waits until the read-back of every topic has ended: from then on the KafkaSpouts alone read
     * the topics, and a read-back still running cannot hide what they miss or count twice what
     * both read in their overlap.
     */
    void awaitReadBacksEnded(Duration deadline, LocalTopologyProcess topology) {
        Await.until(
                deadline,
                "the read-back of every topic to end",
                () -> readBacksEnded(topology).size() == topics.size());
    }

    /** The log lines of the read-backs that have ended. */
    static List<String> readBacksEnded(LocalTopologyProcess topology) {
        return topology.logLines("INFO", "ReadBackSpout", Pattern.compile("read-back finished"));
    }

    /** Writes {@code settings} as a topology configuration file, one {@code key: value} line each. */
    static void writeConfig(Path file, Map<String, String> settings) throws IOException {
        List<String> lines = new ArrayList<>();
        settings.forEach((key, value) -> lines.add(key + ": " + value));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        broker.close();
    }
}
