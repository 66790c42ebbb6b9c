package io.loadrank.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.loadrank.rankingfile.GlobalRankingFile;
import io.loadrank.rankingfile.RankedHost;
import io.loadrank.testing.Await;
import io.loadrank.testing.KafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault A of docs/RELIABILITY-faults.md (docs/RELIABILITY.md, "Kafka broker restarted mid-stream"): the
 * topology runs in its own JVM (scripts/run-local.sh), fed live, with the rankings topic on, while
 * the only Kafka broker is killed with SIGKILL for 20 s and started again on the same data. The
 * topology JVM must live on without a worker restart, the rankings of every live host must resume
 * within two emits of the broker being back, and every sample appended to Kafka must be counted
 * exactly once: each topic ranking's accepted count, and each host's sample count in the window,
 * equal what the topic holds.
 */
class KafkaBrokerFaultIT {

    private static final int EMIT_SECS = 2;
    private static final int WINDOW_SECS = 180;
    private static final Duration OUTAGE = Duration.ofSeconds(20);
    private static final Duration DEADLINE = Duration.ofSeconds(150);
    private static final List<String> TOPICS = List.of("cpuLoad", "memLoad");
    private static final Map<String, Double> HOSTS = Map.of("A", 60.0, "B", 20.0, "C", 40.0);
    private static final String RANKING = "{A=50, C=33, B=17}";

    @TempDir
    Path runDir;

    @Test
    void
            givenALiveTopology_whenTheBrokerIsKilledFor20sAndStartedAgain_thenItLivesOnResumesWithinTwoEmitsAndCountsEverySampleOnce()
                    throws Exception {
        killAndStartAgain(false);
    }

    /**
     * The same, with the broker killed while the read-back still reads (a long overlap keeps it
     * going): what the read-back and the KafkaSpouts read must still join up.
     */
    @Test
    void givenATopologyStillReadingBack_whenTheBrokerIsKilledFor20sAndStartedAgain_thenEverySampleIsStillCountedOnce()
            throws Exception {
        killAndStartAgain(true);
    }

    private void killAndStartAgain(boolean duringReadBack) throws Exception {
        long testStart = System.currentTimeMillis();
        try (FaultRig rig = FaultRig.start(runDir, TOPICS, 2, Map.of("loadRankings", 1))) {
            KafkaBroker broker = rig.broker();
            OutputFiles files = rig.files();
            Map<String, String> settings = rig.settings(EMIT_SECS);
            settings.put("loadrank.window.secs", String.valueOf(WINDOW_SECS));
            settings.put("loadrank.readback.overlap.secs", duringReadBack ? "60" : "3");
            settings.put("loadrank.rankings.topic", "loadRankings");
            try (LocalTopologyProcess topology = LocalTopologyProcess.start(runDir.resolve("topology"), settings)) {
                try (SampleFeed feed = new SampleFeed(broker.bootstrapServers());
                        LiveFeed live = rig.liveFeed(feed, HOSTS)) {
                    // given: every host ranked
                    rig.awaitRanking(DEADLINE, topology, RANKING);
                    List<String> readBacksDone = FaultRig.readBacksEnded(topology);
                    if (duringReadBack) {
                        assertThat(readBacksDone)
                                .as("read-backs finished before the kill")
                                .isEmpty();
                    } else {
                        // the KafkaSpouts alone read the topics now: a read-back still running would hide what they
                        // miss
                        rig.awaitReadBacksEnded(DEADLINE, topology);
                    }

                    // when: the broker is killed, stays down for 20 s, and starts again on the same data
                    broker.kill();
                    long killedAt = System.currentTimeMillis();
                    Await.until(
                            DEADLINE,
                            "every host STALE while the broker is down",
                            () -> files.read("GlobalRankings.txt")
                                    .filter(text -> text.startsWith("{}"))
                                    .isPresent());
                    Await.until(
                            OUTAGE.plusSeconds(5),
                            "the outage to last " + OUTAGE,
                            () -> System.currentTimeMillis() - killedAt >= OUTAGE.toMillis());
                    assertThat(topology.isAlive())
                            .as("the topology JVM while the broker is down")
                            .isTrue();
                    broker.startAgain();
                    long backAt = System.currentTimeMillis();

                    // then: every live host ranked again, with a sample from after the restart, within two emits
                    JsonObject resumed = Await.value(
                            DEADLINE,
                            "a global ranking of every host seen since the restart",
                            () -> files.json("GlobalRankings.json").filter(json -> everyHostSeenSince(json, backAt)));
                    System.out.printf(
                            "broker fault%s: first ranking with every host fresh %,d ms after the broker was back%n",
                            duringReadBack ? " during the read-back" : "",
                            resumed.get("rankedAtMillis").getAsLong() - backAt);
                    assertThat(resumed.get("rankedAtMillis").getAsLong() - backAt)
                            .as("ms from the broker being back to the first ranking with every host fresh")
                            .isLessThanOrEqualTo(2_000L * EMIT_SECS);
                    Await.until(
                            Duration.ofSeconds(3L * EMIT_SECS),
                            "GlobalRankings.txt to read " + RANKING + " again",
                            () -> files.globalRanking().filter(RANKING::equals).isPresent());
                }
                // and: once the feed has stopped and the topology has caught up, every sample in Kafka counted once
                for (String topic : TOPICS) {
                    Map<String, Set<Long>> inKafka = TopicContents.samples(broker.bootstrapServers(), topic);
                    long expected =
                            inKafka.values().stream().mapToLong(Set::size).sum();
                    JsonObject ranking = Await.value(
                            DEADLINE,
                            expected + " samples accepted in " + topic + ".json",
                            () -> files.json(topic + ".json")
                                    .filter(json -> json.getAsJsonObject("ingest")
                                                    .get("accepted")
                                                    .getAsLong()
                                            >= expected));
                    assertThat(ranking.getAsJsonObject("ingest").get("accepted").getAsLong())
                            .as(topic + " accepted")
                            .isEqualTo(expected);
                    Map<String, Long> perHost = new HashMap<>();
                    inKafka.forEach((host, times) -> perHost.put(host, (long) times.size()));
                    // the hosts' counts are in the fleet file: one made of this topic ranking or a later one
                    long windowAt = ranking.get("windowAtMillis").getAsLong();
                    GlobalRankingFile global = Await.value(
                            DEADLINE,
                            "a global ranking made of " + topic + " windows from " + windowAt + " on",
                            () -> files.globalJson().filter(json -> json.windowsAtMillis() >= windowAt));
                    assertThat(samplesPerHost(global, topic))
                            .as(topic + ": each host's samples in the window")
                            .isEqualTo(perHost);
                }
                assertThat(System.currentTimeMillis() - testStart)
                        .as("the whole feed fits in the window")
                        .isLessThan(WINDOW_SECS * 1000L);

                assertThat(topology.isAlive()).as("the topology JVM lives on").isTrue();
                for (String topic : TOPICS) {
                    assertThat(topology.logLines(
                                    "INFO",
                                    "ReadBackSpout",
                                    Pattern.compile(
                                            "^reading back the last .* of topic " + Pattern.quote(topic) + " ")))
                            .as("read-backs of %s: one, no worker restart", topic)
                            .hasSize(1);
                }
                assertThat(topology.logText()).as("no executor died").doesNotContain("Async loop died");
            }
        }
    }

    private static boolean everyHostSeenSince(JsonObject global, long since) {
        Map<String, Long> lastSeen = new HashMap<>();
        for (JsonElement host : global.getAsJsonArray("hosts")) {
            JsonObject entry = host.getAsJsonObject();
            lastSeen.put(
                    entry.get("host").getAsString(), entry.get("lastSeenMillis").getAsLong());
        }
        return lastSeen.keySet().equals(HOSTS.keySet())
                && lastSeen.values().stream().allMatch(time -> time >= since);
    }

    private static Map<String, Long> samplesPerHost(GlobalRankingFile global, String topic) {
        Map<String, Long> samples = new HashMap<>();
        for (RankedHost host : global.hosts()) {
            samples.put(host.host(), host.samples().get(topic));
        }
        return samples;
    }
}
