package io.loadrank.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real single-node Cassandra for integration tests, run through {@code scripts/cassandra.sh}
 * exactly as a user runs it, on free ports, data under a run directory the test owns. Stopped
 * by its process id; a shutdown hook kills it should the test JVM end without closing it.
 */
public final class CassandraNode implements AutoCloseable {

    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(6);

    private final Path runDir;
    private final int cqlPort;
    private final int jmxPort;
    private final int storagePort;
    private final int sslStoragePort;
    private final ServerScript script;
    private long pid;
    private Thread killOnExit;
    private Duration lastStartTime;

    private CassandraNode(Path runDir, int[] ports, String jmxUser, String jmxPassword, Map<String, String> extraEnv) {
        this.runDir = runDir.toAbsolutePath().normalize();
        this.cqlPort = ports[0];
        this.jmxPort = ports[1];
        this.storagePort = ports[2];
        this.sslStoragePort = ports[3];
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("CASSANDRA_CQL_PORT", Integer.toString(cqlPort));
        env.put("CASSANDRA_JMX_PORT", Integer.toString(jmxPort));
        env.put("CASSANDRA_STORAGE_PORT", Integer.toString(storagePort));
        env.put("CASSANDRA_SSL_STORAGE_PORT", Integer.toString(sslStoragePort));
        if (jmxUser != null) {
            env.put("CASSANDRA_JMX_USER", jmxUser);
            env.put("CASSANDRA_JMX_PASSWORD", jmxPassword);
        }
        this.script = new ServerScript("cassandra.sh", this.runDir, this.runDir.resolve("cassandra-script.log"), env);
    }

    /**
     * Starts a node; returns once JMX and CQL answer.
     *
     * @param user null for no JMX authentication, else the JMX user with {@code password}
     */
    public static CassandraNode start(Path runDir, String user, String password) {
        CassandraNode node = new CassandraNode(runDir, FreePorts.several(4), user, password, Map.of());
        node.launch();
        return node;
    }

    /**
     * Starts a node with {@code GossipingPropertyFileSnitch} in {@code datacenter} and {@code rack}
     * (its cassandra-rackdc.properties), without JMX authentication; returns once JMX and CQL answer.
     */
    public static CassandraNode startInDatacenter(Path runDir, String datacenter, String rack) {
        CassandraNode node = new CassandraNode(
                runDir,
                FreePorts.several(4),
                null,
                null,
                Map.of(
                        "CASSANDRA_SNITCH",
                        "GossipingPropertyFileSnitch",
                        "CASSANDRA_DC",
                        datacenter,
                        "CASSANDRA_RACK",
                        rack));
        node.launch();
        return node;
    }

    public int cqlPort() {
        return cqlPort;
    }

    public int jmxPort() {
        return jmxPort;
    }

    public long pid() {
        return pid;
    }

    /** How long the last start took (the script returns when JMX and CQL answer). */
    public Duration lastStartTime() {
        return lastStartTime;
    }

    public boolean isRunning() {
        return Processes.isAlive(pid);
    }

    /** Stops the node (TERM, then KILL) and waits until its process is gone. */
    public void stop() {
        if (pid == 0) {
            return;
        }
        int code = runScript("stop");
        Await.until(Duration.ofSeconds(30), "cassandra process " + pid + " to exit", () -> !isRunning());
        if (code != 0) {
            throw new IllegalStateException("cassandra.sh stop failed with exit code " + code);
        }
        Processes.forgetOnExit(killOnExit);
        killOnExit = null;
        pid = 0;
    }

    /** Starts the stopped node again on the same ports with the same data. */
    public void startAgain() {
        if (pid != 0) {
            throw new IllegalStateException("cassandra is running");
        }
        launch();
    }

    @Override
    public void close() {
        stop();
    }

    private void launch() {
        long started = System.nanoTime();
        int code = runScript("start");
        if (code != 0) {
            throw new IllegalStateException("cassandra.sh start failed (exit " + code + "); last lines of "
                    + script.log() + ":\n" + script.logTail());
        }
        lastStartTime = Duration.ofNanos(System.nanoTime() - started);
        pid = Processes.readPid(runDir.resolve("cassandra-" + cqlPort).resolve("cassandra.pid"), "cassandra");
        killOnExit = Processes.killOnExit("cassandra", List.of(pid));
    }

    private int runScript(String command) {
        return script.run(SCRIPT_TIMEOUT, "CQL " + cqlPort + ", JMX " + jmxPort, command)
                .exitCode();
    }
}
