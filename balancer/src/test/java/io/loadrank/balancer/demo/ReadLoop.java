package io.loadrank.balancer.demo;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.metadata.Node;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * An application's reads, one after the other on a thread of their own: {@code read} bound to keys
 * 0, 1, ... {@code keys - 1} in turn, the coordinator of each counted as the driver reports it
 * ({@code ExecutionInfo.getCoordinator()}). {@link #counts()} is a snapshot; the difference of two is
 * who coordinated the reads between them.
 */
public final class ReadLoop implements AutoCloseable {

    private final CqlSession session;
    private final PreparedStatement read;
    private final int keys;
    private final Map<Node, LongAdder> byNode = new ConcurrentHashMap<>();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicReference<Throwable> lastFailure = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean running = true;

    public ReadLoop(CqlSession session, PreparedStatement read, int keys) {
        this.session = session;
        this.read = read;
        this.keys = keys;
        this.thread = new Thread(this::run, "application-reads");
        thread.setDaemon(true);
    }

    public ReadLoop start() {
        thread.start();
        return this;
    }

    private void run() {
        long i = 0;
        while (running) {
            try {
                ResultSet result = session.execute(read.bind((int) (i++ % keys)));
                Node coordinator = result.getExecutionInfo().getCoordinator();
                if (coordinator != null) {
                    byNode.computeIfAbsent(coordinator, n -> new LongAdder()).increment();
                }
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                failures.incrementAndGet();
                lastFailure.set(e);
            }
        }
    }

    /** Reads answered so far per coordinator, and the reads that failed. */
    public Counts counts() {
        Map<Node, Long> copy = new HashMap<>();
        byNode.forEach((node, count) -> copy.put(node, count.sum()));
        return new Counts(Map.copyOf(copy), failures.get(), System.nanoTime());
    }

    /** The last failed read's exception, if any failed. */
    public Throwable lastFailure() {
        return lastFailure.get();
    }

    @Override
    public void close() {
        running = false;
        joinQuietly(thread);
    }

    static void joinQuietly(Thread thread) {
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads per coordinator at one moment ({@code System.nanoTime()}). */
    public record Counts(Map<Node, Long> byNode, long failures, long atNanos) {

        /** The reads between {@code earlier} and this snapshot. */
        public Counts since(Counts earlier) {
            Map<Node, Long> difference = new HashMap<>();
            byNode.forEach((node, count) -> difference.put(node, count - earlier.byNode.getOrDefault(node, 0L)));
            return new Counts(Map.copyOf(difference), failures - earlier.failures, atNanos);
        }

        public long total() {
            return byNode.values().stream().mapToLong(Long::longValue).sum();
        }

        public long of(Node node) {
            return byNode.getOrDefault(node, 0L);
        }

        /** The share of the reads {@code node} coordinated, 0 to 1 (0 when there were none). */
        public double share(Node node) {
            long total = total();
            return total == 0 ? 0 : (double) of(node) / total;
        }
    }
}
