package io.loadrank.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Helpers of the Storm test support: waiting with a deadline, free ports, the repository root,
 * the processes of a run directory.
 *
 * <p>Kept apart from the project's shared test helpers (Await, FreePorts, RepoPaths), which are
 * written concurrently on another branch; the integrator folds these into them.
 */
final class StormTestSupport {
    private static final Duration POLL = Duration.ofMillis(250);

    private StormTestSupport() {
    }

    /** Waits until {@code condition} holds; fails naming {@code what} once {@code timeout} has passed. */
    static void await(Duration timeout, String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + "s waiting for " + what);
            }
            try {
                Thread.sleep(POLL.toMillis()); // polling interval of a deadline wait, not a guess
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    /**
     * {@code count} distinct TCP ports free on 127.0.0.1 right now. All sockets are held open until
     * every port is chosen, so the ports differ; another process may still take one before use.
     */
    static List<Integer> freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(socket);
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find free ports on 127.0.0.1", e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot close probe socket", e);
                }
            }
        }
    }

    /**
     * The repository root: the {@code loadrank.repo} system property (set by failsafe), else the
     * first directory upwards from the working directory that holds scripts/lib/common.sh.
     */
    static Path repoRoot() {
        String property = System.getProperty("loadrank.repo");
        if (property != null && Files.isRegularFile(Path.of(property, "scripts/lib/common.sh"))) {
            return Path.of(property).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("scripts/lib/common.sh"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the loadrank repository (scripts/lib/common.sh) from "
                + Path.of("").toAbsolutePath() + "; set -Dloadrank.repo");
    }

    /** Live processes whose command line mentions {@code dir} (by /proc, so only on Linux). */
    static List<ProcessHandle> processesMentioning(Path dir) {
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

    static String describe(ProcessHandle process) {
        return process.pid() + " " + process.info().commandLine().orElse("?");
    }

    private static String commandLine(Path procDir) {
        try {
            return new String(Files.readAllBytes(procDir.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return ""; // the process ended while we looked, or is not ours to read
        }
    }

    /** The last {@code lines} lines of a text file, or a note that it is missing. */
    static String tail(Path file, int lines) {
        try {
            List<String> all = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }
}
