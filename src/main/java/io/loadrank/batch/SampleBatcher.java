package io.loadrank.batch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects samples into one {@link SampleBatch} per target (a rolling task), chosen by host, so
 * that every sample of a host reaches the same target whichever parser read it: what Storm's
 * fields grouping by host does per tuple, done here per batch.
 *
 * <p>A batch leaves when it is full ({@link #add}) or when the caller flushes
 * ({@link #drainAll}): the parser flushes on a clock, so a sample waits at most one clock period
 * when traffic is too thin to fill batches. Each sample may carry an anchor (the parser's input
 * tuple), handed back with its batch so the caller can anchor the batch to it and then ack it.
 *
 * @param <A> the anchor type; the batcher only holds anchors, it never looks at them
 */
public final class SampleBatcher<A> {

    /** A batch ready to send, its target and the anchors of its samples. */
    public record Ready<A>(int target, SampleBatch batch, List<A> anchors) {}

    private final int targets;
    private final int batchSize;
    private final Buffer<A>[] buffers;

    @SuppressWarnings("unchecked")
    public SampleBatcher(int targets, int batchSize) {
        if (targets < 1) {
            throw new IllegalArgumentException("targets must be at least 1, got " + targets);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
        this.targets = targets;
        this.batchSize = batchSize;
        this.buffers = new Buffer[targets];
        for (int i = 0; i < targets; i++) {
            buffers[i] = new Buffer<>(batchSize);
        }
    }

    /**
     * The target of a host's samples among {@code targets}: the same for every batcher, in every
     * JVM ({@link String#hashCode} is specified), so parsers in different workers agree.
     */
    public static int targetOf(String host, int targets) {
        return Math.floorMod(host.hashCode(), targets);
    }

    /**
     * Adds a sample to its host's batch.
     *
     * @return that batch if the sample filled it, else null
     */
    public Ready<A> add(String host, double value, long time, A anchor) {
        int target = targetOf(host, targets);
        Buffer<A> buffer = buffers[target];
        buffer.add(host, value, time, anchor);
        return buffer.size == batchSize ? buffer.take(target) : null;
    }

    /** Every batch that holds a sample, emptied; in target order. */
    public List<Ready<A>> drainAll() {
        List<Ready<A>> ready = new ArrayList<>();
        for (int target = 0; target < targets; target++) {
            if (buffers[target].size > 0) {
                ready.add(buffers[target].take(target));
            }
        }
        return ready;
    }

    /** Samples held, not yet in a batch that left. */
    public int pending() {
        int pending = 0;
        for (Buffer<A> buffer : buffers) {
            pending += buffer.size;
        }
        return pending;
    }

    /** The open batch of one target: arrays filled in place, handed over whole when full. */
    private static final class Buffer<A> {
        private final int capacity;
        private String[] hosts;
        private double[] values;
        private long[] times;
        private List<A> anchors;
        private int size;

        Buffer(int capacity) {
            this.capacity = capacity;
            open();
        }

        private void open() {
            hosts = new String[capacity];
            values = new double[capacity];
            times = new long[capacity];
            anchors = new ArrayList<>(Math.min(capacity, 1024));
            size = 0;
        }

        void add(String host, double value, long time, A anchor) {
            hosts[size] = host;
            values[size] = value;
            times[size] = time;
            if (anchor != null) {
                anchors.add(anchor);
            }
            size++;
        }

        Ready<A> take(int target) {
            // a partial batch travels with arrays of its own length: they are serialised whole
            // between workers
            SampleBatch batch = size == capacity
                    ? new SampleBatch(hosts, values, times)
                    : new SampleBatch(
                            Arrays.copyOf(hosts, size), Arrays.copyOf(values, size), Arrays.copyOf(times, size));
            Ready<A> ready = new Ready<>(target, batch, anchors);
            open();
            return ready;
        }
    }
}
