package io.loadrank.topology;

import io.loadrank.testing.Processes;
import io.loadrank.testing.RepoPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The topology in a JVM of its own, started by {@code scripts/run-local.sh} with the shaded jar the
 * way an operator runs it (a Storm LocalCluster), for the fault tests: the faults hit the servers
 * around it, and the test checks that this process lives on and what it logged.
 *
 * <p>Its output (the log: {@code HH:mm:ss.SSS LEVEL Logger - message}) goes to {@link #log()}.
 * {@link #close()} stops it by its process id: TERM, which stops the topology and the local cluster
 * cleanly, then KILL if it has not ended within a minute.
 */
final class LocalTopologyProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private LocalTopologyProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Writes {@code settings} (key to a value YAML can take as it is printed: numbers, booleans,
     * quoted strings, [lists]) to {@code runDir/topology.yaml} and starts run-local.sh with it.
     */
    static LocalTopologyProcess start(Path runDir, Map<String, String> settings) throws IOException {
        Path config = runDir.resolve("topology.yaml");
        FaultRig.writeConfig(config, settings);
        Path log = runDir.resolve("topology.log");
        ProcessBuilder builder = new ProcessBuilder(
                        "bash", RepoPaths.script("run-local.sh").toString(), "--ttl", "0", config.toString())
                .directory(RepoPaths.root().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("LOADRANK_RUN_DIR", runDir.toString());
        builder.environment()
                .put(
                        "LOADRANK_CLASSPATH_CACHE",
                        RepoPaths.root().resolve("run/classpath").toString());
        builder.environment().put("LOCAL_HEAP_OPTS", "-Xmx512m");
        return new LocalTopologyProcess(builder.start(), log);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    /** The log lines (not the stack trace lines under them) of {@code level} from {@code logger} whose message matches. */
    List<String> logLines(String level, String logger, Pattern message) {
        Pattern line = Pattern.compile(
                "^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} " + Pattern.quote(level) + "\\s+" + Pattern.quote(logger) + " - (.*)$");
        List<String> found = new ArrayList<>();
        for (String text : logText().lines().toList()) {
            var matcher = line.matcher(text);
            if (matcher.matches() && message.matcher(matcher.group(1)).find()) {
                found.add(text);
            }
        }
        return found;
    }

    String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last lines of the log, for failure messages. */
    String logTail() {
        return "last lines of " + log + ":\n" + Processes.tail(log, 40);
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
