package io.loadrank.balancer.demo;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import io.loadrank.balancer.BalancerStatus;
import io.loadrank.balancer.LoadAwareLoadBalancingPolicy;
import io.loadrank.balancer.config.LoadAwarePolicySettings;
import io.loadrank.cli.Cli;
import io.loadrank.cli.LoadrankVersion;
import io.loadrank.cli.OptionValues;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The application of scripts/steer-demo.sh: a session with {@link LoadAwareLoadBalancingPolicy} (its
 * default thresholds) that reads {@code LOCAL_ONE} one read after the other, and every
 * {@code --every} seconds prints each node's share of the reads it coordinated in that time, the
 * demoted nodes and the age of the ranking; a change of the demoted nodes gets a line of its own.
 * It creates its keyspace first (replication factor 2: both nodes hold every row) with a table to
 * read and the table the demo's write load fills.
 *
 * <p>Lives in the balancer's test sources, so that the policy's jar holds nothing of it: the script
 * runs it with {@code loadrank-balancer.jar}, the driver and a logging binding, as an application
 * would.
 */
@Command(
        name = "steer-demo-application",
        mixinStandardHelpOptions = true,
        versionProvider = LoadrankVersion.class,
        sortOptions = false,
        description = "Reads at LOCAL_ONE through the load-aware policy and prints each node's share of the reads.")
public final class SteerDemo implements Callable<Integer> {

    private static final int ROWS = 200;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    @Mixin
    DemoCluster cluster;

    @Option(
            names = "--bootstrap-servers",
            required = true,
            paramLabel = "HOST:PORT[,HOST:PORT...]",
            description = "the Kafka brokers of the rankings topic")
    String bootstrapServers;

    @Option(
            names = "--topic",
            defaultValue = "loadRankings",
            paramLabel = "TOPIC",
            description = "the topology's loadrank.rankings.topic (default: ${DEFAULT-VALUE})")
    String topic;

    @Option(
            names = "--every",
            defaultValue = "2",
            paramLabel = "SECONDS",
            description = "how often a line of read shares is printed, 1 to 60 (default: ${DEFAULT-VALUE})")
    long everySeconds;

    public static void main(String[] args) {
        int code = Cli.execute(new SteerDemo(), args);
        if (code != Cli.EXIT_OK) {
            System.exit(code);
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        int every = (int) OptionValues.inRange("--every", everySeconds, 1, 60);
        List<InetSocketAddress> contactPoints = cluster.contactPoints;
        String datacenter = cluster.datacenter;
        String keyspace = cluster.keyspace;

        createSchema(contactPoints, datacenter, keyspace);
        LoadAwarePolicySettings loadrank = LoadAwarePolicySettings.builder()
                .bootstrapServers(bootstrapServers)
                .topic(topic)
                .build();
        DriverConfigLoader config = loadrank.applyTo(DriverConfigLoader.programmaticBuilder()
                        .withClass(DefaultDriverOption.LOAD_BALANCING_POLICY_CLASS, LoadAwareLoadBalancingPolicy.class)
                        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30)))
                .build();
        CountDownLatch stopped = new CountDownLatch(1);
        try (CqlSession session = CqlSession.builder()
                .addContactPoints(contactPoints)
                .withLocalDatacenter(datacenter)
                .withConfigLoader(config)
                .build()) {
            LoadAwareLoadBalancingPolicy policy =
                    LoadAwareLoadBalancingPolicy.of(session).orElseThrow();
            PreparedStatement read =
                    session.prepare(SimpleStatement.newInstance("SELECT v FROM " + keyspace + ".kv WHERE k = ?")
                            .setConsistencyLevel(ConsistencyLevel.LOCAL_ONE));
            List<Node> nodes = session.getMetadata().getNodes().values().stream()
                    .sorted(Comparator.comparing(SteerDemo::address))
                    .toList();
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "steer-demo-stop"));
            try (ReadLoop reads = new ReadLoop(session, read, ROWS).start()) {
                System.out.printf(
                        "%s  reading %s.kv at LOCAL_ONE through %s; every %d s: each node's share of the "
                                + "reads it coordinated, and the demoted nodes%n",
                        now(),
                        keyspace,
                        nodes.stream().map(SteerDemo::address).collect(Collectors.joining(" and ")),
                        every);
                ReadLoop.Counts last = reads.counts();
                List<Node> lastDemoted = List.of();
                while (!stopped.await(every, java.util.concurrent.TimeUnit.SECONDS)) {
                    ReadLoop.Counts counts = reads.counts();
                    ReadLoop.Counts period = counts.since(last);
                    last = counts;
                    BalancerStatus status = policy.status();
                    if (!status.demoted().equals(lastDemoted)) {
                        System.out.printf(
                                "%s  >>> demoted nodes now: %s (were: %s)%n",
                                now(), names(status.demoted()), names(lastDemoted));
                        lastDemoted = status.demoted();
                    }
                    StringBuilder line = new StringBuilder(now())
                            .append(String.format("  %4.0f reads/s ", period.total() / (double) every));
                    for (Node node : nodes) {
                        line.append(String.format("  %s %3.0f %%", address(node), 100 * period.share(node)));
                    }
                    line.append("   demoted: ").append(names(status.demoted()));
                    line.append(status.rankingAge()
                            .map(age -> String.format("   ranking %.1f s old", age.toMillis() / 1000.0))
                            .orElse("   no ranking yet"));
                    if (period.failures() > 0) {
                        line.append("   ").append(period.failures()).append(" reads failed");
                    }
                    System.out.println(line);
                }
            }
        }
        return Cli.EXIT_OK;
    }

    private static String names(List<Node> nodes) {
        return nodes.isEmpty() ? "none" : nodes.stream().map(SteerDemo::address).collect(Collectors.joining(", "));
    }

    private static String address(Node node) {
        return node.getBroadcastRpcAddress()
                .map(a -> a.getAddress().getHostAddress())
                .orElse(String.valueOf(node.getEndPoint()));
    }

    private static String now() {
        return LocalTime.now().format(TIME);
    }

    private static void createSchema(List<InetSocketAddress> contactPoints, String datacenter, String keyspace) {
        DriverConfigLoader patient = DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(60))
                .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, Duration.ofSeconds(60))
                .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, Duration.ofSeconds(60))
                .build();
        try (CqlSession admin = CqlSession.builder()
                .addContactPoints(contactPoints)
                .withLocalDatacenter(datacenter)
                .withConfigLoader(patient)
                .build()) {
            admin.execute("CREATE KEYSPACE IF NOT EXISTS " + keyspace
                    + " WITH replication = {'class': 'NetworkTopologyStrategy', '" + datacenter + "': 2}");
            admin.execute("CREATE TABLE IF NOT EXISTS " + keyspace + ".kv (k int PRIMARY KEY, v text)");
            admin.execute("CREATE TABLE IF NOT EXISTS " + keyspace + ".flood (k int PRIMARY KEY, v text)");
            admin.checkSchemaAgreement();
            PreparedStatement insert =
                    admin.prepare(SimpleStatement.newInstance("INSERT INTO " + keyspace + ".kv (k, v) VALUES (?, ?)")
                            .setConsistencyLevel(ConsistencyLevel.ALL));
            for (int k = 0; k < ROWS; k++) {
                admin.execute(insert.bind(k, "value " + k));
            }
        }
    }
}
