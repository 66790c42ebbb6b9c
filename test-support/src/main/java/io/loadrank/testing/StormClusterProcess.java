package io.loadrank.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A real multi-process Storm 2.8.3 cluster (ZooKeeper, Nimbus, one Supervisor and the workers it
 * launches) on 127.0.0.1, run by {@code scripts/storm-cluster.sh} in its own run directory on free
 * ports, for integration tests.
 *
 * <pre>{@code
 * try (StormClusterProcess storm = StormClusterProcess.start(tempDir.resolve("run"))) {
 *     storm.submit(jar, "io.loadrank.topology.LoadRankTopology", configYaml);
 *     ...
 *     storm.kill("loadrank");
 * } // stops every daemon and worker; fails if any process of the run directory survives
 * }</pre>
 *
 * <p>Everything the script prints goes to {@link #scriptLog()}; a failed command throws with its tail.
 */
public final class StormClusterProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration SUBMIT_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration KILL_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration QUERY_TIMEOUT = Duration.ofMinutes(1);

    private final Path runDir;
    private final ServerScript script;
    private final int supervisors;
    private final int zookeeperPort;
    private final int nimbusPort;
    private final int supervisorThriftPort;
    private final List<Integer> workerPorts;
    private boolean closed;

    /** @param ports ZooKeeper's, Nimbus's, one thrift port per Supervisor, then the worker slots */
    private StormClusterProcess(Path runDir, int supervisors, List<Integer> ports, Map<String, String> moreEnv) {
        this.runDir = runDir;
        this.supervisors = supervisors;
        this.zookeeperPort = ports.get(0);
        this.nimbusPort = ports.get(1);
        this.supervisorThriftPort = ports.get(2);
        this.workerPorts = List.copyOf(ports.subList(2 + supervisors, ports.size()));
        Map<String, String> env = new java.util.HashMap<>(moreEnv);
        // resolve the Maven classpaths once per build, not once per test's fresh run directory
        env.put(
                "LOADRANK_CLASSPATH_CACHE",
                RepoPaths.root().resolve("target/tool-classpath").toString());
        env.put("STORM_ZK_PORT", String.valueOf(zookeeperPort));
        env.put("STORM_NIMBUS_PORT", String.valueOf(nimbusPort));
        env.put("STORM_SUPERVISOR_THRIFT_PORT", joined(ports.subList(2, 2 + supervisors)));
        env.put("STORM_SUPERVISOR_PORTS", joined(workerPorts));
        this.script = new ServerScript(
                "storm-cluster.sh", runDir, runDir.resolve("storm-cluster-script.log"), Map.copyOf(env));
    }

    private static String joined(List<Integer> ports) {
        return ports.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** Starts a cluster with one worker slot in {@code runDir} (created if missing). */
    public static StormClusterProcess start(Path runDir) {
        return start(runDir, 1);
    }

    /** Starts a cluster with {@code workerSlots} worker slots; returns once Nimbus and the Supervisor are up. */
    public static StormClusterProcess start(Path runDir, int workerSlots) {
        return start(runDir, 1, workerSlots, Map.of());
    }

    /**
     * Starts a cluster of {@code supervisors} Supervisors ({@code start --supervisors N} when more
     * than one: Supervisor i on 127.0.0.i, a machine with directories of its own, {@link
     * #machineDir}), each with {@code slotsEach} worker slots; {@code moreEnv} adds settings of the
     * script's start (e.g. STORM_TASK_TIMEOUT). Returns once Nimbus and every Supervisor are up.
     */
    public static StormClusterProcess start(Path runDir, int supervisors, int slotsEach, Map<String, String> moreEnv) {
        if (supervisors < 1 || slotsEach < 1) {
            throw new IllegalArgumentException(
                    "supervisors and slotsEach must be at least 1, got " + supervisors + " and " + slotsEach);
        }
        Path dir = runDir.toAbsolutePath();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create run directory " + dir, e);
        }
        StormClusterProcess cluster = new StormClusterProcess(
                dir,
                supervisors,
                java.util.Arrays.stream(FreePorts.several(2 + supervisors + supervisors * slotsEach))
                        .boxed()
                        .toList(),
                moreEnv);
        try {
            if (supervisors == 1) {
                cluster.run(START_TIMEOUT, Map.of(), "start");
            } else {
                cluster.run(START_TIMEOUT, Map.of(), "start", "--supervisors", String.valueOf(supervisors));
            }
        } catch (RuntimeException | Error e) {
            // a half-started cluster must not outlive the failed test
            try {
                cluster.close();
            } catch (RuntimeException | Error cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        return cluster;
    }

    /**
     * Submits a topology the way {@code storm jar JAR MAIN_CLASS --remote CONFIG} does; returns
     * when the main class has submitted it (its workers start afterwards).
     */
    public void submit(Path topologyJar, String mainClass, Path config) {
        run(
                SUBMIT_TIMEOUT,
                Map.of("TOPOLOGY_JAR", topologyJar.toAbsolutePath().toString(), "STORM_MAIN_CLASS", mainClass),
                "submit",
                config.toAbsolutePath().toString());
    }

    /** Kills a topology (no wait for in-flight tuples) and returns once it and its workers are gone. */
    public void kill(String topologyName) {
        run(KILL_TIMEOUT, Map.of(), "kill", topologyName);
    }

    /** Names of the topologies Nimbus lists (any status). */
    public List<String> topologies() {
        String output = run(QUERY_TIMEOUT, Map.of(), "status");
        // ListTopologies: a header, a dashed line, then "NAME STATUS TASKS WORKERS UPTIME ID OWNER" rows
        List<String> names = new ArrayList<>();
        boolean rows = false;
        for (String line : output.lines().toList()) {
            String trimmed = line.trim();
            if (trimmed.startsWith("-----")) {
                rows = true;
            } else if (rows && !trimmed.isEmpty() && trimmed.split("\\s+").length >= 6) {
                names.add(trimmed.split("\\s+")[0]);
            } else if (rows) {
                rows = false;
            }
        }
        return names;
    }

    /** Stops every process of the cluster; fails if any process of the run directory remains. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException stopFailure = null;
        try {
            run(STOP_TIMEOUT, Map.of(), "stop");
        } catch (RuntimeException e) {
            stopFailure = e;
        }
        List<ProcessHandle> left = Processes.mentioning(runDir);
        if (!left.isEmpty()) {
            String described = left.stream().map(Processes::describe).collect(Collectors.joining("\n"));
            left.forEach(ProcessHandle::destroyForcibly);
            IllegalStateException e =
                    new IllegalStateException("processes of " + runDir + " survived stop (now killed):\n" + described);
            if (stopFailure != null) {
                e.addSuppressed(stopFailure);
            }
            throw e;
        }
        if (stopFailure != null) {
            throw stopFailure;
        }
    }

    public Path runDir() {
        return runDir;
    }

    /**
     * The worker JVMs the Supervisor runs now (not their LogWriter parents), by process id; a
     * worker killed with SIGKILL is relaunched by the Supervisor under a new one.
     */
    public List<Long> workerPids() {
        return Processes.mentioning(runDir).stream()
                .filter(process -> {
                    String command = process.info().commandLine().orElse("");
                    // the LogWriter's command line holds the worker's, after its own main class
                    return command.contains("org.apache.storm.daemon.worker.Worker ")
                            && !command.contains("org.apache.storm.LogWriter");
                })
                .map(ProcessHandle::pid)
                .sorted()
                .toList();
    }

    /**
     * The directory of Supervisor {@code i} (1-based) of a cluster of several: its conf/, data/,
     * logs/ (its workers' logs under logs/workers-artifacts) and STORM_OUTPUT/, where its workers
     * write their ranking files.
     */
    public Path machineDir(int i) {
        if (supervisors == 1 || i < 1 || i > supervisors) {
            throw new IllegalArgumentException("no Supervisor " + i + " of its own in a cluster of " + supervisors);
        }
        return stormHome().resolve("supervisor-" + i);
    }

    /** The worker JVMs Supervisor {@code i} of several runs now, by process id. */
    public List<Long> workerPidsOf(int i) {
        String localDir = "-Dstorm.local.dir=" + machineDir(i).resolve("data/storm-local");
        return workerPids().stream()
                .filter(pid -> ProcessHandle.of(pid)
                        .flatMap(process -> process.info().commandLine())
                        .orElse("")
                        .contains(localDir))
                .toList();
    }

    /**
     * A machine lost: SIGKILL to Supervisor {@code i} of several and to every process it launched
     * (its workers and their LogWriters), all at once, as a power cut would end them. Returns the
     * killed processes once they are gone.
     */
    public List<Long> killMachine(int i) {
        List<ProcessHandle> machine = Processes.mentioning(machineDir(i));
        machine.forEach(ProcessHandle::destroyForcibly);
        Await.until(
                Duration.ofSeconds(30),
                "the processes of " + machineDir(i) + " to die",
                () -> machine.stream().noneMatch(ProcessHandle::isAlive));
        return machine.stream().map(ProcessHandle::pid).sorted().toList();
    }

    /** The Storm home the script laid out: lib/, lib-worker/, conf/storm.yaml, logs/, data/. */
    public Path stormHome() {
        return runDir.resolve("storm");
    }

    /** Daemon logs; worker logs are under logs/workers-artifacts/TOPOLOGY-ID/PORT/worker.log. */
    public Path logDir() {
        return stormHome().resolve("logs");
    }

    /** Everything the script printed. */
    public Path scriptLog() {
        return script.log();
    }

    public int zookeeperPort() {
        return zookeeperPort;
    }

    public int nimbusPort() {
        return nimbusPort;
    }

    public int supervisorThriftPort() {
        return supervisorThriftPort;
    }

    public List<Integer> workerPorts() {
        return workerPorts;
    }

    /** Runs the script with this cluster's environment; returns its output, throws with its tail if it fails. */
    private String run(Duration timeout, Map<String, String> extraEnv, String... args) {
        ServerScript.Result result = script.run(timeout, "", extraEnv, args);
        // status answers 0 (all running), 1 (some) or 3 (none): an answer, not a failure
        int exit = result.exitCode();
        boolean ok = exit == 0 || (args[0].equals("status") && (exit == 1 || exit == 3));
        if (!ok) {
            throw new IllegalStateException("storm-cluster.sh " + String.join(" ", args) + " failed (exit " + exit
                    + "); last lines of " + script.log() + ":\n" + script.logTail());
        }
        return result.output();
    }
}
