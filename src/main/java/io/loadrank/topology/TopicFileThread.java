package io.loadrank.topology;

import io.loadrank.output.LatestWins;
import java.util.HashMap;
import java.util.Map;

/**
 * The one thread per worker JVM and output directory that writes the topic ranking bolts' files
 * ({@code <topic>.txt} and {@code .json}), the newest ranking of each topic in turn.
 *
 * <p>Why one thread for all topics rather than one per bolt: on a machine with few cores, five
 * file threads get five shares of the CPU against the global bolt and its file thread, and at
 * 100,000 hosts they took the CPU the global ranking needed (docs/BENCHMARKS.md); as one thread
 * they get one share, and a topic file that waits is replaced by its newer ranking.
 *
 * <p>The bolts of a worker share it through {@link #acquire} and {@link #release}: the last
 * release stops it.
 */
final class TopicFileThread {

    private static final Map<String, Shared> THREADS = new HashMap<>();

    private TopicFileThread() {}

    private static final class Shared {
        final LatestWins<Runnable> writer;
        int users;

        Shared() {
            this.writer = new LatestWins<>("loadrank-topic-files", Runnable::run);
        }
    }

    /** The thread writing the topic files of {@code outputDir} in this JVM, started by its first user. */
    static synchronized LatestWins<Runnable> acquire(String outputDir) {
        Shared shared = THREADS.computeIfAbsent(outputDir, dir -> new Shared());
        shared.users++;
        return shared.writer;
    }

    /** One user of {@code outputDir}'s thread is done; the last one stops it, after the files that wait. */
    static void release(String outputDir) {
        LatestWins<Runnable> stopping = null;
        synchronized (TopicFileThread.class) {
            Shared shared = THREADS.get(outputDir);
            if (shared != null && --shared.users == 0) {
                THREADS.remove(outputDir);
                stopping = shared.writer;
            }
        }
        if (stopping != null) {
            stopping.close();
        }
    }
}
