package io.loadrank.testing;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A real N-node Cassandra cluster for integration tests, run through {@code scripts/cassandra.sh start
 * --nodes N} exactly as a user runs it: node i on 127.0.0.i, all on the same free CQL and storage ports,
 * each with its own free JMX port on 127.0.0.1, one datacenter {@value #DATACENTER}, data under a run
 * directory the test owns. Stopped by process ids; a shutdown hook kills the nodes should the test JVM
 * end without closing it.
 *
 * <pre>{@code
 * try (CassandraCluster cluster = CassandraCluster.start(tempDir, 2)) {
 *     ... cluster.contactPoints(), cluster.jmxPort(2) ...
 * }
 * }</pre>
 */
public final class CassandraCluster implements AutoCloseable {

    public static final String DATACENTER = "datacenter1";

    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(8);
    private static final int START_ATTEMPTS = 3;

    private final Path runDir;
    private final int nodes;
    private final int cqlPort;
    private final int storagePort;
    private final int sslStoragePort;
    private final int[] jmxPorts;
    private final ServerScript script;
    private final List<Long> pids = new ArrayList<>();
    private Thread killOnExit;

    private CassandraCluster(Path runDir, int nodes, int[] ports) {
        this.runDir = runDir.toAbsolutePath().normalize();
        this.nodes = nodes;
        this.cqlPort = ports[0];
        this.storagePort = ports[1];
        this.sslStoragePort = ports[2];
        this.jmxPorts = Arrays.copyOfRange(ports, 3, 3 + nodes);
        this.script = new ServerScript(
                "cassandra.sh",
                this.runDir,
                this.runDir.resolve("cassandra-cluster-script.log"),
                Map.of(
                        "CASSANDRA_CQL_PORT", Integer.toString(cqlPort),
                        "CASSANDRA_STORAGE_PORT", Integer.toString(storagePort),
                        "CASSANDRA_SSL_STORAGE_PORT", Integer.toString(sslStoragePort),
                        "CASSANDRA_JMX_PORT", Integer.toString(jmxPorts[0]),
                        "CASSANDRA_JMX_PORTS",
                                Arrays.stream(jmxPorts)
                                        .mapToObj(Integer::toString)
                                        .collect(Collectors.joining(",")),
                        "CASSANDRA_DATACENTER", DATACENTER));
    }

    /**
     * Starts {@code nodes} nodes; returns once every node answers CQL and node 1 sees every other node up.
     * A start that finds a chosen port taken, or a node that could not gossip with the seed, is tried
     * again (twice at most) on new ports.
     */
    public static CassandraCluster start(Path runDir, int nodes) {
        if (nodes < 1 || nodes > 9) {
            throw new IllegalArgumentException("nodes=" + nodes + " is not allowed: it must be from 1 to 9");
        }
        IllegalStateException last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            CassandraCluster cluster = new CassandraCluster(runDir, nodes, FreePorts.several(3 + nodes));
            try {
                cluster.launch();
                return cluster;
            } catch (IllegalStateException e) {
                cluster.stopQuietly(e);
                last = e;
                // a port taken meanwhile, or (on a machine loaded far beyond its cores) a node whose
                // shadow round heard nothing from the seed within the short ring delay: start afresh
                if (!e.getMessage().contains("already in use")
                        && !e.getMessage().contains("Unable to gossip with any peers")) {
                    throw e;
                }
            }
        }
        throw last;
    }

    public int size() {
        return nodes;
    }

    /** The address of node {@code i} (1-based): 127.0.0.i. */
    public String address(int i) {
        checkNode(i);
        return "127.0.0." + i;
    }

    /** The CQL port every node listens on (at its own address). */
    public int cqlPort() {
        return cqlPort;
    }

    /** The JMX port of node {@code i} (1-based), on 127.0.0.1. */
    public int jmxPort(int i) {
        checkNode(i);
        return jmxPorts[i - 1];
    }

    /** Every node's CQL address, for the driver's contact points. */
    public List<InetSocketAddress> contactPoints() {
        List<InetSocketAddress> points = new ArrayList<>();
        for (int i = 1; i <= nodes; i++) {
            points.add(new InetSocketAddress(address(i), cqlPort));
        }
        return points;
    }

    /** Process ids of the nodes, node 1 first. */
    public List<Long> pids() {
        return List.copyOf(pids);
    }

    /** Stops every node (TERM, then KILL) and checks that their processes are gone. */
    @Override
    public void close() {
        if (pids.isEmpty()) {
            return;
        }
        int code = runScript("stop");
        Await.until(
                Duration.ofSeconds(90),
                "cassandra processes " + pids + " to exit",
                () -> pids.stream().noneMatch(Processes::isAlive));
        Processes.forgetOnExit(killOnExit);
        killOnExit = null;
        pids.clear();
        if (code != 0) {
            throw new IllegalStateException(
                    "cassandra.sh stop failed with exit code " + code + "; see " + script.log());
        }
    }

    private void launch() {
        int code = runScript("start", "--nodes", Integer.toString(nodes));
        readPids();
        if (code != 0) {
            throw new IllegalStateException("cassandra.sh start --nodes " + nodes + " failed (exit " + code
                    + "); last lines of " + script.log() + ":\n" + script.logTail());
        }
    }

    private void readPids() {
        pids.clear();
        for (int i = 1; i <= nodes; i++) {
            Path pidFile = runDir.resolve("cassandra-cluster-" + cqlPort)
                    .resolve("node" + i)
                    .resolve("cassandra.pid");
            // a node that failed to start wrote none; the others are stopped all the same
            if (Files.exists(pidFile)) {
                pids.add(Processes.readPid(pidFile, "cassandra node " + i));
            }
        }
        Processes.forgetOnExit(killOnExit);
        killOnExit = Processes.killOnExit("cassandra cluster", pids);
    }

    private void stopQuietly(RuntimeException failure) {
        try {
            close();
        } catch (RuntimeException | Error e) {
            failure.addSuppressed(e);
        }
    }

    private int runScript(String... args) {
        return script.run(SCRIPT_TIMEOUT, "CQL " + cqlPort, args).exitCode();
    }

    private void checkNode(int i) {
        if (i < 1 || i > nodes) {
            throw new IllegalArgumentException("node " + i + " does not exist: the cluster has nodes 1 to " + nodes);
        }
    }
}
