package io.loadrank.balancer.demo;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import io.loadrank.cli.Cli;
import io.loadrank.cli.LoadrankVersion;
import io.loadrank.cli.OptionValues;
import io.loadrank.cli.UsageException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;

/**
 * A write flood coordinated by one node: another client's load, with its own session and the driver's
 * plain policy, every statement sent to {@code target} ({@code Statement.setNode}), {@code inFlight}
 * asynchronous 1 KiB inserts at a time into {@code keyspace.table (k int PRIMARY KEY, v text)}, until
 * closed. The target is then the only node that coordinates writes: its client write latency and
 * its native-transport queue grow, while with replication factor 2 both nodes apply the mutations.
 */
public final class WriteLoad implements AutoCloseable {

    private static final int KEYS = 100_000;

    private final CqlSession session;
    private final PreparedStatement insert;
    private final Node target;
    private final int inFlight;
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final String value = "w".repeat(1024);
    private final Thread thread;
    private volatile boolean running = true;

    private WriteLoad(CqlSession session, PreparedStatement insert, Node target, int inFlight) {
        this.session = session;
        this.insert = insert;
        this.target = target;
        this.inFlight = inFlight;
        this.thread = new Thread(this::run, "write-load");
        thread.setDaemon(true);
    }

    /** Connects and starts sending; {@code target} is the node's CQL address. */
    public static WriteLoad start(
            List<InetSocketAddress> contactPoints,
            String datacenter,
            InetSocketAddress target,
            String keyspace,
            String table,
            int inFlight) {
        DriverConfigLoader config = DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
                .withInt(DefaultDriverOption.CONNECTION_MAX_REQUESTS, Math.max(1024, inFlight * 2))
                .build();
        CqlSession session = CqlSession.builder()
                .addContactPoints(contactPoints)
                .withLocalDatacenter(datacenter)
                .withConfigLoader(config)
                .build();
        try {
            Node node = session.getMetadata().getNodes().values().stream()
                    .filter(n -> target.equals(n.getEndPoint().resolve()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no node " + target + " in the cluster: "
                            + session.getMetadata().getNodes().values()));
            PreparedStatement insert = session.prepare(
                    SimpleStatement.newInstance("INSERT INTO " + keyspace + "." + table + " (k, v) VALUES (?, ?)")
                            .setConsistencyLevel(ConsistencyLevel.LOCAL_ONE));
            WriteLoad load = new WriteLoad(session, insert, node, inFlight);
            load.thread.start();
            return load;
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private void run() {
        Semaphore slots = new Semaphore(inFlight);
        while (running) {
            try {
                if (!slots.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    continue;
                }
            } catch (InterruptedException e) {
                return;
            }
            int key = ThreadLocalRandom.current().nextInt(KEYS);
            session.executeAsync(insert.bind(key, value).setNode(target)).whenComplete((result, error) -> {
                (error == null ? completed : failed).incrementAndGet();
                slots.release();
            });
        }
    }

    /**
     * The demo's write load as a process of its own: {@code --contact-points h:p,h:p --datacenter DC
     * --node h:p --keyspace KS --in-flight N}; writes into {@code KS.flood} until ended (TERM), one
     * line every 10 s.
     */
    public static void main(String[] args) {
        int code = Cli.execute(new Command(), args);
        if (code != Cli.EXIT_OK) {
            System.exit(code);
        }
    }

    /** The command line of {@link #main}. */
    @CommandLine.Command(
            name = "write-load",
            mixinStandardHelpOptions = true,
            versionProvider = LoadrankVersion.class,
            sortOptions = false,
            description = "Floods one node with writes it coordinates, until ended (TERM).")
    static final class Command implements Callable<Integer> {

        @CommandLine.Mixin
        DemoCluster cluster;

        @CommandLine.Option(
                names = "--node",
                required = true,
                paramLabel = "HOST:PORT",
                converter = DemoCluster.AddressList.class,
                description = "the CQL address of the node that coordinates every write")
        List<InetSocketAddress> node;

        @CommandLine.Option(
                names = "--in-flight",
                defaultValue = "32",
                paramLabel = "N",
                description = "asynchronous writes in flight at a time, 1 to 1024 (default: ${DEFAULT-VALUE})")
        long inFlight;

        @Override
        public Integer call() throws InterruptedException {
            if (node.size() != 1) {
                throw UsageException.invalidValue("--node", node, "one host:port");
            }
            int writes = (int) OptionValues.inRange("--in-flight", inFlight, 1, 1024);
            InetSocketAddress target = node.get(0);
            WriteLoad load =
                    start(cluster.contactPoints, cluster.datacenter, target, cluster.keyspace, "flood", writes);
            System.out.printf(
                    "write load on %s: started, %d writes in flight%n",
                    target.getAddress().getHostAddress(), writes);
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                load.close();
                                stopped.countDown();
                            },
                            "write-load-stop"));
            long last = 0;
            while (!stopped.await(10, TimeUnit.SECONDS)) {
                long now = load.completed();
                System.out.printf(
                        "write load on %s: %d writes/s, %d failed so far%n",
                        target.getAddress().getHostAddress(), (now - last) / 10, load.failed());
                last = now;
            }
            return Cli.EXIT_OK;
        }
    }

    public Node target() {
        return target;
    }

    public long completed() {
        return completed.get();
    }

    public long failed() {
        return failed.get();
    }

    /** Stops sending (requests in flight finish) and closes the session. */
    @Override
    public void close() {
        running = false;
        ReadLoop.joinQuietly(thread);
        session.close();
    }
}
