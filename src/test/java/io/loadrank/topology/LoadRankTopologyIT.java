package io.loadrank.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.loadrank.hostinfo.HostInfo;
import io.loadrank.hostinfo.HostInfoFormat;
import io.loadrank.hostinfo.HostInfoMalformedReason;
import io.loadrank.kafka.TopicCreator;
import io.loadrank.message.MalformedReason;
import io.loadrank.rankingfile.GlobalRankingFile;
import io.loadrank.rankingfile.HostInfoCounts;
import io.loadrank.rankingfile.RankedHost;
import io.loadrank.rankingfile.RankingFileException;
import io.loadrank.rankingfile.RankingFileReader;
import io.loadrank.rankingfile.StaleHost;
import io.loadrank.rankingfile.TopicRankingFile;
import io.loadrank.slice.Slice;
import io.loadrank.slice.SliceAssembler;
import io.loadrank.slice.SliceHost;
import io.loadrank.slice.SliceKey;
import io.loadrank.slice.SlicePart;
import io.loadrank.slice.SliceRanking;
import io.loadrank.slice.SliceRecordException;
import io.loadrank.slice.SliceRecordFormat;
import io.loadrank.testing.Await;
import io.loadrank.testing.KafkaBroker;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.storm.Config;
import org.apache.storm.LocalCluster;
import org.apache.storm.generated.TopologySummary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The topology end to end: a real Kafka broker, the real topology in a
 * real Storm LocalCluster, messages produced to Kafka, ranking files read back from disk.
 * Each test uses topics and an output directory of its own, so one broker and one local cluster
 * serve the whole class.
 */
class LoadRankTopologyIT {

    private static final Duration RANKING_DEADLINE = Duration.ofSeconds(150);

    @TempDir
    static Path runDir;

    private static KafkaBroker broker;
    private static LocalCluster cluster;

    @BeforeAll
    static void startBrokerAndCluster() throws Exception {
        broker = KafkaBroker.start(runDir.resolve("kafka"));
        cluster = new LocalCluster();
    }

    /** Each test's topology is killed after it, so that tests do not share the two cores with old ones. */
    @AfterEach
    void killTopologies() throws Exception {
        for (TopologySummary topology : cluster.getTopologySummaries()) {
            kill(topology.get_name());
        }
    }

    @AfterAll
    static void stopClusterAndBroker() throws Exception {
        try {
            if (cluster != null) {
                cluster.close();
            }
        } finally {
            if (broker != null) {
                broker.close();
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    // the worked example (docs/RANKING.md)

    /** Window averages of the worked example: topic suffix -> host -> value. */
    static final Map<String, Map<String, Integer>> WORKED_EXAMPLE = new LinkedHashMap<>();

    static {
        WORKED_EXAMPLE.put("cpuLoad", Map.of("A", 20, "B", 10, "C", 20));
        WORKED_EXAMPLE.put("memLoad", Map.of("A", 30, "B", 20, "C", 50));
        WORKED_EXAMPLE.put("latency", Map.of("A", 20, "B", 20, "C", 20));
    }

    @Test
    void givenTheWorkedExample_whenRanked_thenGlobalIsC41A34B24AndCpuLoadIsInTheOriginalFormat() throws Exception {
        Scenario scenario = new Scenario("worked");
        scenario.sendWorkedExample(System.currentTimeMillis());

        scenario.submit(Map.of());

        scenario.awaitWorkedExampleRankings();
    }

    @Test
    void givenRollingBoltsWithParallelismThreeAndAtLeastOnce_whenRanked_thenTheWorkedExampleRankingIsTheSame()
            throws Exception {
        Scenario scenario = new Scenario("parallel");
        scenario.sendWorkedExample(System.currentTimeMillis());

        // every tuple is serialised as between workers, so the Kryo registrations are proven too; and
        // the tracked delivery guarantee (not the default) runs here, with the ackers
        scenario.submit(Map.of(
                LoadRankSettings.ROLLING_PARALLELISM.key(),
                3,
                LoadRankSettings.PARSER_PARALLELISM.key(),
                2,
                LoadRankSettings.PROCESSING_GUARANTEE.key(),
                "AT_LEAST_ONCE",
                Config.TOPOLOGY_TESTING_ALWAYS_TRY_SERIALIZE,
                true));

        scenario.awaitWorkedExampleRankings();
    }

    @Test
    void givenMalformedMessagesOfEveryKind_whenRanked_thenRankingsAreUnchangedAndEachIsCountedByReason()
            throws Exception {
        Scenario scenario = new Scenario("malformed");
        Map<MalformedReason, String> examples = new EnumMap<>(MalformedReason.class);
        examples.put(MalformedReason.EMPTY, "");
        examples.put(MalformedReason.OVERSIZED, "A," + "9".repeat(600));
        examples.put(MalformedReason.WRONG_FIELD_COUNT, "A,5,1763800000000,extra");
        examples.put(MalformedReason.BAD_HOST, "A|B\",5");
        examples.put(MalformedReason.BAD_NUMBER, "A,five");
        examples.put(MalformedReason.NOT_FINITE, "A,NaN");
        examples.put(MalformedReason.NEGATIVE, "A,-20");
        examples.put(MalformedReason.BAD_TIMESTAMP, "A,20,yesterday");
        examples.put(MalformedReason.NOT_TEXT, null);
        assertThat(examples).as("every reason has an example").hasSize(MalformedReason.values().length);

        // reason number i is sent i+1 times, interleaved with the valid samples of the same topic
        String cpuTopic = scenario.topic("cpuLoad");
        Map<String, Long> expectedCounts = new HashMap<>();
        List<Runnable> malformedSends = new ArrayList<>();
        examples.forEach((reason, message) -> {
            for (int copy = 0; copy <= reason.ordinal(); copy++) {
                malformedSends.add(() -> scenario.feed.raw(cpuTopic, "A", message));
            }
            expectedCounts.put(reason.label(), reason.ordinal() + 1L);
        });
        scenario.sendWorkedExample(System.currentTimeMillis(), malformedSends);

        String deadLetterTopic = scenario.prefix + "deadletter";
        broker.createTopics(Map.of(deadLetterTopic, 1));
        scenario.submit(Map.of(LoadRankSettings.DEADLETTER_TOPIC.key(), deadLetterTopic));

        scenario.awaitWorkedExampleRankings();
        Map<String, Long> counted = Await.value(
                RANKING_DEADLINE,
                "every malformed message counted in " + cpuTopic + ".json",
                () -> scenario.files
                        .topicJson(cpuTopic)
                        .map(json -> json.ingest().malformed())
                        .filter(malformed -> malformed.size() == expectedCounts.size()));
        assertThat(counted).isEqualTo(expectedCounts);

        Map<String, Long> deadLetters = readDeadLetters(
                deadLetterTopic,
                expectedCounts.values().stream().mapToLong(c -> c).sum());
        assertThat(deadLetters).isEqualTo(expectedCounts);
    }

    @Test
    void givenAHostThatGoesSilent_whenStaleAfterPasses_thenItIsListedStaleOutOfTheSharesAndLeavesAfterOneWindow()
            throws Exception {
        Scenario scenario = new Scenario("stale");
        int staleAfterSecs = 3;
        int windowSecs = 12;
        int emitSecs = 1;
        List<String> topics = List.of(scenario.topic("cpuLoad"), scenario.topic("memLoad"));
        scenario.topicWeights.clear();
        topics.forEach(topic -> scenario.topicWeights.put(topic, 1.0));
        broker.createTopics(Map.of(topics.get(0), 1, topics.get(1), 1));
        scenario.submit(Map.of(
                LoadRankSettings.STALE_AFTER_SECS.key(), staleAfterSecs,
                LoadRankSettings.WINDOW_SECS.key(), windowSecs,
                LoadRankSettings.EMIT_SECS.key(), emitSecs));

        AtomicBoolean silenceD = new AtomicBoolean(false);
        AtomicLong lastSampleOfD = new AtomicLong();
        try (LiveFeed live =
                new LiveFeed(scenario.feed, topics, Map.of("A", 60.0, "B", 20.0, "D", 90.0), silenceD, lastSampleOfD)) {
            Await.until(
                    RANKING_DEADLINE,
                    "D ranked first while it reports",
                    () -> scenario.files
                            .globalRanking()
                            .filter(line -> line.startsWith("{D="))
                            .isPresent());

            silenceD.set(true);
            long silencedAt = System.currentTimeMillis();
            String withStale = Await.value(
                    Duration.ofSeconds(staleAfterSecs + emitSecs + 20),
                    "D listed as STALE",
                    () -> scenario.files
                            .read("GlobalRankings.txt")
                            .filter(text -> text.contains("STALE: {D=lastSeen ")));
            long staleAfterMillis = System.currentTimeMillis() - Math.max(lastSampleOfD.get(), silencedAt - 1000);

            String ranking = withStale.lines().findFirst().orElseThrow();
            assertThat(ranking)
                    .as("a stale host is not ranked")
                    .doesNotContain("D=")
                    .contains("A=75", "B=25");
            assertThat(staleAfterMillis)
                    .as("STALE within staleAfter + one emit (+ 2 s for processing and polling)")
                    .isLessThanOrEqualTo((staleAfterSecs + emitSecs + 2) * 1000L);
            // GlobalRankings.json follows the .txt on the file thread
            GlobalRankingFile json = Await.value(
                    RANKING_DEADLINE,
                    "GlobalRankings.json to list D as stale",
                    () -> scenario.files
                            .globalJson()
                            .filter(file -> !file.stale().isEmpty()));
            assertThat(json.hosts()).extracting(RankedHost::host).containsExactly("A", "B");
            assertThat(json.stale()).extracting(StaleHost::host).containsExactly("D");

            Await.until(
                    Duration.ofSeconds(windowSecs + 20),
                    "D gone from the output after one window",
                    () -> scenario.files
                            .read("GlobalRankings.txt")
                            .filter(text -> !text.contains("D"))
                            .isPresent());
            assertThat(System.currentTimeMillis() - lastSampleOfD.get())
                    .as("D stays listed until its window is empty")
                    .isGreaterThanOrEqualTo(windowSecs * 1000L - 1000);
        }
    }

    @Test
    void givenReadersInATightLoop_whileTheTopologyWritesTheFiles_thenNoReaderSeesAnEmptyOrPartialFile()
            throws Exception {
        Scenario scenario = new Scenario("atomic");
        List<String> topics = List.of(scenario.topic("cpuLoad"));
        scenario.topicWeights.clear();
        scenario.topicWeights.put(topics.get(0), 1.0);
        broker.createTopics(Map.of(topics.get(0), 1));
        scenario.submit(Map.of(LoadRankSettings.EMIT_SECS.key(), 1));

        Map<String, String> hosts = new LinkedHashMap<>();
        for (int i = 0; i < 300; i++) {
            hosts.put("cass-" + i, "");
        }
        Map<String, Double> values = new HashMap<>();
        hosts.keySet().forEach(host -> values.put(host, (double) host.hashCode() % 100 + 100));
        try (LiveFeed live = new LiveFeed(scenario.feed, topics, values, new AtomicBoolean(), new AtomicLong())) {
            // every file written once: from then on none may ever be missing, empty or partial
            List<String> files = List.of(
                    "GlobalRankings.txt", "GlobalRankings.json", topics.get(0) + ".txt", topics.get(0) + ".json");
            Await.until(
                    RANKING_DEADLINE,
                    "the first ranking in every file",
                    () -> files.stream()
                            .allMatch(file -> scenario.files.read(file).isPresent()));

            Set<String> versions = ConcurrentHashMap.newKeySet();
            AtomicReference<String> badRead = new AtomicReference<>();
            AtomicLong reads = new AtomicLong();
            List<Thread> readers = new ArrayList<>();
            for (String file : files) {
                Thread reader = new Thread(() -> {
                    long until = System.currentTimeMillis() + 6_000;
                    while (System.currentTimeMillis() < until && badRead.get() == null) {
                        String content = scenario.files.read(file).orElse("<missing>");
                        reads.incrementAndGet();
                        versions.add(file + content.hashCode());
                        if (!isComplete(file, content)) {
                            badRead.compareAndSet(null, file + ": " + content);
                        }
                    }
                });
                reader.start();
                readers.add(reader);
            }
            for (Thread reader : readers) {
                reader.join();
            }

            assertThat(badRead.get())
                    .as("an empty, missing or partial file was read")
                    .isNull();
            assertThat(reads.get()).isGreaterThan(1_000);
            assertThat(versions).as("the files were rewritten while being read").hasSizeGreaterThan(8);
        }
    }

    @Test
    void givenARestart_whenTheTopologyStartsAgainOnTheSameTopics_thenItsFirstGlobalRankingEqualsTheLastOneBefore()
            throws Exception {
        Scenario scenario = new Scenario("restart");
        long now = System.currentTimeMillis();
        // 40 s of history with values that change every second: only a full window gives the same averages
        Future<RecordMetadata> last = null;
        for (String suffix : WORKED_EXAMPLE.keySet()) {
            for (int second = 40; second >= 1; second--) {
                for (String host : List.of("A", "B", "C")) {
                    double value = (host.charAt(0) - 'A' + 1) * 10 + (second % 7) * (suffix.length() % 3 + 1);
                    last = scenario.feed.sample(scenario.topic(suffix), host, value, now - second * 1000L);
                }
            }
        }
        scenario.feed.flushAndCheck(last);
        Map<String, Object> settings = Map.of(
                LoadRankSettings.WINDOW_SECS.key(), 120,
                LoadRankSettings.STALE_AFTER_SECS.key(), 600,
                // the KafkaSpout re-reads the whole topic: every sample also reaches the windows twice
                LoadRankSettings.FIRST_POLL.key(), "EARLIEST");

        String topologyName = scenario.submit(settings);
        for (String suffix : WORKED_EXAMPLE.keySet()) {
            Await.until(
                    RANKING_DEADLINE,
                    "all 120 samples of " + scenario.topic(suffix) + " in its window",
                    () -> scenario.files
                            .topicJson(scenario.topic(suffix))
                            .filter(json -> json.ingest().accepted() == 120)
                            .isPresent());
        }
        // the ranking before: one whose every topic holds all 40 samples of each host (an older round
        // may still be on its way to the files); its .txt is written before its .json, and later rounds
        // are equal
        GlobalRankingFile globalBefore = Await.value(
                RANKING_DEADLINE,
                "a global ranking made of the complete topic rankings",
                () -> scenario.files
                        .globalJson()
                        .filter(global -> GlobalRankingCheck.complete(
                                global, Set.of("A", "B", "C"), Map.of("A", 40L, "B", 40L, "C", 40L))));
        String before = scenario.files.read("GlobalRankings.txt").orElseThrow();
        assertThat(before.lines().findFirst().orElseThrow().split("=")).hasSize(4);
        kill(topologyName);
        for (String file : List.of("GlobalRankings.txt", "GlobalRankings.json", scenario.topic("cpuLoad") + ".json")) {
            scenario.files.directory().resolve(file).toFile().delete();
        }

        scenario.submit(settings);
        String after = Await.value(
                RANKING_DEADLINE,
                "the first ranking after the restart",
                () -> scenario.files.read("GlobalRankings.txt"));
        GlobalRankingFile globalAfter = Await.value(
                RANKING_DEADLINE, "the first GlobalRankings.json after the restart", () -> scenario.files.globalJson());
        TopicRankingFile cpuAfter = Await.value(
                RANKING_DEADLINE,
                "the cpu ranking after the restart",
                () -> scenario.files.topicJson(scenario.topic("cpuLoad")));

        assertThat(after).isEqualTo(before);
        assertThat(averages(globalAfter, scenario.topic("cpuLoad")))
                .isEqualTo(averages(globalBefore, scenario.topic("cpuLoad")));
        assertThat(cpuAfter.ingest().duplicates())
                .as("replayed samples were seen and counted once")
                .isPositive();
    }

    // ------------------------------------------------------------------------------------------
    // datacenters (docs/DATACENTERS.md)

    /** The host-info record of {@code host} in {@code datacenter}, as producers send it. */
    private static String hostInfo(String host, String datacenter, String rack) {
        return HostInfoFormat.encode(new HostInfo(
                host,
                datacenter,
                rack,
                UUID.nameUUIDFromBytes(host.getBytes(StandardCharsets.UTF_8)).toString(),
                "it",
                "127.0.0." + (host.charAt(0) - 'A' + 1)));
    }

    @Test
    void givenHostInfoWithAAndCInNorthAndBInSouth_whenRanked_thenNorthIsC54A46SouthIsB100AndTheFleetIsUnchanged()
            throws Exception {
        // (and then: B moves to north live, south gets its tombstone; and after a restart in which north's
        // hosts are gone, north gets its tombstone too)
        Scenario scenario = new Scenario("dc");
        scenario.createSliceTopics(2);
        String hostsTopic = scenario.hostsTopic();
        String rankingsTopic = scenario.rankingsTopic();
        // A is first said to be in south: the latest record of a host wins
        scenario.feed.raw(hostsTopic, "A", hostInfo("A", "south", "r9"));
        scenario.feed.raw(hostsTopic, "B", hostInfo("B", "south", "r1"));
        scenario.feed.raw(hostsTopic, "C", hostInfo("C", "north", "r2"));
        scenario.feed.flushAndCheck(scenario.feed.raw(hostsTopic, "A", hostInfo("A", "north", "r1")));
        scenario.sendWorkedExample(System.currentTimeMillis());

        scenario.submit(Map.of(
                LoadRankSettings.HOSTS_TOPIC.key(), hostsTopic, LoadRankSettings.RANKINGS_TOPIC.key(), rankingsTopic));

        scenario.awaitWorkedExampleRankings(() -> {
            scenario.awaitFile("GlobalRankings-north.txt", "{C=54, A=46}\n");
            scenario.awaitFile("GlobalRankings-south.txt", "{B=100}\n");
        });
        assertThat(scenario.files.globalRanking()).contains("{C=41, A=34, B=24}");
        // the .json of a pair follows its .txt on the file thread; it is the slice's record, whole
        SliceRanking north = Await.value(
                RANKING_DEADLINE,
                "GlobalRankings-north.json to rank C and A",
                () -> scenario.files
                        .read("GlobalRankings-north.json")
                        .map(LoadRankTopologyIT::slicePart)
                        .filter(part -> part.ranking().hosts().size() == 2)
                        .map(SlicePart::ranking));
        assertThat(north.slice()).isEqualTo(new Slice("it", "north"));
        assertThat(north.hosts()).extracting(SliceHost::host).containsExactly("C", "A");
        GlobalRankingFile global = scenario.files.globalJson().orElseThrow();
        RankedHost a = host(global, "A");
        assertThat(a.datacenter()).isEqualTo("north");
        assertThat(a.rack()).isEqualTo("r1");
        assertThat(a.hostId())
                .isEqualTo(UUID.nameUUIDFromBytes("A".getBytes(StandardCharsets.UTF_8))
                        .toString());
        assertThat(a.address()).isEqualTo("127.0.0.1");
        assertThat(a.dcRank()).isEqualTo(2);
        assertThat(a.dcScore()).isCloseTo(137.5 / 3, org.assertj.core.api.Assertions.within(0.5));
        assertThat(global.hostInfo().hosts()).isEqualTo(3);

        SliceRanking south = readLatestRecord(
                rankingsTopic,
                new Slice("it", "south"),
                ranking -> ranking != null && ranking.hosts().size() == 1);
        SliceHost b = south.hosts().get(0);
        assertThat(b.host()).isEqualTo("B");
        assertThat(b.rank()).isEqualTo(1);
        assertThat(b.score()).isEqualTo(100.0);
        assertThat(b.load()).isEqualTo(1.0);
        assertThat(b.rack()).isNotNull();
        assertThat(b.hostId()).isNotNull();

        // and: a later record moves B to north, live: south has no host left and loses its files
        scenario.feed.flushAndCheck(scenario.feed.raw(hostsTopic, "B", hostInfo("B", "north", "r3")));
        Await.until(
                RANKING_DEADLINE,
                "B ranked in north and the files of south removed",
                () -> scenario.files
                                .read("GlobalRankings-north.txt")
                                .filter("{C=41, A=34, B=24}\n"::equals)
                                .isPresent()
                        && scenario.files.read("GlobalRankings-south.txt").isEmpty()
                        && scenario.files.read("GlobalRankings-south.json").isEmpty());
        // and the compacted topic is told: south's newest record is a tombstone
        assertThat(readLatestRecord(rankingsTopic, new Slice("it", "south"), ranking -> ranking == null))
                .isNull();

        // and: the topology is stopped, and started again on metric topics where no host reports: north's
        // hosts are gone while the new run never knew north, which only the topic can tell it
        Slice gone = new Slice("it", "north");
        assertThat(liveSliceKeys(rankingsTopic)).contains(new SliceKey(gone, 0));
        killTopologies();
        Map<String, Double> emptyTopics = new LinkedHashMap<>();
        WORKED_EXAMPLE.keySet().forEach(suffix -> emptyTopics.put(scenario.topic("after-" + suffix), 1.0));
        broker.createTopics(emptyTopics.keySet().stream().collect(java.util.stream.Collectors.toMap(t -> t, t -> 2)));
        scenario.submit(Map.of(
                LoadRankSettings.TOPICS.key(),
                emptyTopics,
                LoadRankSettings.HOSTS_TOPIC.key(),
                hostsTopic,
                LoadRankSettings.RANKINGS_TOPIC.key(),
                rankingsTopic));
        // then: a plain consumer sees north's tombstone, and the topic read from its beginning has no
        // live record of north or south
        assertThat(readLatestRecord(rankingsTopic, gone, ranking -> ranking == null))
                .isNull();
        assertThat(liveSliceKeys(rankingsTopic))
                .extracting(SliceKey::slice)
                .doesNotContain(gone, new Slice("it", "south"));
    }

    @Test
    void givenTwoClustersThatBothNameADatacenterNorthWithPathLikeNames_whenRanked_thenEachIsASliceOfItsOwnInTheOutput()
            throws Exception {
        Scenario scenario = new Scenario("clusters");
        scenario.createSliceTopics(1);
        String hostsTopic = scenario.hostsTopic();
        String rankingsTopic = scenario.rankingsTopic();
        String c1 = "../c 1/..";
        String c2 = "/";
        scenario.feed.raw(hostsTopic, "A", HostInfoFormat.encode(new HostInfo("A", "north", null, null, c1, null)));
        scenario.feed.raw(hostsTopic, "B", HostInfoFormat.encode(new HostInfo("B", "north", null, null, c1, null)));
        scenario.feed.flushAndCheck(scenario.feed.raw(
                hostsTopic, "C", HostInfoFormat.encode(new HostInfo("C", "north", null, null, c2, null))));
        scenario.sendWorkedExample(System.currentTimeMillis());

        scenario.submit(Map.of(
                LoadRankSettings.HOSTS_TOPIC.key(), hostsTopic, LoadRankSettings.RANKINGS_TOPIC.key(), rankingsTopic));

        String c1North = "GlobalRankings-" + new Slice(c1, "north").fileName(true);
        String c2North = "GlobalRankings-" + new Slice(c2, "north").fileName(true);
        scenario.awaitWorkedExampleRankings(() -> {
            // A and B share c1's north: cpu 20:10, mem 30:20, latency 20:20
            scenario.awaitFile(c1North + ".txt", "{A=59, B=41}\n");
            scenario.awaitFile(c2North + ".txt", "{C=100}\n");
        });
        assertThat(scenario.files.globalRanking()).contains("{C=41, A=34, B=24}");
        assertThat(readLatestRecord(
                                rankingsTopic,
                                new Slice(c1, "north"),
                                ranking -> ranking != null && ranking.hosts().size() == 2)
                        .hosts())
                .extracting(SliceHost::host)
                .containsExactly("A", "B");
        assertThat(readLatestRecord(rankingsTopic, new Slice(c2, "north"), ranking -> ranking != null)
                        .hosts())
                .extracting(SliceHost::host)
                .containsExactly("C");
        // every scenario writes to runDir/output-<name>; a cluster name of ".." would reach runDir or above
        try (java.util.stream.Stream<Path> inRunDir = Files.walk(runDir);
                java.util.stream.Stream<Path> besideIt = Files.list(runDir.getParent())) {
            assertThat(java.util.stream.Stream.concat(inRunDir, besideIt)
                            .filter(path -> path.getFileName().toString().matches(".*(~north|c 1).*"))
                            .filter(path -> !path.getParent().equals(scenario.files.directory())))
                    .as("no cluster name places a file outside the output directory")
                    .isEmpty();
        }
        assertThat(scenario.files.directory().resolve(c1North + ".json")).exists();
        assertThat(scenario.files.directory().resolve(c2North + ".json")).exists();
    }

    @Test
    void givenTwelveThousandHostsInSixDatacenters_whenRanked_thenEverySliceRecordFitsKafkasDefaultsAndAddsUpTo100()
            throws Exception {
        Scenario scenario = new Scenario("fleet");
        scenario.createSliceTopics(2);
        String hostsTopic = scenario.hostsTopic();
        String rankingsTopic = scenario.rankingsTopic();
        int hosts = 12_000;
        List<String> datacenters = List.of("eu-west", "eu-north", "us-east", "us-west", "ap-south", "ap-east");
        Future<RecordMetadata> last = null;
        for (int i = 0; i < hosts; i++) {
            String host = "cass-" + i;
            last = scenario.feed.raw(
                    hostsTopic,
                    host,
                    HostInfoFormat.encode(new HostInfo(
                            host,
                            datacenters.get(i % datacenters.size()),
                            "rack" + (i % 3),
                            UUID.nameUUIDFromBytes(host.getBytes(StandardCharsets.UTF_8))
                                    .toString(),
                            "prod",
                            "10.0." + (i / 250) + "." + (i % 250))));
        }
        scenario.feed.flushAndCheck(last);
        long now = System.currentTimeMillis();
        for (long sampleTime : new long[] {now - 20_000, now - 10_000}) {
            for (String suffix : WORKED_EXAMPLE.keySet()) {
                for (int i = 0; i < hosts; i++) {
                    last = scenario.feed.sample(scenario.topic(suffix), "cass-" + i, 10 + (i * 7919L) % 90, sampleTime);
                }
            }
        }
        scenario.feed.flushAndCheck(last);

        scenario.submit(Map.of(
                LoadRankSettings.HOSTS_TOPIC.key(), hostsTopic, LoadRankSettings.RANKINGS_TOPIC.key(), rankingsTopic));

        Map<Slice, SliceRanking> slices = readSlices(rankingsTopic, datacenters.size(), hosts * 98 / 100);
        assertThat(slices.keySet()).extracting(Slice::datacenter).containsExactlyInAnyOrderElementsOf(datacenters);
        for (SliceRanking slice : slices.values()) {
            assertThat(slice.hosts().stream().mapToDouble(SliceHost::score).sum())
                    .as("the scores of " + slice.slice() + " add up to 100")
                    .isCloseTo(100, org.assertj.core.api.Assertions.within(0.1));
        }
        String euWest = Await.value(
                RANKING_DEADLINE,
                "GlobalRankings-eu-west.txt",
                () -> scenario.files.read("GlobalRankings-eu-west.txt"));
        assertThat(euWest)
                .as("scores among 2,000 hosts are not all 0")
                .doesNotContain("=0,")
                .contains("=0.0");
    }

    /**
     * Reads the rankings topic from its beginning with a plain consumer until it holds a whole ranking
     * of {@code slices} slices naming {@code hosts} hosts or more; every record must fit Kafka's
     * default record size and be a slice part.
     */
    private static Map<Slice, SliceRanking> readSlices(String topic, int slices, int hosts) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            SliceAssembler assembler = new SliceAssembler();
            Map<Slice, SliceRanking> latest = new HashMap<>();
            Await.until(RANKING_DEADLINE, slices + " slices naming " + hosts + " hosts on " + topic, () -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    SliceKey key = SliceKey.parse(record.key());
                    if (key == null) {
                        continue; // the check record of the topic's creation
                    }
                    assertThat(record.serializedValueSize())
                            .as("a record within Kafka's default limit")
                            .isLessThanOrEqualTo(SliceRecordFormat.MAX_RECORD_BYTES);
                    assertThat(record.partition()).isEqualTo(SliceKey.partition(key.slice(), partitions.size()));
                    if (record.value() == null) {
                        assembler.tombstone(key);
                        latest.remove(key.slice());
                    } else if (assembler.accept(slicePart(record.value()))
                            instanceof SliceAssembler.Outcome.Complete complete) {
                        latest.put(key.slice(), complete.ranking());
                    }
                }
                return latest.size() == slices
                        && latest.values().stream()
                                        .mapToInt(ranking -> ranking.hosts().size())
                                        .sum()
                                >= hosts;
            });
            return latest;
        }
    }

    @Test
    void givenMalformedHostInfoOfEveryKind_whenRanked_thenEachIsCountedByReasonSkippedAndNoFileLeavesTheOutput()
            throws Exception {
        Scenario scenario = new Scenario("dcmalformed");
        String hostsTopic = scenario.prefix + "hosts";
        broker.createTopics(List.of(new TopicCreator.TopicSpec(hostsTopic, 1, true)));
        Map<HostInfoMalformedReason, String[]> examples = new EnumMap<>(HostInfoMalformedReason.class);
        examples.put(
                HostInfoMalformedReason.OVERSIZED,
                new String[] {"A", "{\"host\":\"A\",\"x\":\"" + "y".repeat(3000) + "\"}"});
        examples.put(HostInfoMalformedReason.BAD_JSON, new String[] {"A", "{\"host\":\"A\",\"datacenter\":"});
        examples.put(HostInfoMalformedReason.MISSING_HOST, new String[] {"A", "{\"datacenter\":\"south\"}"});
        examples.put(
                HostInfoMalformedReason.BAD_HOST,
                new String[] {"../x", "{\"host\":\"../x\",\"datacenter\":\"south\"}"});
        examples.put(
                HostInfoMalformedReason.KEY_MISMATCH, new String[] {"B", "{\"host\":\"A\",\"datacenter\":\"south\"}"});
        examples.put(HostInfoMalformedReason.MISSING_DATACENTER, new String[] {"A", "{\"host\":\"A\"}"});
        examples.put(
                HostInfoMalformedReason.BAD_DATACENTER, new String[] {"A", "{\"host\":\"A\",\"datacenter\":\"../x\"}"});
        examples.put(
                HostInfoMalformedReason.BAD_RACK,
                new String[] {"A", "{\"host\":\"A\",\"datacenter\":\"south\",\"rack\":\"a/b\"}"});
        examples.put(
                HostInfoMalformedReason.BAD_HOST_ID,
                new String[] {"A", "{\"host\":\"A\",\"datacenter\":\"south\",\"hostId\":\"x\"}"});
        examples.put(
                HostInfoMalformedReason.BAD_CLUSTER,
                new String[] {"A", "{\"host\":\"A\",\"datacenter\":\"south\",\"cluster\":\"<b>\"}"});
        examples.put(
                HostInfoMalformedReason.BAD_ADDRESS,
                new String[] {"A", "{\"host\":\"A\",\"datacenter\":\"south\",\"address\":\"../x\"}"});
        assertThat(examples).as("every reason has an example").hasSize(HostInfoMalformedReason.values().length);

        // valid records first, then reason number i i+1 times: none of them may move A out of north
        for (String host : List.of("A", "C")) {
            scenario.feed.raw(hostsTopic, host, hostInfo(host, "north", "r1"));
        }
        scenario.feed.raw(hostsTopic, "B", hostInfo("B", "south", "r1"));
        Map<String, Long> expectedCounts = new HashMap<>();
        Future<RecordMetadata> last = null;
        for (Map.Entry<HostInfoMalformedReason, String[]> example : examples.entrySet()) {
            for (int copy = 0; copy <= example.getKey().ordinal(); copy++) {
                last = scenario.feed.raw(hostsTopic, example.getValue()[0], example.getValue()[1]);
            }
            expectedCounts.put(example.getKey().label(), example.getKey().ordinal() + 1L);
        }
        scenario.feed.flushAndCheck(last);
        scenario.sendWorkedExample(System.currentTimeMillis());

        scenario.submit(Map.of(LoadRankSettings.HOSTS_TOPIC.key(), hostsTopic));

        scenario.awaitWorkedExampleRankings(() -> scenario.awaitFile("GlobalRankings-north.txt", "{C=54, A=46}\n"));
        HostInfoCounts hostInfo = Await.value(
                RANKING_DEADLINE,
                "every malformed host-info record counted in GlobalRankings.json",
                () -> scenario.files
                        .globalJson()
                        .map(GlobalRankingFile::hostInfo)
                        .filter(counts -> counts.malformedTotal()
                                == expectedCounts.values().stream()
                                        .mapToLong(c -> c)
                                        .sum()));
        assertThat(hostInfo.malformed()).isEqualTo(expectedCounts);
        assertThat(hostInfo.accepted()).isEqualTo(3);
        // the datacenter files follow GlobalRankings.json on the file thread: wait for them too
        scenario.awaitFile("GlobalRankings-south.txt", "{B=100}\n");
        try (java.util.stream.Stream<Path> everything = java.nio.file.Files.walk(runDir)) {
            assertThat(everything.map(path -> path.getFileName().toString()))
                    .as("no file named after a malformed datacenter or rack, anywhere")
                    .noneMatch(name -> name.matches("(GlobalRankings-)?(x|b)\\.(txt|json)"));
        }
        try (java.util.stream.Stream<Path> output = java.nio.file.Files.list(scenario.files.directory())) {
            assertThat(output.map(path -> path.getFileName().toString())
                            .filter(name -> name.startsWith("GlobalRankings")))
                    .containsExactlyInAnyOrder(
                            "GlobalRankings.txt",
                            "GlobalRankings.json",
                            "GlobalRankings-north.txt",
                            "GlobalRankings-north.json",
                            "GlobalRankings-south.txt",
                            "GlobalRankings-south.json");
        }
    }

    @Test
    void givenADatacenterWhoseOnlyHostGoesSilent_whenItLeavesTheWindow_thenTheDatacenterFilesAreRemoved()
            throws Exception {
        Scenario scenario = new Scenario("dcleave");
        int staleAfterSecs = 3;
        int windowSecs = 12;
        List<String> topics = List.of(scenario.topic("cpuLoad"), scenario.topic("memLoad"));
        scenario.topicWeights.clear();
        topics.forEach(topic -> scenario.topicWeights.put(topic, 1.0));
        broker.createTopics(Map.of(topics.get(0), 1, topics.get(1), 1));
        String hostsTopic = scenario.prefix + "hosts";
        broker.createTopics(List.of(new TopicCreator.TopicSpec(hostsTopic, 1, true)));
        scenario.feed.raw(hostsTopic, "A", hostInfo("A", "north", "r1"));
        scenario.feed.raw(hostsTopic, "B", hostInfo("B", "north", "r2"));
        scenario.feed.flushAndCheck(scenario.feed.raw(hostsTopic, "D", hostInfo("D", "west", "r1")));
        scenario.submit(Map.of(
                LoadRankSettings.HOSTS_TOPIC.key(), hostsTopic,
                LoadRankSettings.STALE_AFTER_SECS.key(), staleAfterSecs,
                LoadRankSettings.WINDOW_SECS.key(), windowSecs,
                LoadRankSettings.EMIT_SECS.key(), 1));

        AtomicBoolean silenceD = new AtomicBoolean(false);
        AtomicLong lastSampleOfD = new AtomicLong();
        try (LiveFeed live =
                new LiveFeed(scenario.feed, topics, Map.of("A", 60.0, "B", 20.0, "D", 90.0), silenceD, lastSampleOfD)) {
            scenario.awaitFile("GlobalRankings-west.txt", "{D=100}\n");
            // the .json of the pair follows the .txt on the file thread
            Await.until(
                    RANKING_DEADLINE,
                    "GlobalRankings-west.json to be written",
                    () -> scenario.files.read("GlobalRankings-west.json").isPresent());

            silenceD.set(true);
            Await.until(
                    Duration.ofSeconds(staleAfterSecs + 20),
                    "D listed as STALE in GlobalRankings-west.txt",
                    () -> scenario.files
                            .read("GlobalRankings-west.txt")
                            .filter(text -> text.startsWith("{}\nSTALE: {D=lastSeen "))
                            .isPresent());
            Await.until(
                    Duration.ofSeconds(windowSecs + 20),
                    "the files of west removed once D left the window",
                    () -> scenario.files.read("GlobalRankings-west.txt").isEmpty()
                            && scenario.files.read("GlobalRankings-west.json").isEmpty());
            assertThat(System.currentTimeMillis() - lastSampleOfD.get())
                    .as("west's files stay while D is in the window")
                    .isGreaterThanOrEqualTo(windowSecs * 1000L - 1000);
            assertThat(scenario.files.read("GlobalRankings-north.txt")).contains("{A=75, B=25}\n");
        }
    }

    // ------------------------------------------------------------------------------------------
    // helpers

    /** One test's topics (named with a prefix of its own), output directory, and sample feed. */
    private final class Scenario {
        final String prefix;
        final Map<String, Double> topicWeights = new LinkedHashMap<>();
        final OutputFiles files;
        final SampleFeed feed;
        private int submissions;

        Scenario(String name) {
            this.prefix = name + "-";
            WORKED_EXAMPLE.keySet().forEach(suffix -> topicWeights.put(topic(suffix), 1.0));
            this.files = new OutputFiles(runDir.resolve("output-" + name));
            this.feed = new SampleFeed(broker.bootstrapServers());
            Map<String, Integer> partitions = new HashMap<>();
            topicWeights.keySet().forEach(topic -> partitions.put(topic, 2));
            broker.createTopics(partitions);
        }

        String topic(String suffix) {
            return prefix + suffix;
        }

        String hostsTopic() {
            return prefix + "hosts";
        }

        String rankingsTopic() {
            return prefix + "rankings";
        }

        /** The compacted host-info topic and the compacted rankings topic (3 partitions) of this scenario. */
        void createSliceTopics(int hostsPartitions) {
            broker.createTopics(List.of(
                    new TopicCreator.TopicSpec(hostsTopic(), hostsPartitions, true),
                    new TopicCreator.TopicSpec(rankingsTopic(), 3, true)));
        }

        /** Submits the topology with the test's topics and output, plus {@code overrides}; returns its name. */
        String submit(Map<String, Object> overrides) throws Exception {
            Map<String, Object> conf = new HashMap<>();
            conf.put(LoadRankSettings.BOOTSTRAP_SERVERS.key(), broker.bootstrapServers());
            conf.put(LoadRankSettings.TOPICS.key(), new LinkedHashMap<>(topicWeights));
            conf.put(LoadRankSettings.OUTPUT_DIR.key(), files.directory().toString());
            conf.put(LoadRankSettings.CONSUMER_GROUP.key(), prefix + "group");
            conf.put(LoadRankSettings.EMIT_SECS.key(), 1);
            conf.put(LoadRankSettings.STALE_AFTER_SECS.key(), 300);
            conf.put(LoadRankSettings.READBACK_OVERLAP_SECS.key(), 3);
            conf.put(Config.TOPOLOGY_MESSAGE_TIMEOUT_SECS, 30);
            conf.putAll(overrides);
            String name = prefix + "topology-" + (++submissions);
            conf.put(LoadRankSettings.TOPOLOGY_NAME.key(), name);
            Config stormConf = LoadRankTopology.stormConfig(conf, runDir);
            cluster.submitTopology(name, stormConf, LoadRankTopologyFactory.build(LoadRankSettings.from(stormConf)));
            return name;
        }

        /** The worked example as twelve samples per host and topic over the last minute. */
        void sendWorkedExample(long now) {
            sendWorkedExample(now, List.of());
        }

        void sendWorkedExample(long now, List<Runnable> interleaved) {
            Future<RecordMetadata> last = null;
            int next = 0;
            for (int k = 0; k < 12; k++) {
                long sampleTime = now - 59_000 + k * 5_000L;
                for (Map.Entry<String, Map<String, Integer>> topic : WORKED_EXAMPLE.entrySet()) {
                    for (Map.Entry<String, Integer> host : topic.getValue().entrySet()) {
                        last = feed.sample(topic(topic.getKey()), host.getKey(), host.getValue(), sampleTime);
                        if (next < interleaved.size()) {
                            interleaved.get(next++).run();
                        }
                    }
                }
            }
            while (next < interleaved.size()) {
                interleaved.get(next++).run();
            }
            feed.flushAndCheck(last);
        }

        /**
         * Waits for the worked example's rankings while the hosts keep reporting the same values, so
         * that the window stays full however long the topology takes to start on a busy machine.
         */
        void awaitWorkedExampleRankings() throws InterruptedException {
            awaitWorkedExampleRankings(() -> {});
        }

        /** Waits until the output file {@code name} holds exactly {@code content}. */
        void awaitFile(String name, String content) {
            Await.until(
                    RANKING_DEADLINE,
                    name + " to read " + content.strip(),
                    () -> files.read(name).filter(content::equals).isPresent());
        }

        /** Like {@link #awaitWorkedExampleRankings()}, then {@code alsoAwait} while the hosts still report. */
        void awaitWorkedExampleRankings(Runnable alsoAwait) throws InterruptedException {
            Map<String, Map<String, Double>> values = new LinkedHashMap<>();
            WORKED_EXAMPLE.forEach((suffix, hosts) -> {
                Map<String, Double> hostValues = new LinkedHashMap<>();
                hosts.forEach((host, value) -> hostValues.put(host, value.doubleValue()));
                values.put(topic(suffix), hostValues);
            });
            try (LiveFeed live = new LiveFeed(feed, values, new AtomicBoolean(), new AtomicLong())) {
                Await.until(
                        RANKING_DEADLINE,
                        "GlobalRankings.txt to read {C=41, A=34, B=24}",
                        () -> files.globalRanking()
                                .filter("{C=41, A=34, B=24}"::equals)
                                .isPresent());
                Await.until(
                        RANKING_DEADLINE,
                        topic("cpuLoad") + ".txt to read [[A|20|60], [C|20|60], [B|10|60]]",
                        () -> files.topicRanking(topic("cpuLoad"))
                                .filter("[[A|20|60], [C|20|60], [B|10|60]]"::equals)
                                .isPresent());
                alsoAwait.run();
            }
        }
    }

    private static void kill(String topologyName) throws Exception {
        LocalClusterKill.kill(cluster, topologyName);
    }

    private static Map<String, Long> readDeadLetters(String topic, long expected) {
        Map<String, Long> counts = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            consumer.subscribe(List.of(topic));
            AtomicLong seen = new AtomicLong();
            Await.until(RANKING_DEADLINE, expected + " records on the dead-letter topic", () -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    JsonObject json = JsonParser.parseString(record.value()).getAsJsonObject();
                    assertThat(json.get("reason").getAsString()).isEqualTo(record.key());
                    counts.merge(record.key(), 1L, Long::sum);
                    seen.incrementAndGet();
                }
                return seen.get() >= expected;
            });
        }
        return counts;
    }

    private static RankedHost host(GlobalRankingFile ranking, String name) {
        return ranking.hosts().stream()
                .filter(host -> host.host().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no host " + name + " in " + ranking.hosts()));
    }

    private static SlicePart slicePart(String value) {
        try {
            return SliceRecordFormat.read(value);
        } catch (SliceRecordException e) {
            throw new AssertionError("not a slice record: " + value, e);
        }
    }

    /**
     * The newest ranking of {@code slice} on the rankings topic, once {@code wanted} accepts it (null
     * for a tombstone), read from the beginning of the partition the slice's records go to; every
     * record on that partition must be a slice part.
     */
    private static SliceRanking readLatestRecord(
            String topic, Slice slice, java.util.function.Predicate<SliceRanking> wanted) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            int partitions = consumer.partitionsFor(topic).size();
            TopicPartition partition = new TopicPartition(topic, SliceKey.partition(slice, partitions));
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            SliceAssembler assembler = new SliceAssembler();
            AtomicReference<SliceRanking> latest = new AtomicReference<>();
            java.util.concurrent.atomic.AtomicBoolean found = new java.util.concurrent.atomic.AtomicBoolean();
            Await.until(RANKING_DEADLINE, "a record of " + slice + " on " + topic, () -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    SliceKey key = SliceKey.parse(record.key());
                    if (key == null || !key.slice().equals(slice)) {
                        continue; // another slice, or the check record of the topic's creation
                    }
                    if (record.value() == null) {
                        if (assembler.tombstone(key)) {
                            latest.set(null);
                        }
                    } else if (assembler.accept(slicePart(record.value()))
                            instanceof SliceAssembler.Outcome.Complete complete) {
                        latest.set(complete.ranking());
                    } else {
                        continue;
                    }
                    found.set(wanted.test(latest.get()));
                }
                return found.get();
            });
            return latest.get();
        }
    }

    /** The slice keys whose newest record on {@code topic}, read from its beginning, is not a tombstone. */
    private static Set<SliceKey> liveSliceKeys(String topic) {
        Map<String, Boolean> newestIsLive = new HashMap<>();
        TopicContents.forEachRecord(broker.bootstrapServers(), topic, record -> {
            if (record.key() != null) {
                newestIsLive.put(new String(record.key(), StandardCharsets.UTF_8), record.value() != null);
            }
        });
        Set<SliceKey> live = new java.util.HashSet<>();
        newestIsLive.forEach((key, isLive) -> {
            if (isLive && SliceKey.parse(key) != null) {
                live.add(SliceKey.parse(key));
            }
        });
        return live;
    }

    /** Host to its window average of {@code topic}, from a global ranking file. */
    private static Map<String, Double> averages(GlobalRankingFile global, String topic) {
        Map<String, Double> averages = new HashMap<>();
        for (RankedHost host : global.hosts()) {
            averages.put(host.host(), host.averages().get(topic));
        }
        return averages;
    }

    private static boolean isComplete(String file, String content) {
        if (file.endsWith(".json")) {
            try {
                if (file.startsWith("GlobalRankings-")) {
                    SliceRecordFormat.read(content);
                } else if (file.startsWith("GlobalRankings")) {
                    RankingFileReader.global(new StringReader(content), file);
                } else {
                    RankingFileReader.topic(new StringReader(content), file);
                }
                return true;
            } catch (RankingFileException | SliceRecordException e) {
                return false;
            }
        }
        if (file.startsWith("GlobalRankings")) {
            // above 100 hosts a score has decimals
            return content.matches("\\{([A-Za-z0-9._:-]+=\\d+(\\.\\d+)?(, )?)*}\n(STALE: \\{.*}\n)?");
        }
        return content.matches("\\[(\\[[A-Za-z0-9._:-]+\\|\\d+\\|\\d+](, )?)*]\n");
    }
}
