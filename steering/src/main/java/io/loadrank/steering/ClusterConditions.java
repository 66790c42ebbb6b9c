package io.loadrank.steering;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.ProtocolVersion;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.TokenMap;
import com.datastax.oss.driver.api.core.type.codec.TypeCodecs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a node hot and cool again: its CPU limit (the cgroup v1 {@code cpu.cfs_quota_us} of the
 * node's own cgroup), a write flood from a session of its own that the application's sessions know
 * nothing of, to rows that node alone stores, or major compactions through the node's JMX. Remembers which node is hot, for the
 * accounting of each node's share.
 */
final class ClusterConditions implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterConditions.class);
    /**
     * The cgroups' accounting period. A node that spends its quota early in a period waits for the
     * next one, so the period bounds that stall: with the kernel's default 100 ms, a node near its
     * CPU limit stalled up to 60 ms now and then, which made every policy's p99 in S0 about
     * 100 ms. 10 ms keeps the limit and the stall under 10 ms.
     */
    private static final long PERIOD_MICROS = 10_000;
    /** Distinct keys the flood writes: enough to keep writing new cells, few enough to find fast. */
    private static final int FLOOD_KEYS = 1_000;

    private final List<Path> cgroups;
    private final double cpuLimit;
    private final double hotCpuLimit;
    private final List<Integer> jmxPorts;
    private final CqlSession floodSession;
    private final Workload workload;
    private final int floodInFlight;
    private volatile int hotNode;
    private volatile boolean floodRunning;
    private volatile boolean compacting;
    private Thread worker;

    ClusterConditions(
            List<Path> cgroups,
            double cpuLimit,
            double hotCpuLimit,
            List<Integer> jmxPorts,
            CqlSession floodSession,
            Workload workload,
            int floodInFlight) {
        this.cgroups = cgroups;
        this.cpuLimit = cpuLimit;
        this.hotCpuLimit = hotCpuLimit;
        this.jmxPorts = jmxPorts;
        this.floodSession = floodSession;
        this.workload = workload;
        this.floodInFlight = floodInFlight;
    }

    /** The hot node now (0: none). */
    int hotNode() {
        return hotNode;
    }

    /** Every node at the normal CPU limit (when there are cgroups). */
    void resetLimits() {
        for (int node = 1; node <= cgroups.size(); node++) {
            setLimit(node, cpuLimit);
        }
    }

    /** Starts the scenario's condition on {@code node}. */
    void makeHot(Scenario scenario, int node) {
        hotNode = node;
        switch (scenario) {
            case S0 -> {}
            case S1, S5 -> {
                resetLimits();
                setLimit(node, hotCpuLimit);
            }
            case S2 -> startFlood(node);
            case S3 -> startCompactions(node);
        }
        LOG.info("{}: node {} hot ({})", scenario, node, scenario.description);
    }

    /** Ends any condition; returns when the flood or the compaction loop has stopped. */
    void coolDown() throws InterruptedException {
        floodRunning = false;
        compacting = false;
        if (worker != null) {
            worker.join(TimeUnit.MINUTES.toMillis(2));
            if (worker.isAlive()) {
                LOG.warn("the condition's worker is still running after 2 minutes");
            }
            worker = null;
        }
        resetLimits();
        hotNode = 0;
    }

    private void setLimit(int node, double cpus) {
        if (cgroups.isEmpty()) {
            return;
        }
        Path quota = cgroups.get(node - 1).resolve("cpu.cfs_quota_us");
        try {
            Files.writeString(quota, Long.toString(Math.round(cpus * PERIOD_MICROS)), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + quota, e);
        }
    }

    /** The cgroups' period is fixed ({@link #PERIOD_MICROS}), so that a quota is a fraction of a CPU. */
    void setPeriods() {
        for (Path cgroup : cgroups) {
            Path period = cgroup.resolve("cpu.cfs_period_us");
            try {
                Files.writeString(period, Long.toString(PERIOD_MICROS), StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new UncheckedIOException("could not write " + period, e);
            }
        }
    }

    private void startFlood(int node) {
        Node target = workload.node(floodSession, node);
        int[] keys = keysStoredOnlyBy(target);
        PreparedStatement insert = floodSession.prepare(SimpleStatement.newInstance(
                        "INSERT INTO " + Workload.FLOOD_KEYSPACE + "." + Workload.FLOOD_TABLE + " (k, v) VALUES (?, ?)")
                .setConsistencyLevel(ConsistencyLevel.LOCAL_ONE));
        String value = "w".repeat(1024);
        floodRunning = true;
        worker = new Thread(
                () -> {
                    Semaphore slots = new Semaphore(floodInFlight);
                    SplittableRandom random = new SplittableRandom(node);
                    try {
                        while (floodRunning) {
                            if (!slots.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                                continue;
                            }
                            floodSession
                                    .executeAsync(insert.bind(keys[random.nextInt(keys.length)], value)
                                            .setNode(target))
                                    .whenComplete((r, e) -> slots.release());
                        }
                        slots.tryAcquire(floodInFlight, 30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "flood");
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * Keys of the flood's keyspace (one copy of each row) that {@code target} stores, so that the
     * flood's writes, coordinated by it too, cost the other nodes nothing.
     */
    private int[] keysStoredOnlyBy(Node target) {
        floodSession.refreshSchema();
        TokenMap tokens = floodSession
                .getMetadata()
                .getTokenMap()
                .orElseThrow(() -> new IllegalStateException("the driver has no token map: token metadata is off"));
        CqlIdentifier keyspace = CqlIdentifier.fromCql(Workload.FLOOD_KEYSPACE);
        int[] keys = new int[FLOOD_KEYS];
        int found = 0;
        for (int k = 0; found < FLOOD_KEYS && k < 100 * FLOOD_KEYS; k++) {
            if (tokens.getReplicas(keyspace, TypeCodecs.INT.encode(k, ProtocolVersion.DEFAULT))
                    .equals(Set.of(target))) {
                keys[found++] = k;
            }
        }
        if (found < FLOOD_KEYS) {
            throw new IllegalStateException("only " + found + " keys of " + Workload.FLOOD_KEYSPACE + " are stored by "
                    + target + " alone among the first " + 100 * FLOOD_KEYS);
        }
        return keys;
    }

    private void startCompactions(int node) {
        if (jmxPorts.size() < node) {
            throw new IllegalStateException("S3 needs the JMX port of node " + node + " (--jmx-ports)");
        }
        int port = jmxPorts.get(node - 1);
        compacting = true;
        worker = new Thread(
                () -> {
                    try (JMXConnector jmx = JMXConnectorFactory.connect(
                            new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi"))) {
                        MBeanServerConnection server = jmx.getMBeanServerConnection();
                        ObjectName storage = new ObjectName("org.apache.cassandra.db:type=StorageService");
                        server.invoke(
                                storage, "setCompactionThroughputMbPerSec", new Object[] {0}, new String[] {"int"});
                        while (compacting) {
                            server.invoke(
                                    storage,
                                    "forceKeyspaceCompaction",
                                    new Object[] {false, Workload.KEYSPACE, new String[] {"backlog"}},
                                    new String[] {"boolean", "java.lang.String", "[Ljava.lang.String;"});
                        }
                    } catch (Exception e) {
                        LOG.warn("the compactions on node {} (JMX 127.0.0.1:{}) stopped: {}", node, port, e.toString());
                    }
                },
                "compactions");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void close() throws InterruptedException {
        coolDown();
    }
}
