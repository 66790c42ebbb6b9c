package io.loadrank.balancer.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import io.loadrank.balancer.LoadAwareLoadBalancingPolicy;
import io.loadrank.balancer.config.LoadAwarePolicySettings;
import io.loadrank.balancer.demo.ReadLoop;
import io.loadrank.balancer.demo.WriteLoad;
import io.loadrank.kafka.TopicCreator;
import io.loadrank.producer.ProducerApp;
import io.loadrank.producer.ProducerConfig;
import io.loadrank.testing.Await;
import io.loadrank.testing.CassandraCluster;
import io.loadrank.testing.KafkaBroker;
import io.loadrank.testing.ServerScript;
import io.loadrank.topology.LoadRankSettings;
import io.loadrank.topology.LoadRankTopology;
import io.loadrank.topology.LoadRankTopologyFactory;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.storm.Config;
import org.apache.storm.LocalCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The closed loop, every part real: a two-node Cassandra cluster (replication factor 2, so both nodes
 * are replicas of every row and the coordinator is the balancer's choice), the JMX producer of each
 * node (in this JVM), a Kafka broker, the topology in a Storm LocalCluster publishing one ranking per
 * emit on the rankings topic, and an application's session with {@link LoadAwareLoadBalancingPolicy}
 * reading at {@code LOCAL_ONE}. A write flood that another client sends to node 2 only makes node 2
 * the hottest node of the datacenter, and the application's reads move to node 1 by themselves.
 *
 * <p>Thresholds chosen for this test, and why:
 * <ul>
 *   <li>Topology: {@code emit.secs} 2 (the default), {@code window.secs} 10 (short, so that the flood's
 *       end leaves the window within seconds), {@code stale.after.secs} 10.</li>
 *   <li>Topic weights: {@code writeLatency} {@value #WRITE_LATENCY_WEIGHT}, every other topic 0 (still
 *       ranked and recorded, not scored). On one machine {@code cpuLoad} and {@code memLoad} are the
 *       machine's, the same for both nodes, so they only pull both scores to 50; {@code readLatency}
 *       belongs to the application's own reads, which the balancer moves (a demoted node coordinates
 *       no reads and reports 0, so its share drops to 0 as soon as it is demoted);
 *       {@code pendingTasks} rises on both nodes under the flood, since with replication factor 2
 *       both apply every mutation, and which node's queue is longer changes from run to run
 *       (window averages measured under the flood: in one run node 1 10-15 against node 2 3-5 at
 *       first, in another node 2 2-8 against node 1 0.2-3), so it is no steady signal here.
 *       {@code writeLatency} is the coordinator's client write latency: only the node that
 *       coordinates the flood has any, the other reports 0, so the flooded node's share is 100 and
 *       its {@code dcScore} twice the datacenter's mean (with nothing written anywhere both are 0
 *       and nothing is hot).</li>
 *   <li>Balancer: {@code hot-ratio} 1.5 and {@code cool-ratio} 1.2 (the defaults), {@code min-hot} 4 s
 *       (two emits), {@code max-age} 30 s (three times the default: on a busy shared machine an emit
 *       can come late without the ranking being wrong).</li>
 *   <li>Producer: one sample per metric per second (the default).</li>
 * </ul>
 * Deadlines are generous (the machine's load average is often above 10); the assertions are about
 * behaviour: who coordinates the reads, and after how many emits, not how many seconds.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClosedLoopIT {

    private static final Logger LOG = LoggerFactory.getLogger(ClosedLoopIT.class);

    private static final String KEYSPACE = "closed_loop";
    private static final int ROWS = 200;
    private static final String RANKINGS = "loadRankings";
    private static final String HOSTS = "hosts";
    private static final List<String> METRIC_TOPICS =
            List.of("cpuLoad", "memLoad", "pendingTasks", "readLatency", "writeLatency");
    private static final double WRITE_LATENCY_WEIGHT = 1.0;
    private static final int EMIT_SECS = 2;
    private static final int WINDOW_SECS = 10;
    private static final double HOT_RATIO = 1.5;
    private static final double COOL_RATIO = 1.2;
    private static final Duration MIN_HOT = Duration.ofSeconds(4);
    private static final Duration MAX_AGE = Duration.ofSeconds(30);
    private static final int WRITES_IN_FLIGHT = 32;
    /** the emits after the flood starts within which the reads must have moved */
    private static final int EMITS_TO_MOVE = 3;

    private static final Duration START_DEADLINE = Duration.ofSeconds(240);
    private static final Duration PHASE_DEADLINE = Duration.ofSeconds(120);
    /** every share is measured over at least this long and this many reads */
    private static final Duration MEASURE_TIME = Duration.ofSeconds(6);

    private static final int MEASURE_READS = 300;

    @TempDir
    static Path runDir;

    private static KafkaBroker kafka;
    private static CassandraCluster cluster;
    private static final List<ProducerApp> producers = new ArrayList<>();
    private static LocalCluster storm;
    private static RankingsWatcher rankings;
    private static CqlSession session;
    private static LoadAwareLoadBalancingPolicy policy;
    private static ReadLoop reads;
    private static WriteLoad flood;
    private static Node node1;
    private static Node node2;
    private static final Map<String, String> figures = new LinkedHashMap<>();

    @BeforeAll
    static void closeTheLoop() throws Exception {
        long started = System.nanoTime();
        ServerScript.prepareRunDir(runDir);
        CompletableFuture<KafkaBroker> startingKafka = CompletableFuture.supplyAsync(() -> KafkaBroker.start(runDir));
        try {
            cluster = CassandraCluster.start(runDir, 2);
        } finally {
            kafka = startingKafka.join();
        }
        Map<String, Integer> topics = new LinkedHashMap<>();
        METRIC_TOPICS.forEach(topic -> topics.put(topic, 1));
        kafka.createTopics(topics);
        // compacted, as the topology's rankings topic is: one record per slice part is what a reader needs
        kafka.createTopics(
                List.of(new TopicCreator.TopicSpec(HOSTS, 1, true), new TopicCreator.TopicSpec(RANKINGS, 1, true)));
        createSchema();
        figures.put("servers up", seconds(started));

        for (int i = 1; i <= 2; i++) {
            producers.add(ProducerApp.toKafka(ProducerConfig.parse(
                            List.of(
                                    "--host=cass-" + i,
                                    "--jmx.port=" + cluster.jmxPort(i),
                                    "--kafka.bootstrap.servers=" + kafka.bootstrapServers()),
                            Map.of(),
                            () -> "unused"))
                    .start());
        }
        rankings = new RankingsWatcher(kafka.bootstrapServers(), RANKINGS);
        storm = new LocalCluster();
        submitTopology();

        LoadAwarePolicySettings loadrank = LoadAwarePolicySettings.builder()
                .bootstrapServers(kafka.bootstrapServers())
                .topic(RANKINGS)
                .hotRatio(HOT_RATIO)
                .coolRatio(COOL_RATIO)
                .minHot(MIN_HOT)
                .maxAge(MAX_AGE)
                .build();
        DriverConfigLoader config = loadrank.applyTo(DriverConfigLoader.programmaticBuilder()
                        .withClass(DefaultDriverOption.LOAD_BALANCING_POLICY_CLASS, LoadAwareLoadBalancingPolicy.class)
                        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30)))
                .build();
        session = CqlSession.builder()
                .addContactPoints(cluster.contactPoints())
                .withLocalDatacenter(CassandraCluster.DATACENTER)
                .withConfigLoader(config)
                .build();
        policy = LoadAwareLoadBalancingPolicy.of(session).orElseThrow();
        node1 = node(1);
        node2 = node(2);
        PreparedStatement read =
                session.prepare(SimpleStatement.newInstance("SELECT v FROM " + KEYSPACE + ".kv WHERE k = ?")
                        .setConsistencyLevel(ConsistencyLevel.LOCAL_ONE));
        reads = new ReadLoop(session, read, ROWS).start();

        Await.until(
                START_DEADLINE,
                "a ranking of both nodes in " + CassandraCluster.DATACENTER
                        + " (host info and every topic), taken in by the balancer",
                () -> policy.status().rankingsRead() > 0
                        && rankings.rankings().stream()
                                .anyMatch(r ->
                                        r.ranksInDatacenter(CassandraCluster.DATACENTER, List.of("cass-1", "cass-2"))));
        figures.put("loop closed", seconds(started));
    }

    @AfterAll
    static void openTheLoop() {
        LOG.info("closed loop figures: {}", figures);
        List<AutoCloseable> parts = new ArrayList<>();
        parts.add(flood);
        parts.add(reads);
        parts.add(session);
        parts.add(storm);
        parts.add(rankings);
        parts.addAll(producers);
        parts.add(cluster);
        parts.add(kafka);
        RuntimeException failure = null;
        for (AutoCloseable part : parts) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("stopping the loop failed", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Test
    @Order(1)
    void givenTheLoopClosedAndNoLoad_whenTheApplicationReads_thenNothingIsDemotedAndEachNodeCoordinates30To70Percent() {
        ReadLoop.Counts idle = measureWhileNothingIsDemoted();

        figures.put("idle: node 1 / node 2", shares(idle));
        assertThat(idle.share(node1)).isBetween(0.3, 0.7);
        assertThat(idle.share(node2)).isBetween(0.3, 0.7);
        assertThat(idle.failures()).isZero();
    }

    @Test
    @Order(2)
    void
            givenAWriteFloodOnNode2Only_whenItIsRanked_thenNode2IsDemotedWithinThreeEmitsAndNode1CoordinatesAtLeast90Percent() {
        long demotionsBefore = policy.status().demotions();

        flood = WriteLoad.start(
                cluster.contactPoints(),
                CassandraCluster.DATACENTER,
                new InetSocketAddress(cluster.address(2), cluster.cqlPort()),
                KEYSPACE,
                "flood",
                WRITES_IN_FLIGHT);
        long floodStart = System.currentTimeMillis();
        Await.until(
                PHASE_DEADLINE,
                "node 2 demoted by the balancer",
                () -> policy.status().demoted().equals(List.of(node2)));
        long demotedAt = System.currentTimeMillis();
        ReadLoop.Counts moved = measure();

        List<RankingsWatcher.Ranking> emitted = rankings.rankedSince(floodStart, r -> r.arrivedAtMillis() <= demotedAt);
        RankingsWatcher.Ranking hot = Await.value(
                Duration.ofSeconds(10),
                "the ranking that made node 2 hot",
                () -> rankings
                        .rankedSince(
                                floodStart,
                                r -> hottest(r).filter("cass-2"::equals).isPresent())
                        .stream()
                        .findFirst());
        figures.put(
                "flood: writes/s",
                String.format(
                        "%.0f (%d failed)",
                        flood.completed() * 1000.0 / Math.max(1, System.currentTimeMillis() - floodStart),
                        flood.failed()));
        figures.put(
                "flood start to demotion",
                String.format("%.1f s, %d emits", (demotedAt - floodStart) / 1000.0, emitted.size()));
        figures.put("first ranking with node 2 hot", hot.toString());
        figures.put("flood: node 1 / node 2", shares(moved));
        assertThat(emitted.size())
                .as("emits from the flood's start until node 2 was demoted")
                .isLessThanOrEqualTo(EMITS_TO_MOVE);
        assertThat(moved.share(node1)).isGreaterThanOrEqualTo(0.9);
        assertThat(moved.failures()).isZero();
        assertThat(policy.status().demotions()).isEqualTo(demotionsBefore + 1);
        assertThat(flood.completed()).isPositive();
    }

    @Test
    @Order(3)
    void givenTheFloodStopped_whenNode2HasCooled_thenItIsRestoredAndCoordinates30To70PercentAgain() {
        flood.close();
        long stoppedAt = System.currentTimeMillis();
        long restorationsBefore = policy.status().restorations();

        Await.until(
                PHASE_DEADLINE,
                "node 2 restored",
                () -> policy.status().demoted().isEmpty());
        long restoredAt = System.currentTimeMillis();
        ReadLoop.Counts after = measureWhileNothingIsDemoted();

        figures.put("flood end to restoration", String.format("%.1f s", (restoredAt - stoppedAt) / 1000.0));
        figures.put("after: node 1 / node 2", shares(after));
        assertThat(policy.status().restorations()).isGreaterThan(restorationsBefore);
        assertThat(after.share(node1)).isBetween(0.3, 0.7);
        assertThat(after.share(node2)).isBetween(0.3, 0.7);
    }

    /** The reads of at least {@link #MEASURE_TIME} and {@link #MEASURE_READS} reads from now. */
    private static ReadLoop.Counts measure() {
        ReadLoop.Counts start = reads.counts();
        long minNanos = MEASURE_TIME.toNanos();
        return Await.value(PHASE_DEADLINE, MEASURE_READS + " reads", () -> {
            ReadLoop.Counts since = reads.counts().since(start);
            return since.total() >= MEASURE_READS && since.atNanos() - start.atNanos() >= minNanos
                    ? Optional.of(since)
                    : Optional.empty();
        });
    }

    /**
     * Like {@link #measure()}, over a stretch in which nothing was demoted from start to end (a
     * stretch that saw a demotion, say from a node's own background writes, is measured again).
     */
    private static ReadLoop.Counts measureWhileNothingIsDemoted() {
        return Await.value(PHASE_DEADLINE, "a stretch of reads with nothing demoted", () -> {
            Await.until(
                    PHASE_DEADLINE,
                    "nothing demoted",
                    () -> policy.status().demoted().isEmpty());
            long demotions = policy.status().demotions();
            ReadLoop.Counts counts = measure();
            if (policy.status().demotions() != demotions
                    || !policy.status().demoted().isEmpty()) {
                LOG.info("a node was demoted while measuring ({}); measuring again", policy.status());
                return Optional.empty();
            }
            return Optional.of(counts);
        });
    }

    /** The host of the datacenter whose dcScore is at least hot-ratio times the datacenter's mean, if any. */
    private static Optional<String> hottest(RankingsWatcher.Ranking ranking) {
        List<RankingsWatcher.Host> scored = ranking.hosts().stream()
                .filter(h -> CassandraCluster.DATACENTER.equals(h.datacenter()) && h.dcScore() != null)
                .toList();
        double mean = scored.stream()
                .mapToDouble(RankingsWatcher.Host::dcScore)
                .average()
                .orElse(0);
        return scored.stream()
                .filter(h -> mean > 0 && h.dcScore() >= HOT_RATIO * mean)
                .max(java.util.Comparator.comparingDouble(RankingsWatcher.Host::dcScore))
                .map(RankingsWatcher.Host::host);
    }

    private static String shares(ReadLoop.Counts counts) {
        return String.format(
                "%.1f %% / %.1f %% of %d reads", 100 * counts.share(node1), 100 * counts.share(node2), counts.total());
    }

    private static String seconds(long sinceNanos) {
        return String.format("%.0f s", (System.nanoTime() - sinceNanos) / 1e9);
    }

    private static void submitTopology() throws Exception {
        Map<String, Object> conf = new HashMap<>();
        LinkedHashMap<String, Double> weights = new LinkedHashMap<>();
        METRIC_TOPICS.forEach(topic -> weights.put(topic, 0.0));
        weights.put("writeLatency", WRITE_LATENCY_WEIGHT);
        conf.put(LoadRankSettings.BOOTSTRAP_SERVERS.key(), kafka.bootstrapServers());
        conf.put(LoadRankSettings.TOPICS.key(), weights);
        conf.put(LoadRankSettings.OUTPUT_DIR.key(), runDir.resolve("output").toString());
        conf.put(LoadRankSettings.EMIT_SECS.key(), EMIT_SECS);
        conf.put(LoadRankSettings.WINDOW_SECS.key(), WINDOW_SECS);
        conf.put(LoadRankSettings.STALE_AFTER_SECS.key(), 10);
        conf.put(LoadRankSettings.RANKINGS_TOPIC.key(), RANKINGS);
        conf.put(LoadRankSettings.HOSTS_TOPIC.key(), HOSTS);
        conf.put(LoadRankSettings.TOPOLOGY_NAME.key(), "closed-loop");
        conf.put(Config.TOPOLOGY_MESSAGE_TIMEOUT_SECS, 30);
        Config stormConf = LoadRankTopology.stormConfig(conf, runDir);
        storm.submitTopology("closed-loop", stormConf, LoadRankTopologyFactory.build(LoadRankSettings.from(stormConf)));
    }

    private static Node node(int i) {
        InetSocketAddress wanted = new InetSocketAddress(cluster.address(i), cluster.cqlPort());
        return session.getMetadata().getNodes().values().stream()
                .filter(node -> wanted.equals(node.getEndPoint().resolve()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no node " + wanted + " in " + session.getMetadata().getNodes()));
    }

    private static void createSchema() {
        // generous timeouts: schema changes on a machine shared with other test runs can take seconds
        DriverConfigLoader patient = DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(60))
                .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, Duration.ofSeconds(60))
                .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, Duration.ofSeconds(60))
                .build();
        try (CqlSession admin = CqlSession.builder()
                .addContactPoints(cluster.contactPoints())
                .withLocalDatacenter(CassandraCluster.DATACENTER)
                .withConfigLoader(patient)
                .build()) {
            Await.until(
                    PHASE_DEADLINE,
                    "both nodes up in the driver's view",
                    () -> admin.getMetadata().getNodes().values().stream()
                                    .filter(n -> n.getState() == NodeState.UP)
                                    .count()
                            == 2);
            admin.execute("CREATE KEYSPACE IF NOT EXISTS " + KEYSPACE
                    + " WITH replication = {'class': 'NetworkTopologyStrategy', '" + CassandraCluster.DATACENTER
                    + "': 2}");
            admin.execute("CREATE TABLE IF NOT EXISTS " + KEYSPACE + ".kv (k int PRIMARY KEY, v text)");
            admin.execute("CREATE TABLE IF NOT EXISTS " + KEYSPACE + ".flood (k int PRIMARY KEY, v text)");
            Await.until(PHASE_DEADLINE, "schema agreement", admin::checkSchemaAgreement);
            PreparedStatement insert =
                    admin.prepare(SimpleStatement.newInstance("INSERT INTO " + KEYSPACE + ".kv (k, v) VALUES (?, ?)")
                            .setConsistencyLevel(ConsistencyLevel.ALL));
            for (int k = 0; k < ROWS; k++) {
                admin.execute(insert.bind(k, "value " + k));
            }
        }
    }
}
