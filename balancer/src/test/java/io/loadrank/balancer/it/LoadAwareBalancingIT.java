package io.loadrank.balancer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import io.loadrank.balancer.BalancerStatus;
import io.loadrank.balancer.LoadAwareLoadBalancingPolicy;
import io.loadrank.balancer.config.LoadAwarePolicySettings;
import io.loadrank.balancer.config.LoadRankOption;
import io.loadrank.balancer.kafka.RankingFollower;
import io.loadrank.kafka.TopicCreator;
import io.loadrank.slice.Slice;
import io.loadrank.slice.SliceKey;
import io.loadrank.testing.Await;
import io.loadrank.testing.CassandraCluster;
import io.loadrank.testing.KafkaBroker;
import io.loadrank.testing.ServerScript;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.Level;
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
 * The balancer in a real two-node cluster (replication factor 2: both nodes are replicas of every
 * row, so token awareness leaves the choice between them to the reordering) with a real Kafka: which
 * node coordinates each read, as the driver reports it and as each node's own read metric counts it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoadAwareBalancingIT {

    private static final Logger LOG = LoggerFactory.getLogger(LoadAwareBalancingIT.class);
    private static final String TOPIC = "loadRankings";
    /** several, so that reading only the slice's partition is tested, not assumed */
    private static final int PARTITIONS = 3;

    private static final String KEYSPACE = "balancer_it";
    private static final int ROWS = 200;
    private static final int READS = 1000;
    /** short, so that expiry is seen within seconds; the logic is the same at the default 10 s */
    private static final Duration MAX_AGE = Duration.ofSeconds(3);

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path runDir;

    private static KafkaBroker kafka;
    private static CassandraCluster cluster;
    private static CapturedLog log;
    private static RankingPublisher publisher;
    private static Slice slice;
    private static CqlSession session;
    private static LoadAwareLoadBalancingPolicy policy;
    private static PreparedStatement read;
    private static Node node1;
    private static Node node2;

    @BeforeAll
    static void startServers() {
        log = CapturedLog.install();
        ServerScript.prepareRunDir(runDir);
        kafka = KafkaBroker.start(runDir);
        kafka.createTopics(List.of(new TopicCreator.TopicSpec(TOPIC, PARTITIONS, true)));
        cluster = CassandraCluster.start(runDir, 2);
        createSchema();

        LoadAwarePolicySettings settings = LoadAwarePolicySettings.builder()
                .bootstrapServers(kafka.bootstrapServers())
                .topic(TOPIC)
                .maxAge(MAX_AGE)
                .build();
        DriverConfigLoader config = settings.applyTo(DriverConfigLoader.programmaticBuilder()
                        .withClass(DefaultDriverOption.LOAD_BALANCING_POLICY_CLASS, LoadAwareLoadBalancingPolicy.class)
                        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30)))
                .build();
        session = CqlSession.builder()
                .addContactPoints(cluster.contactPoints())
                .withLocalDatacenter(CassandraCluster.DATACENTER)
                .withConfigLoader(config)
                .build();
        policy = LoadAwareLoadBalancingPolicy.of(session).orElseThrow();
        slice = policy.slice().orElseThrow();
        publisher = new RankingPublisher(kafka.bootstrapServers(), TOPIC, PARTITIONS, slice);
        node1 = node(1);
        node2 = node(2);
        read = session.prepare(SimpleStatement.newInstance("SELECT v FROM " + KEYSPACE + ".kv WHERE k = ?")
                .setConsistencyLevel(ConsistencyLevel.LOCAL_ONE));
    }

    @AfterAll
    static void stopServers() {
        RuntimeException failure = null;
        for (AutoCloseable closeable : new AutoCloseable[] {session, publisher, cluster, kafka, log}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("cleanup failed", e);
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
    @Order(0)
    void givenAHotRatioNotAllowed_whenTheSessionStarts_thenItFailsNamingKeyValueAndWhatIsAllowed() {
        DriverConfigLoader bad = DriverConfigLoader.programmaticBuilder()
                .withClass(DefaultDriverOption.LOAD_BALANCING_POLICY_CLASS, LoadAwareLoadBalancingPolicy.class)
                .withString(LoadRankOption.BOOTSTRAP_SERVERS, kafka.bootstrapServers())
                .withDouble(LoadRankOption.HOT_RATIO, 0.9)
                .build();

        assertThatThrownBy(() -> CqlSession.builder()
                        .addContactPoints(cluster.contactPoints())
                        .withLocalDatacenter(CassandraCluster.DATACENTER)
                        .withConfigLoader(bad)
                        .build())
                .hasStackTraceContaining(
                        "bad configuration: advanced.loadrank.hot-ratio = '0.9'; allowed: a number greater than 1");
    }

    @Test
    @Order(1)
    void givenARankingThatCallsNode2Hot_whenReading_thenNode1CoordinatesAtLeast90PercentAndTheReverseAfterwards() {
        publisher.rank(List.of(
                new RankingPublisher.Host("cass-1", node1.getHostId().toString(), 20),
                new RankingPublisher.Host("cass-2", node2.getHostId().toString(), 80)));
        Await.until(
                WAIT, "node 2 to be demoted", () -> policy.status().demoted().equals(List.of(node2)));

        Shares hot2 = readAndCount();

        LOG.info("node 2 hot: {}", hot2);
        assertThat(hot2.node1()).isGreaterThanOrEqualTo(READS * 9 / 10);
        hot2.assertMatchesTheNodesOwnCounts();

        // reversed, and named by address only: node 1 is now the hot one
        publisher.rank(List.of(
                new RankingPublisher.Host("127.0.0.1", null, 80), new RankingPublisher.Host("127.0.0.2", null, 20)));
        Await.until(
                WAIT,
                "node 1 to be demoted instead",
                () -> policy.status().demoted().equals(List.of(node1)));

        Shares hot1 = readAndCount();

        LOG.info("node 1 hot: {}", hot1);
        assertThat(hot1.node2()).isGreaterThanOrEqualTo(READS * 9 / 10);
        hot1.assertMatchesTheNodesOwnCounts();
        assertThat(log.lines(LoadAwareLoadBalancingPolicy.class, Level.INFO, "newly demoted [127.0.0.2"))
                .hasSize(1);
        assertThat(log.lines(LoadAwareLoadBalancingPolicy.class, Level.INFO, "newly demoted [127.0.0.1"))
                .hasSize(1);
    }

    @Test
    @Order(2)
    void givenASliceOf10000HostsInSeveralRecords_whenPublished_thenItArrivesWholeAndTheHotNodeIsDemoted()
            throws Exception {
        assertThat(slice)
                .as("the driver's cluster name and the local datacenter")
                .isEqualTo(
                        new Slice(session.getMetadata().getClusterName().orElseThrow(), CassandraCluster.DATACENTER));
        BalancerStatus before = policy.status();
        // another slice's record on the same partition: skipped by its key, its value never read
        Slice other = RankingPublisher.sharingThePartitionOf(slice, PARTITIONS);
        publisher.sendNow(new SliceKey(other, 0).text(), "{not JSON: a value the balancer must not read");
        publisher.rank(tenThousandHostsWithNode2Hot());
        Await.until(
                WAIT,
                "node 2 alone demoted by the ranking of 10,000 hosts",
                () -> policy.status().demoted().equals(List.of(node2))
                        && policy.status().rankingsRead() > before.rankingsRead());

        Shares hot2 = readAndCount();

        LOG.info("10,000 hosts in {} records, node 2 hot: {}", publisher.lastParts(), hot2);
        assertThat(publisher.lastParts()).as("records per ranking").isGreaterThanOrEqualTo(2);
        assertThat(hot2.node1()).isGreaterThanOrEqualTo(READS * 9 / 10);
        BalancerStatus after = policy.status();
        assertThat(after.skippedRecords()).isGreaterThan(before.skippedRecords());
        assertThat(after.malformedRecords()).isEqualTo(before.malformedRecords());

        // the slice leaves: its tombstone restores node 2 at once, before max-age
        publisher.rank(null);
        publisher.sendNow(new SliceKey(slice, 0).text(), null);
        Await.until(WAIT, "node 2 restored", () -> policy.status().demoted().isEmpty());
        assertThat(log.lines(LoadAwareLoadBalancingPolicy.class, Level.INFO, "the slice left the ranking"))
                .isNotEmpty();
    }

    /**
     * The two nodes among 9,998 other hosts of the slice, each a share of about 0.009: node 2 at 10 is a
     * thousand times the mean (0.01), node 1 well below it. With host ids, addresses and five averages a
     * host takes about 200 bytes, so the ranking needs two or three records of at most 1,000,000 bytes.
     */
    private static List<RankingPublisher.Host> tenThousandHostsWithNode2Hot() {
        List<RankingPublisher.Host> hosts = new ArrayList<>();
        hosts.add(new RankingPublisher.Host("cass-2", node2.getHostId().toString(), 10));
        hosts.add(new RankingPublisher.Host("cass-1", node1.getHostId().toString(), 0.001));
        double rest = (100 - 10 - 0.001) / 9_998;
        for (int i = 0; i < 9_998; i++) {
            hosts.add(new RankingPublisher.Host(
                    String.format("cass-filler-%05d.example.org", i),
                    String.format("6a0e1c2e-0000-4000-8000-%012d", i),
                    "10.9." + (i / 256) + "." + (i % 256),
                    rest));
        }
        return hosts;
    }

    @Test
    @Order(3)
    void givenNoRankingForMaxAge_whenReading_thenEachNodeCoordinates30To70Percent() {
        publisher.rank(List.of(
                new RankingPublisher.Host("cass-2", node2.getHostId().toString(), 90),
                new RankingPublisher.Host("cass-1", node1.getHostId().toString(), 10)));
        Await.until(
                WAIT, "node 2 to be demoted", () -> policy.status().demoted().equals(List.of(node2)));
        publisher.rank(null);
        Await.until(
                WAIT,
                "the ranking to be older than max-age and nothing demoted",
                () -> policy.status().rankingAge().orElseThrow().compareTo(MAX_AGE) > 0
                        && policy.status().demoted().isEmpty());

        Shares expired = readAndCount();

        LOG.info("no ranking for max-age: {}", expired);
        assertThat(expired.node1()).isBetween(READS * 3 / 10, READS * 7 / 10);
        assertThat(expired.node2()).isBetween(READS * 3 / 10, READS * 7 / 10);
        expired.assertMatchesTheNodesOwnCounts();
        assertThat(policy.status().restorations()).isGreaterThanOrEqualTo(1);
    }

    @Test
    @Order(4)
    void givenKafkaStopped_whenReading_thenQueriesWorkAndTheOutageIsLoggedOnce() {
        publisher.rank(null);
        kafka.stop();
        Await.until(
                WAIT,
                "the balancer to notice Kafka is gone",
                () -> !policy.status().kafkaReachable());
        // keep reading through several of the follower's retries (one every 3 s or so)
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int reads = 0;
        while (System.nanoTime() < until || reads < READS) {
            ResultSet result = session.execute(read.bind(reads % ROWS));
            assertThat(result.one()).isNotNull();
            reads++;
        }

        assertThat(log.lines(RankingFollower.class, Level.WARN, "cannot read the rankings topic"))
                .hasSize(1);
        assertThat(policy.status().kafkaOutages()).isEqualTo(1);

        kafka.restart();
        Await.until(
                WAIT, "the balancer to reach Kafka again", () -> policy.status().kafkaReachable());
        // the follower logs it just after its status says so
        Await.until(
                WAIT,
                "the balancer to log that Kafka is reachable again",
                () -> !log.lines(RankingFollower.class, Level.INFO, "Kafka reachable again")
                        .isEmpty());
        assertThat(log.lines(RankingFollower.class, Level.INFO, "Kafka reachable again"))
                .hasSize(1);
        assertThat(log.lines(RankingFollower.class, Level.WARN, "cannot read the rankings topic"))
                .hasSize(1);
        LOG.info("{} reads while Kafka was down, all answered", reads);
    }

    /** {@value #READS} LOCAL_ONE reads over {@value #ROWS} partition keys; who coordinated them. */
    private static Shares readAndCount() {
        long before1 = ReadLatencyCounts.of(cluster.jmxPort(1));
        long before2 = ReadLatencyCounts.of(cluster.jmxPort(2));
        int by1 = 0;
        int by2 = 0;
        for (int i = 0; i < READS; i++) {
            ResultSet result = session.execute(read.bind(i % ROWS));
            assertThat(result.one()).isNotNull();
            Node coordinator = result.getExecutionInfo().getCoordinator();
            if (coordinator.equals(node1)) {
                by1++;
            } else if (coordinator.equals(node2)) {
                by2++;
            }
        }
        return new Shares(
                by1,
                by2,
                ReadLatencyCounts.of(cluster.jmxPort(1)) - before1,
                ReadLatencyCounts.of(cluster.jmxPort(2)) - before2);
    }

    /** Reads coordinated per node, by the driver's account and by each node's metric. */
    private record Shares(int node1, int node2, long jmxNode1, long jmxNode2) {

        void assertMatchesTheNodesOwnCounts() {
            assertThat(node1 + node2).isEqualTo(READS);
            // the nodes also count the driver's own few metadata reads
            assertThat(jmxNode1).isBetween((long) node1, node1 + 20L);
            assertThat(jmxNode2).isBetween((long) node2, node2 + 20L);
        }

        @Override
        public String toString() {
            return String.format(
                    "driver: node 1 %d (%.1f %%), node 2 %d (%.1f %%); JMX read counts: node 1 +%d, node 2 +%d",
                    node1, node1 * 100.0 / READS, node2, node2 * 100.0 / READS, jmxNode1, jmxNode2);
        }
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
                    WAIT,
                    "both nodes up in the driver's view",
                    () -> admin.getMetadata().getNodes().values().stream()
                                    .filter(n -> n.getState() == com.datastax.oss.driver.api.core.metadata.NodeState.UP)
                                    .count()
                            == 2);
            admin.execute("CREATE KEYSPACE IF NOT EXISTS " + KEYSPACE
                    + " WITH replication = {'class': 'NetworkTopologyStrategy', '" + CassandraCluster.DATACENTER
                    + "': 2}");
            admin.execute("CREATE TABLE IF NOT EXISTS " + KEYSPACE + ".kv (k int PRIMARY KEY, v text)");
            Await.until(WAIT, "schema agreement", () -> admin.checkSchemaAgreement());
            PreparedStatement insert =
                    admin.prepare(SimpleStatement.newInstance("INSERT INTO " + KEYSPACE + ".kv (k, v) VALUES (?, ?)")
                            .setConsistencyLevel(ConsistencyLevel.ALL));
            for (int k = 0; k < ROWS; k++) {
                admin.execute(insert.bind(k, "value " + k));
            }
        }
    }
}
