package io.loadrank.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The processes of a test run: which live processes mention a directory on their command line
 * (every server the tests start names its run directory), the process id a server script wrote,
 * killing servers the test JVM leaves behind, and the tail of a log for failure messages.
 */
public final class Processes {

    private Processes() {}

    /** Live processes whose command line mentions {@code dir} (by /proc, so only on Linux). */
    public static List<ProcessHandle> mentioning(Path dir) {
        String needle = dir.toAbsolutePath().toString();
        long self = ProcessHandle.current().pid();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> Long.parseLong(p.getFileName().toString()) != self)
                    .filter(p -> commandLine(p).contains(needle))
                    .map(p -> ProcessHandle.of(Long.parseLong(p.getFileName().toString())))
                    .flatMap(java.util.Optional::stream)
                    .filter(ProcessHandle::isAlive)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list /proc", e);
        }
    }

    /** True while the process {@code pid} is alive (false for 0, "none"). */
    public static boolean isAlive(long pid) {
        return pid != 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * The process id a server script wrote to {@code pidFile}.
     *
     * @param what the server, for the message (e.g. "kafka")
     * @throws IllegalStateException if the file is missing or holds no process id
     */
    public static long readPid(Path pidFile, String what) {
        try {
            return Long.parseLong(Files.readString(pidFile).trim());
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException(what + " started but its pid file " + pidFile + " is unreadable", e);
        }
    }

    /**
     * Kills {@code pids} should the test JVM end before the test stops them (a crash, Ctrl-C), so
     * that no server outlives its test; {@link #forgetOnExit} once they are stopped.
     *
     * @return the registered hook
     */
    public static Thread killOnExit(String what, List<Long> pids) {
        List<Long> started = List.copyOf(pids);
        Thread hook = new Thread(
                () -> started.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly)),
                "kill " + what + " " + started);
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    /** Removes a hook of {@link #killOnExit}; does nothing for null. */
    public static void forgetOnExit(Thread hook) {
        if (hook != null) {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
    }

    public static String describe(ProcessHandle process) {
        return process.pid() + " " + process.info().commandLine().orElse("?");
    }

    private static String commandLine(Path procDir) {
        try {
            return new String(Files.readAllBytes(procDir.resolve("cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ');
        } catch (IOException e) {
            return ""; // the process ended while we looked, or is not ours to read
        }
    }

    /** The last {@code lines} lines of a text file, or a note that it is missing. */
    public static String tail(Path file, int lines) {
        try {
            List<String> all = new String(Files.readAllBytes(file), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }
}
