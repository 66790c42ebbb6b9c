package io.loadrank.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
                    Map<String, RankedHost> hostsBefore = byHost(before.global());
                    Map<String, RankedHost> hostsAfter = byHost(after.global());
                    for (String topic : TOPICS) {
                        for (String host : HISTORY_HOSTS) {
                            RankedHost was = hostsBefore.get(host);
                            RankedHost is = hostsAfter.get(host);
                            assertThat(is).as("%s after the restart", host).isNotNull();
                            assertThat(is.samples().get(topic))
                                    .as("%s samples of %s after the restart", topic, host)
                                    .isEqualTo(was.samples().get(topic));
                            // the same samples, perhaps summed in another order: the same 6 significant digits,
                            // or one apart where the sums straddle a rounding boundary
                            assertThat(is.averages().get(topic))
                                    .as("%s average of %s after the restart", topic, host)
                                    .isCloseTo(was.averages().get(topic), withinPercentage(0.002));
                        }
                        for (String host : LIVE_HOSTS.keySet()) {
                            assertThat(hostsAfter.get(host).averages().get(topic))
                                    .as("%s average of live host %s", topic, host)
                                    .isEqualTo(LIVE_HOSTS.get(host));
                        }
                        assertThat(after.topics()
                                        .get(topic)
                                        .get("windowSeconds")
                                        .getAsDouble())
                                .as(topic + " window covered after the restart")
                                .isGreaterThanOrEqualTo(before.topics()
                                        .get(topic)
                                        .get("windowSeconds")
                                        .getAsDouble());
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
     * Waits until the global ranking holds all 60 samples of each history host in every topic, and
     * every live host; returns it with the topic files of that moment (at least as new).
     *
     * <p>The global ranking combines the latest ranking of each topic, so while one topic's ranking
     * with the history is still on its way it ranks the history hosts with that topic's older window
     * (for example cpuLoad complete and memLoad from the round before): such a ranking is not the one
     * to compare with.
     */
    private static Rankings awaitCompleteRankings(OutputFiles files, StormClusterProcess cluster) {
        Set<String> everyHost = new HashSet<>(HISTORY_HOSTS);
        everyHost.addAll(LIVE_HOSTS.keySet());
        Map<String, Long> history = new HashMap<>();
        HISTORY_HOSTS.forEach(host -> history.put(host, 60L));
        return Await.value(
                DEADLINE,
                "rankings of every host with all history samples (worker logs in " + cluster.logDir() + ")",
                () -> files.globalJson()
                        .filter(global -> GlobalRankingCheck.complete(global, everyHost, history))
                        .flatMap(global -> {
                            Map<String, JsonObject> topics = new HashMap<>();
                            for (String topic : TOPICS) {
                                Optional<JsonObject> json = files.json(topic + ".json");
                                if (json.isEmpty()) {
                                    return Optional.empty();
                                }
                                topics.put(topic, json.get());
                            }
                            return Optional.of(new Rankings(topics, global));
                        }));
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

    private static Map<String, RankedHost> byHost(GlobalRankingFile global) {
        Map<String, RankedHost> hosts = new HashMap<>();
        global.hosts().forEach(host -> hosts.put(host.host(), host));
        return hosts;
    }
}
