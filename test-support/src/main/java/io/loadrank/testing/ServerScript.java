package io.loadrank.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One of the repository's server scripts ({@code scripts/kafka.sh}, {@code cassandra.sh},
 * {@code storm-cluster.sh}), run by a test exactly as a user runs it: from the repository root,
 * with {@code LOADRANK_RUN_DIR} set to a run directory the test owns, nothing on stdin. Every run
 * appends a {@code $ script args} line, the script's output and {@code [exit N]} to one log, so a
 * failure message can quote its tail.
 */
public final class ServerScript {

    /** Lines of the log quoted in failure messages. */
    public static final int TAIL_LINES = 60;

    private final String name;
    private final Path runDir;
    private final Path log;
    private final Map<String, String> env;

    /**
     * @param name   the script's file name under {@code scripts/}
     * @param runDir the run directory (absolute)
     * @param log    where every run's output is appended
     * @param env    the environment of every run, besides {@code LOADRANK_RUN_DIR}
     */
    public ServerScript(String name, Path runDir, Path log, Map<String, String> env) {
        this.name = name;
        this.runDir = runDir.toAbsolutePath().normalize();
        this.log = log;
        this.env = Map.copyOf(env);
    }

    /** What a run did: its exit code and what it printed (stdout and stderr). */
    public record Result(int exitCode, String output) {}

    /** Runs the script with {@code args}; {@code note} is added to the log's header line (ports, say). */
    public Result run(Duration timeout, String note, String... args) {
        return run(timeout, note, Map.of(), args);
    }

    /**
     * Runs the script with {@code args} and {@code extraEnv} on top of this script's environment.
     *
     * @throws IllegalStateException if it does not finish within {@code timeout} (it is then killed,
     *     with every process it started), quoting the log's tail
     */
    public Result run(Duration timeout, String note, Map<String, String> extraEnv, String... args) {
        String described = name + (args.length == 0 ? "" : " " + String.join(" ", args));
        List<String> command =
                new ArrayList<>(List.of("bash", RepoPaths.script(name).toString()));
        command.addAll(List.of(args));
        Map<String, String> runEnv = new HashMap<>(env);
        runEnv.putAll(extraEnv);
        runEnv.put("LOADRANK_RUN_DIR", runDir.toString());
        try {
            prepareRunDir(runDir);
            append("$ " + described + (note.isEmpty() ? "" : " (" + note + ")") + "\n");
            long outputStart = Files.size(log);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(RepoPaths.root().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(runEnv);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                append("[timed out after " + timeout.toSeconds() + " s]\n");
                throw new IllegalStateException(described + " did not finish within " + timeout.toSeconds()
                        + " s; last lines of " + log + ":\n" + logTail());
            }
            String output = outputSince(outputStart);
            append("[exit " + process.exitValue() + "]\n");
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + described, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + described, e);
        }
    }

    /** The log every run appends to. */
    public Path log() {
        return log;
    }

    /** The last {@link #TAIL_LINES} lines of the log. */
    public String logTail() {
        return Processes.tail(log, TAIL_LINES);
    }

    /**
     * Points the run directory's classpath cache at the repository's, so that the scripts reuse
     * the resolved classpaths (keyed by the tool POM's hash) instead of asking Maven again: a test's
     * run directory is new every time. Call it before starting two servers at the same time, so
     * they do not race to create it.
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
        } catch (FileAlreadyExistsException e) {
            // another starter made it meanwhile: fine
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + runDir, e);
        }
    }

    private String outputSince(long offset) throws IOException {
        byte[] bytes = Files.readAllBytes(log);
        return new String(
                bytes,
                (int) Math.min(offset, bytes.length),
                (int) Math.max(0, bytes.length - offset),
                StandardCharsets.UTF_8);
    }

    private void append(String text) throws IOException {
        Files.writeString(log, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
