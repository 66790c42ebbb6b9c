package io.loadrank.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.loadrank.rankingfile.GlobalRankingFile;
import io.loadrank.rankingfile.RankedHost;
import io.loadrank.testing.Await;
import io.loadrank.testing.KafkaBroker;
import io.loadrank.testing.Processes;
import io.loadrank.testing.RepoPaths;
import io.loadrank.testing.StormClusterProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault B of docs/RELIABILITY-faults.md (docs/WINDOWS.md, docs/RELIABILITY.md, "Storm worker killed"): the topology
 * jar on the multi-process cluster of scripts/storm-cluster.sh, fed live, and its worker JVM killed
 * with SIGKILL. The Supervisor must start a new worker, and its first ranking must cover the whole
 * window again: equal to the last one before the kill except for the samples of the gap.
 *
 * <p>Three "live" hosts keep reporting constant values, so only their sample counts may differ by
 * the gap. Once the topology ranks them, three "history" hosts send a minute of samples (sample
 * times of the last minute, values that change every second) and go quiet (staleAfter is longer
 * than the test): the KafkaSpouts read those, and after the kill only the new worker's read-back
 * can bring them back, so their averages are only right if every one of their samples is back.
 */
class WorkerKillFaultIT {

    private static final String NAME = "loadrank-worker-kill";
    private static final int WINDOW_SECS = 300;
    private static final Duration DEADLINE = Duration.ofSeconds(240);
    private static final List<String> TOPICS = List.of("cpuLoad", "memLoad");
    private static final List<String> HISTORY_HOSTS = List.of("H1", "H2", "H3");
    private static final Map<String, Double> LIVE_HOSTS = Map.of("L1", 30.0, "L2", 10.0, "L3", 20.0);

    @TempDir
    Path runDir;

    @Test
    void
            givenATopologyOnACluster_whenItsWorkerIsKilled_thenTheSupervisorRestartsItAndItsFirstRankingEqualsTheOneBefore()
                    throws Exception {
        Path jar = RepoPaths.root().resolve("target/loadrank-topology.jar");
        assertThat(jar).as("the shaded jar from mvn package").exists();
        Path config = runDir.resolve("topology.yaml");
        try (FaultRig rig = FaultRig.start(runDir, TOPICS, 2, Map.of());
                StormClusterProcess cluster = StormClusterProcess.start(runDir.resolve("storm"))) {
            KafkaBroker broker = rig.broker();
            OutputFiles files = rig.files();
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("topology.workers", "1");
            settings.put("loadrank.topology.name", NAME);
            settings.putAll(rig.settings(2));
            settings.put("loadrank.window.secs", String.valueOf(WINDOW_SECS));
            settings.put("loadrank.stale.after.secs", "600");
            FaultRig.writeConfig(config, settings);
            try (SampleFeed feed = new SampleFeed(broker.bootstrapServers())) {
                try (LiveFeed live = rig.liveFeed(feed, LIVE_HOSTS)) {
                    cluster.submit(jar, "io.loadrank.topology.LoadRankTopology", config);
                    Await.until(
                            DEADLINE,
                            "the first ranking (worker logs in " + cluster.logDir() + ")",
                            () -> files.globalRanking()
                                    .filter(ranking -> ranking.split("=").length == 4)
                                    .isPresent());
                    // given: the history hosts' minute, sent while the topology runs, so the KafkaSpouts read it
                    // (only the read-back of the restarted worker can bring it back), and every host ranked
                    sendHistory(feed, System.currentTimeMillis());
                    Rankings before = awaitCompleteRankings(files, cluster);
                    List<Long> workers = cluster.workerPids();
                    assertThat(workers).as("worker JVMs").hasSize(1);

                    // when: the worker is killed
                    ProcessHandle.of(workers.get(0)).orElseThrow().destroyForcibly();
                    Await.until(
                            Duration.ofSeconds(30),
                            "the worker to die",
                            () -> !cluster.workerPids().contains(workers.get(0)));
                    long deadAt = System.currentTimeMillis();

                    // then: the Supervisor starts a new one, whose first rankings hold the whole window again
                    Await.until(
                            DEADLINE,
                            "the Supervisor to start a new worker (logs in " + cluster.logDir() + ")",
                            () -> cluster.workerPids().size() == 1);
                    long restartedAt = System.currentTimeMillis();
                    Rankings after = firstRankingsAfter(files, cluster, deadAt);
                    System.out.printf(
                            "worker kill: a new worker %,d ms after the kill, its first rankings %,d ms after the kill%n",
                            restartedAt - deadAt, System.currentTimeMillis() - deadAt);
                    for (String topic : TOPICS) {
                        JsonObject was = before.topics().get(topic);
                        JsonObject is = after.topics().get(topic);
                        for (String host : HISTORY_HOSTS) {
                            assertThat(hostField(is, host, "samples"))
                                    .as("%s samples of %s after the restart", topic, host)
                                    .isEqualTo(hostField(was, host, "samples"));
                            // the same samples, perhaps summed in another order
                            assertThat(hostField(is, host, "average"))
                                    .as("%s average of %s after the restart", topic, host)
                                    .isCloseTo(hostField(was, host, "average"), within(1e-9));
                        }
                        for (String host : LIVE_HOSTS.keySet()) {
                            assertThat(hostField(is, host, "average"))
                                    .as("%s average of live host %s", topic, host)
                                    .isEqualTo(LIVE_HOSTS.get(host));
                        }
                        assertThat(is.get("windowSeconds").getAsDouble())
                                .as(topic + " window covered after the restart")
                                .isGreaterThanOrEqualTo(was.get("windowSeconds").getAsDouble());
                    }
                    GlobalRankingFile globalBefore = before.global();
                    GlobalRankingFile globalAfter = after.global();
                    assertThat(globalAfter.hosts())
                            .as("the first global ranking after the restart: hosts in the order before")
                            .extracting(RankedHost::host)
                            .containsExactlyElementsOf(globalBefore.hosts().stream()
                                    .map(RankedHost::host)
                                    .toList());
                    for (int i = 0; i < globalBefore.hosts().size(); i++) {
                        RankedHost was = globalBefore.hosts().get(i);
                        assertThat(globalAfter.hosts().get(i).score())
                                .as("global score of %s after the restart", was.host())
                                .isCloseTo(was.score(), within(1e-9));
                    }
                    try (Stream<Path> listed = Files.list(files.directory())) {
                        assertThat(listed.map(path -> path.getFileName().toString()))
                                .as("no temporary file left by the killed worker")
                                .allMatch(name -> !name.startsWith("."));
                    }
                }
            }
            cluster.kill(NAME);
        }
        assertThat(Processes.mentioning(runDir)).as("processes left behind").isEmpty();
    }

    /** The topic ranking files by topic, and the global ranking file, of one moment. */
    private record Rankings(Map<String, JsonObject> topics, GlobalRankingFile global) {}

    /** A minute of samples of the history hosts, one a second, with values that change every second. */
    private static void sendHistory(SampleFeed feed, long now) {
        Future<RecordMetadata> last = null;
        for (String topic : TOPICS) {
            for (int second = 60; second >= 1; second--) {
                for (int h = 0; h < HISTORY_HOSTS.size(); h++) {
                    double value = (h + 1) * 10 + (second % 7) * (topic.length() % 3 + 1) + second % 3 * 0.25;
                    last = feed.sample(topic, HISTORY_HOSTS.get(h), value, now - second * 1000L);
                }
            }
        }
        feed.flushAndCheck(last);
    }

    /**
     * Waits until every topic ranking holds all 60 samples of each history host and every live host,
     * and the global ranking is made of those topic rankings (each host's averages in it are the
     * topic rankings' averages); returns them.
     *
     * <p>The global ranking combines the latest ranking of each topic, so while one topic's ranking
     * with the history is still on its way it ranks the history hosts with that topic missing (for
     * example cpuLoad complete and memLoad from the round before), even when both topic files are
     * complete already: such a ranking is not the one to compare with.
     */
    private static Rankings awaitCompleteRankings(OutputFiles files, StormClusterProcess cluster) {
        return Await.value(
                DEADLINE,
                "rankings of every host with all history samples (worker logs in " + cluster.logDir() + ")",
                () -> {
                    Map<String, JsonObject> topics = new HashMap<>();
                    for (String topic : TOPICS) {
                        JsonObject json = files.json(topic + ".json").orElse(null);
                        if (json == null || !complete(json)) {
                            return Optional.empty();
                        }
                        topics.put(topic, json);
                    }
                    return files.globalJson()
                            .filter(global -> madeOf(global, topics))
                            .map(global -> new Rankings(topics, global));
                });
    }

    /** True when the global ranking ranks every host with exactly the averages of the topic rankings. */
    private static boolean madeOf(GlobalRankingFile global, Map<String, JsonObject> topicRankings) {
        if (global.hosts().size() != HISTORY_HOSTS.size() + LIVE_HOSTS.size()) {
            return false;
        }
        Map<String, Map<String, Double>> averagesByTopic = new HashMap<>();
        topicRankings.forEach((topic, ranking) -> averagesByTopic.put(topic, averages(ranking)));
        return GlobalRankingCheck.madeOf(global, averagesByTopic);
    }

    /** The first topic rankings, and the first global one, made after {@code since}. */
    private static Rankings firstRankingsAfter(OutputFiles files, StormClusterProcess cluster, long since) {
        Map<String, JsonObject> first = new LinkedHashMap<>();
        for (String topic : TOPICS) {
            JsonObject json = Await.value(
                    DEADLINE,
                    "the first " + topic + " ranking after the restart (worker logs in " + cluster.logDir() + ")",
                    () -> files.json(topic + ".json")
                            .filter(ranking -> ranking.get("rankedAtMillis").getAsLong() > since));
            first.put(topic, json);
        }
        GlobalRankingFile global = Await.value(
                DEADLINE,
                "the first global ranking after the restart",
                () -> files.globalJson().filter(ranking -> ranking.rankedAtMillis() > since));
        return new Rankings(first, global);
    }

    private static boolean complete(JsonObject topicRanking) {
        Map<String, Long> samples = new HashMap<>();
        for (JsonElement host : topicRanking.getAsJsonArray("hosts")) {
            samples.put(
                    host.getAsJsonObject().get("host").getAsString(),
                    host.getAsJsonObject().get("samples").getAsLong());
        }
        return HISTORY_HOSTS.stream().allMatch(host -> samples.getOrDefault(host, 0L) == 60)
                && LIVE_HOSTS.keySet().stream().allMatch(samples::containsKey);
    }

    /** Host to window average, from a topic ranking file. */
    private static Map<String, Double> averages(JsonObject topicRanking) {
        Map<String, Double> averages = new HashMap<>();
        for (JsonElement entry : topicRanking.getAsJsonArray("hosts")) {
            JsonObject host = entry.getAsJsonObject();
            averages.put(host.get("host").getAsString(), host.get("average").getAsDouble());
        }
        return averages;
    }

    private static double hostField(JsonObject topicRanking, String host, String field) {
        for (JsonElement entry : topicRanking.getAsJsonArray("hosts")) {
            if (entry.getAsJsonObject().get("host").getAsString().equals(host)) {
                return entry.getAsJsonObject().get(field).getAsDouble();
            }
        }
        throw new AssertionError(host + " is not in the ranking of " + topicRanking.get("topic"));
    }
}
