package io.loadrank.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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
    private final String jmxUser;
    private final String jmxPassword;
    private final Map<String, String> extraEnv;
    private long pid;
    private Thread killOnExit;
    private Duration lastStartTime;

    private CassandraNode(Path runDir, int[] ports, String jmxUser, String jmxPassword, Map<String, String> extraEnv) {
        this.runDir = runDir.toAbsolutePath().normalize();
        this.cqlPort = ports[0];
        this.jmxPort = ports[1];
        this.storagePort = ports[2];
        this.sslStoragePort = ports[3];
        this.jmxUser = jmxUser;
        this.jmxPassword = jmxPassword;
        this.extraEnv = extraEnv;
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
        return pid != 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
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
        Runtime.getRuntime().removeShutdownHook(killOnExit);
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
                    + scriptLog() + ":\n" + tail(scriptLog()));
        }
        lastStartTime = Duration.ofNanos(System.nanoTime() - started);
        Path pidFile = runDir.resolve("cassandra-" + cqlPort).resolve("cassandra.pid");
        try {
            pid = Long.parseLong(Files.readString(pidFile).trim());
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("cassandra started but its pid file " + pidFile + " is unreadable", e);
        }
        long startedPid = pid;
        killOnExit = new Thread(
                () -> ProcessHandle.of(startedPid).ifPresent(ProcessHandle::destroyForcibly),
                "kill cassandra " + startedPid);
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    private int runScript(String command) {
        Path log = scriptLog();
        try {
            Files.createDirectories(runDir);
            shareToolClasspathCache();
            ProcessBuilder builder = new ProcessBuilder(
                            "bash", RepoPaths.script("cassandra.sh").toString(), command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            Map<String, String> env = builder.environment();
            env.put("LOADRANK_RUN_DIR", runDir.toString());
            env.put("CASSANDRA_CQL_PORT", Integer.toString(cqlPort));
            env.put("CASSANDRA_JMX_PORT", Integer.toString(jmxPort));
            env.put("CASSANDRA_STORAGE_PORT", Integer.toString(storagePort));
            env.put("CASSANDRA_SSL_STORAGE_PORT", Integer.toString(sslStoragePort));
            env.putAll(extraEnv);
            if (jmxUser != null) {
                env.put("CASSANDRA_JMX_USER", jmxUser);
                env.put("CASSANDRA_JMX_PASSWORD", jmxPassword);
            }
            Files.writeString(
                    log,
                    "$ cassandra.sh " + command + " (CQL " + cqlPort + ", JMX " + jmxPort + ")\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            Process process = builder.start();
            if (!process.waitFor(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("cassandra.sh " + command + " did not finish within " + SCRIPT_TIMEOUT
                        + "; last lines of " + log + ":\n" + tail(log));
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run cassandra.sh " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running cassandra.sh " + command, e);
        }
    }

    private void shareToolClasspathCache() throws IOException {
        prepareRunDir(runDir);
    }

    /**
     * Points the run directory's classpath cache at the repository's, so that the scripts reuse
     * the resolved classpaths (keyed by the tool POM's hash) instead of asking Maven again. Call
     * it before starting Kafka and Cassandra at the same time, so they do not race to create it.
     */
    public static synchronized void prepareRunDir(Path runDir) {
        Path link = runDir.toAbsolutePath().resolve("classpath");
        try {
            Files.createDirectories(link.getParent());
            if (Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
            Path shared = RepoPaths.root().resolve("run").resolve("classpath");
            Files.createDirectories(shared);
            Files.createSymbolicLink(link, shared);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            // another starter made it meanwhile: fine
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + runDir, e);
        }
    }

    private Path scriptLog() {
        return runDir.resolve("cassandra-script.log");
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }
}
