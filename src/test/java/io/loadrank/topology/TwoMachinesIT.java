package io.loadrank.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.loadrank.hostinfo.HostInfo;
import io.loadrank.hostinfo.HostInfoFormat;
import io.loadrank.kafka.TopicCreator;
import io.loadrank.rankingfile.GlobalRankingFile;
import io.loadrank.rankingfile.RankedHost;
import io.loadrank.slice.Slice;
import io.loadrank.slice.SliceAssembler;
import io.loadrank.slice.SliceHost;
import io.loadrank.slice.SliceKey;
import io.loadrank.slice.SliceRanking;
import io.loadrank.slice.SliceRecordException;
import io.loadrank.slice.SliceRecordFormat;
import io.loadrank.testing.Await;
import io.loadrank.testing.KafkaBroker;
import io.loadrank.testing.Processes;
import io.loadrank.testing.RepoPaths;
import io.loadrank.testing.StormClusterProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The topology spread over two machines, then one machine lost (docs/DEPLOYMENT.md, docs/RELIABILITY.md):
 * the shaded jar on {@code scripts/storm-cluster.sh start --supervisors 2}, two Supervisors on 127.0.0.1
 * and 127.0.0.2, each a machine with its own worker slot, logs and output directory, and
 * {@code topology.workers: 2}, so tuples cross between worker JVMs of different Supervisors and each
 * worker writes the files of its own ranking bolts on its own machine.
 *
 * <p>Input: the worked example of docs/RANKING.md (A, B, C in datacenter {@code worked}, live, constant
 * values) and a simulated fleet of twelve hosts in datacenter {@code sim}, each with a minute of samples
 * that change every second, sent once while the topology runs (so that the KafkaSpouts read them and,
 * after the machine is lost, only the read-back can bring them back). The rankings are those of one
 * worker: the worked example's slice {C=41, A=34, B=24} as the one-worker cluster test reads it, and
 * every fleet host's averages exactly the mean of what was sent.
 *
 * <p>Then the machine that writes the global files is lost: its Supervisor and its worker get SIGKILL.
 * Nimbus gives its executors to the other machine's slot, whose worker starts again with all of them;
 * the first ranking after that must hold the whole window again, every sample once.
 */
class TwoMachinesIT {

    private static final String NAME = "loadrank-two-machines";
    private static final Duration DEADLINE = Duration.ofSeconds(240);
    private static final List<String> TOPICS = List.copyOf(LoadRankTopologyIT.WORKED_EXAMPLE.keySet());
    private static final String HOSTS_TOPIC = "hosts";
    private static final String RANKINGS_TOPIC = "loadRankings";
    private static final int FLEET = 12;
    private static final int HISTORY_SECONDS = 60;
    /** How soon Nimbus and the Supervisors give up on a silent worker or Supervisor here (Storm: 30, 60, 30 s). */
    private static final Map<String, String> FAILOVER =
            Map.of("STORM_TASK_TIMEOUT", "10", "STORM_SUPERVISOR_TIMEOUT", "10", "STORM_WORKER_TIMEOUT", "10");

    @TempDir
    Path runDir;

    @Test
    void givenTwoMachines_whenRankingThenLosingOne_thenRankingsEqualOneWorkersAndTheFirstAfterTheMoveCoversTheWindow()
            throws Exception {
        Path jar = RepoPaths.root().resolve("target/loadrank-topology.jar");
        assertThat(jar).as("the shaded jar from mvn package").exists();
        Path config = runDir.resolve("topology.yaml");
        try (FaultRig rig = FaultRig.start(runDir, TOPICS, 2, Map.of());
                StormClusterProcess cluster = StormClusterProcess.start(runDir.resolve("storm"), 2, 1, FAILOVER)) {
            KafkaBroker broker = rig.broker();
            broker.createTopics(List.of(
                    new TopicCreator.TopicSpec(HOSTS_TOPIC, 1, true),
                    new TopicCreator.TopicSpec(RANKINGS_TOPIC, 2, true)));
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("topology.workers", "2");
            settings.put("loadrank.topology.name", NAME);
            settings.putAll(rig.settings(1));
            // the topology's directory; each machine's workers write to the machine's own instead
            settings.put("loadrank.output.dir", "\"" + runDir.resolve("not-used") + "\"");
            settings.put("loadrank.window.secs", "300");
            settings.put("loadrank.stale.after.secs", "600");
            settings.put("loadrank.hosts.topic", HOSTS_TOPIC);
            settings.put("loadrank.rankings.topic", RANKINGS_TOPIC);
            FaultRig.writeConfig(config, settings);
            List<OutputFiles> machines = List.of(
                    new OutputFiles(cluster.machineDir(1).resolve("STORM_OUTPUT")),
                    new OutputFiles(cluster.machineDir(2).resolve("STORM_OUTPUT")));

            try (SampleFeed feed = new SampleFeed(broker.bootstrapServers());
                    SliceFollower follower = new SliceFollower(broker.bootstrapServers())) {
                for (String host : List.of("A", "B", "C")) {
                    feed.raw(HOSTS_TOPIC, host, hostInfo(host, "worked"));
                }
                for (String host : fleetHosts()) {
                    feed.raw(HOSTS_TOPIC, host, hostInfo(host, "sim"));
                }
                Map<String, Map<String, Double>> live = new LinkedHashMap<>();
                LoadRankTopologyIT.WORKED_EXAMPLE.forEach((topic, hosts) -> {
                    Map<String, Double> values = new LinkedHashMap<>();
                    hosts.forEach((host, value) -> values.put(host, value.doubleValue()));
                    live.put(topic, values);
                });
                try (LiveFeed liveFeed = new LiveFeed(
                        feed,
                        live,
                        new java.util.concurrent.atomic.AtomicBoolean(),
                        new java.util.concurrent.atomic.AtomicLong())) {
                    cluster.submit(jar, "io.loadrank.topology.LoadRankTopology", config);
                    Await.until(
                            DEADLINE,
                            "the first global ranking on either machine (logs under " + cluster.stormHome() + ")",
                            () -> machines.stream()
                                    .anyMatch(files -> files.globalRanking().isPresent()));
                    Map<String, Map<String, Double>> expected = sendFleetHistory(feed, System.currentTimeMillis());
                    live.forEach((topic, values) -> expected.get(topic).putAll(values));

                    // then: one worker on each machine, and the rankings of one worker
                    assertThat(cluster.workerPidsOf(1))
                            .as("workers of machine 1")
                            .hasSize(1);
                    assertThat(cluster.workerPidsOf(2))
                            .as("workers of machine 2")
                            .hasSize(1);
                    Rankings before = awaitCompleteRankings(machines, expected, cluster);
                    OutputFiles globalMachine = machines.get(before.globalMachine());
                    assertThat(globalMachine.read("GlobalRankings-worked.txt"))
                            .as("the worked example's slice, as one worker ranks it")
                            .contains("{C=41, A=34, B=24}\n");
                    assertThat(before.topicMachines().values())
                            .as("the topic files of the ranking bolts are on both machines")
                            .containsOnly(0, 1)
                            .contains(0, 1);
                    String cpuLoad = machines.get(before.topicMachines().get("cpuLoad"))
                            .topicRanking("cpuLoad")
                            .orElseThrow();
                    // the worked example's hosts among the fleet's, as in the one-worker cluster test: A before C (a
                    // tie), then B
                    assertThat(cpuLoad).matches("\\[.*\\[A\\|20\\|\\d+], \\[C\\|20\\|.*\\[B\\|10\\|.*]");
                    assertWorkedSliceOnTheTopic(follower, 0);
                    SliceRanking fleetSlice = follower.await(
                            sliceOf("sim"), 0, ranking -> ranking.hosts().size() == FLEET);
                    assertThat(fleetSlice.hosts())
                            .as("the fleet's slice on the rankings topic: the global ranking's order")
                            .extracting(SliceHost::host)
                            .containsExactlyElementsOf(before.global().hosts().stream()
                                    .filter(host -> host.host().startsWith("sim-"))
                                    .map(RankedHost::host)
                                    .toList());
                    System.out.printf(
                            "two machines: global files on machine %d (%s); topic files %s (machine by topic); workers %s and %s%n",
                            before.globalMachine() + 1,
                            globalMachine.directory(),
                            before.topicMachines(),
                            cluster.workerPidsOf(1),
                            cluster.workerPidsOf(2));

                    // when: the machine of the global files is lost, its Supervisor and worker at once
                    int lost = before.globalMachine() + 1;
                    int survivor = lost == 1 ? 1 : 0;
                    List<Long> survivorWorkerBefore = cluster.workerPidsOf(survivor + 1);
                    List<Long> killed = cluster.killMachine(lost);
                    long lostAt = System.currentTimeMillis();

                    // then: Nimbus moves every executor to the other machine, whose first rankings hold the
                    // whole window again, every sample once, and equal the ones before
                    // with one slot per machine, the survivor's worker is given every executor: a new worker
                    Await.until(
                            DEADLINE,
                            "a new worker on machine " + (survivor + 1) + " with the lost machine's executors",
                            () -> {
                                List<Long> now = cluster.workerPidsOf(survivor + 1);
                                return now.size() == 1 && !now.equals(survivorWorkerBefore);
                            });
                    long movedAt = System.currentTimeMillis();
                    OutputFiles survivorFiles = machines.get(survivor);
                    GlobalRankingFile first = Await.value(
                            DEADLINE,
                            "the first global ranking after the loss on machine " + (survivor + 1) + " (logs under "
                                    + cluster.stormHome() + ")",
                            () -> survivorFiles.globalJson().filter(ranking -> ranking.rankedAtMillis() > lostAt));
                    long firstAt = System.currentTimeMillis();
                    for (String topic : TOPICS) {
                        Await.until(
                                DEADLINE,
                                "the first " + topic + " ranking after the loss on machine " + (survivor + 1),
                                () -> survivorFiles
                                        .json(topic + ".json")
                                        .filter(ranking ->
                                                ranking.get("rankedAtMillis").getAsLong() > lostAt)
                                        .isPresent());
                    }
                    assertThat(complete(first, expected))
                            .as(
                                    "the first global ranking after the loss: every host at its average with every"
                                            + " sample once, the whole window: %s",
                                    first)
                            .isTrue();
                    Rankings after = new Rankings(first, survivor, Map.of());
                    assertThat(cluster.workerPidsOf(survivor + 1))
                            .as("the survivor's worker")
                            .hasSize(1);
                    assertWorkedSliceOnTheTopic(follower, lostAt);
                    long topicResumedAt = System.currentTimeMillis();
                    System.out.printf(
                            "machine %d lost (pids %s): a new worker on machine %d %,d ms after the kill; first global"
                                    + " ranking (complete) %,d ms after the kill; rankings topic resumed %,d ms after"
                                    + " the kill%n",
                            lost, killed, survivor + 1, movedAt - lostAt, firstAt - lostAt, topicResumedAt - lostAt);
                    assertThat(after.global().hosts())
                            .as("the first complete global ranking after the move: the hosts in the order before")
                            .extracting(RankedHost::host)
                            .containsExactlyElementsOf(before.global().hosts().stream()
                                    .map(RankedHost::host)
                                    .toList());
                    for (int i = 0; i < before.global().hosts().size(); i++) {
                        assertThat(after.global().hosts().get(i).score())
                                .as(
                                        "score of %s after the move",
                                        before.global().hosts().get(i).host())
                                .isCloseTo(before.global().hosts().get(i).score(), within(1e-9));
                    }
                    assertThat(machines.get(survivor).read("GlobalRankings-worked.txt"))
                            .contains("{C=41, A=34, B=24}\n");
                }
            }
            cluster.kill(NAME);
        }
        assertThat(Processes.mentioning(runDir)).as("processes left behind").isEmpty();
    }

    /** The complete rankings, which machine wrote the global files and which each topic's. */
    private record Rankings(GlobalRankingFile global, int globalMachine, Map<String, Integer> topicMachines) {}

    /**
     * Waits until every topic ranking, on whichever of {@code machines}, ranks every host, and one
     * machine holds a global ranking made of complete topic rankings ({@link #complete};
     * {@code expected}: topic to host to average).
     */
    private static Rankings awaitCompleteRankings(
            List<OutputFiles> machines, Map<String, Map<String, Double>> expected, StormClusterProcess cluster) {
        return Await.value(
                DEADLINE, "complete rankings on the machines (worker logs under " + cluster.stormHome() + ")", () -> {
                    Map<String, Integer> topicMachines = new LinkedHashMap<>();
                    for (String topic : TOPICS) {
                        for (int m = 0; m < machines.size(); m++) {
                            boolean ranksEveryHost = machines.get(m)
                                    .json(topic + ".json")
                                    .filter(json -> json.get("rankedHosts").getAsInt()
                                            == expected.get(topic).size())
                                    .isPresent();
                            if (ranksEveryHost) {
                                topicMachines.put(topic, m);
                            }
                        }
                        if (!topicMachines.containsKey(topic)) {
                            return Optional.empty();
                        }
                    }
                    for (int m = 0; m < machines.size(); m++) {
                        Optional<GlobalRankingFile> global = machines.get(m).globalJson();
                        if (global.isPresent() && complete(global.get(), expected)) {
                            return Optional.of(new Rankings(global.get(), m, topicMachines));
                        }
                    }
                    return Optional.empty();
                });
    }

    /**
     * True when {@code global} ranks exactly the expected hosts, none incomplete, each at its expected
     * average of every topic (to the 6 digits written), and every fleet host with all its
     * {@value #HISTORY_SECONDS} samples of every topic, not more: a sample counted twice would show.
     */
    private static boolean complete(GlobalRankingFile global, Map<String, Map<String, Double>> expected) {
        for (Map.Entry<String, Map<String, Double>> topic : expected.entrySet()) {
            if (global.hosts().size() != topic.getValue().size()) {
                return false;
            }
            for (RankedHost host : global.hosts()) {
                Double sent = topic.getValue().get(host.host());
                Double written = host.averages().get(topic.getKey());
                Long samples = host.samples() == null ? null : host.samples().get(topic.getKey());
                if (host.incomplete()
                        || sent == null
                        || written == null
                        || !sameAverage(written, sent)
                        || (host.host().startsWith("sim-") && (samples == null || samples != HISTORY_SECONDS))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The files give averages to 6 significant digits (docs/OUTPUT.md). */
    private static boolean sameAverage(double written, double sent) {
        return Math.abs(written - sent) <= 1e-5 * Math.max(1, Math.abs(sent));
    }

    /**
     * The worked example's slice on the rankings topic, ranked after {@code since}: C, A, B at 41.1, 34.4,
     * 24.4 (the record's scores carry 4 significant digits).
     */
    private static void assertWorkedSliceOnTheTopic(SliceFollower follower, long since) {
        SliceRanking worked = follower.await(
                sliceOf("worked"), since, ranking -> ranking.hosts().size() == 3);
        assertThat(worked.hosts()).extracting(SliceHost::host).containsExactly("C", "A", "B");
        assertThat(worked.hosts().get(0).score()).isCloseTo(100.0 * (0.4 + 0.5 + 1 / 3.0) / 3, within(0.01));
        assertThat(worked.hosts().get(1).score()).isCloseTo(100.0 * (0.4 + 0.3 + 1 / 3.0) / 3, within(0.01));
        assertThat(worked.hosts().get(2).score()).isCloseTo(100.0 * (0.2 + 0.2 + 1 / 3.0) / 3, within(0.01));
    }

    private static List<String> fleetHosts() {
        List<String> hosts = new ArrayList<>();
        for (int i = 1; i <= FLEET; i++) {
            hosts.add(String.format("sim-%02d", i));
        }
        return hosts;
    }

    /**
     * A minute of samples of every fleet host, one a second, values that change every second; returns
     * topic to host to the average of what was sent.
     */
    private static Map<String, Map<String, Double>> sendFleetHistory(SampleFeed feed, long now) {
        Map<String, Map<String, Double>> averages = new HashMap<>();
        Future<RecordMetadata> last = null;
        for (int t = 0; t < TOPICS.size(); t++) {
            Map<String, Double> topicAverages = new HashMap<>();
            for (int h = 0; h < FLEET; h++) {
                double sum = 0;
                for (int second = HISTORY_SECONDS; second >= 1; second--) {
                    double value = (h + 1) * 3 + (t + 1) * (second % 7) + second % 4 * 0.25;
                    sum += value;
                    last = feed.sample(TOPICS.get(t), fleetHosts().get(h), value, now - second * 1000L);
                }
                topicAverages.put(fleetHosts().get(h), sum / HISTORY_SECONDS);
            }
            averages.put(TOPICS.get(t), topicAverages);
        }
        feed.flushAndCheck(last);
        return averages;
    }

    private static Slice sliceOf(String datacenter) {
        return new Slice("it", datacenter);
    }

    private static String hostInfo(String host, String datacenter) {
        return HostInfoFormat.encode(new HostInfo(
                host,
                datacenter,
                "r1",
                UUID.nameUUIDFromBytes(host.getBytes(StandardCharsets.UTF_8)).toString(),
                "it",
                null));
    }

    /** Follows the rankings topic from its beginning, keeping the newest whole ranking of every slice. */
    private static final class SliceFollower implements AutoCloseable {
        private final KafkaConsumer<String, String> consumer;
        private final SliceAssembler assembler = new SliceAssembler();
        private final Map<Slice, SliceRanking> latest = new HashMap<>();

        SliceFollower(String bootstrapServers) {
            consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
            List<TopicPartition> partitions = consumer.partitionsFor(RANKINGS_TOPIC).stream()
                    .map(info -> new TopicPartition(RANKINGS_TOPIC, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        /** The newest ranking of {@code slice} ranked after {@code since} that {@code wanted} accepts. */
        SliceRanking await(Slice slice, long since, java.util.function.Predicate<SliceRanking> wanted) {
            return Await.value(DEADLINE, "a ranking of " + slice + " after " + since + " on " + RANKINGS_TOPIC, () -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    SliceKey key = SliceKey.parse(record.key());
                    if (key == null || record.value() == null) {
                        continue; // the check record of the topic's creation, or a tombstone
                    }
                    try {
                        if (assembler.accept(SliceRecordFormat.read(record.value()))
                                instanceof SliceAssembler.Outcome.Complete complete) {
                            latest.put(key.slice(), complete.ranking());
                        }
                    } catch (SliceRecordException e) {
                        throw new AssertionError("not a slice record: " + record.value(), e);
                    }
                }
                return Optional.ofNullable(latest.get(slice))
                        .filter(ranking -> ranking.rankedAtMillis() > since)
                        .filter(wanted);
            });
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
