package io.loadrank.output;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands work to a thread of its own and keeps only the newest item per key that is still waiting:
 * while the thread works on one ranking, a newer ranking replaces an older one of the same key
 * (the same file set) that has not started yet (counted in {@link #superseded()}), so the thread
 * always writes the newest ranking there is and never a backlog of old ones. Keys take turns in
 * the order they first asked.
 *
 * <p>Why: writing a ranking's files at 100,000 hosts takes longer than scoring it (docs/BENCHMARKS.md);
 * on the bolt's own thread the next ranking waited for the previous one's files, and window
 * snapshots queued behind them. With this, a bolt ranks and hands the immutable ranking over; the
 * files follow as fast as the machine writes them, never older than the ranking before the newest.
 *
 * <p>An exception of the work is logged and the thread goes on with the next item: one bad
 * ranking must not stop every later one from being written.
 */
public final class LatestWins<T> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LatestWins.class);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);

    private final Object lock = new Object();
    private final Consumer<? super T> work;
    private final Thread thread;
    /** The newest waiting item per key, keys in the order they started waiting. */
    private final LinkedHashMap<Object, T> waiting = new LinkedHashMap<>();

    private boolean working;
    private boolean closed;
    private long superseded;
    private long done;

    /**
     * Starts the thread (a daemon: a JVM that exits does not wait for the files of a ranking).
     *
     * @param threadName the thread's name, as seen in thread dumps and profiles
     * @param work       what to do with each item; runs on the thread only, one item at a time
     */
    public LatestWins(String threadName, Consumer<? super T> work) {
        this.work = work;
        this.thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** Hands {@code item} over; it replaces the item that is still waiting, if any. Never blocks on the work. */
    public void submit(T item) {
        submit(LatestWins.class, item);
    }

    /**
     * Hands {@code item} over under {@code key}; it replaces the item of the same key that is still
     * waiting, if any. Never blocks on the work.
     */
    public void submit(Object key, T item) {
        if (key == null || item == null) {
            throw new IllegalArgumentException("no key or no item to hand over");
        }
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("closed: " + thread.getName());
            }
            if (waiting.put(key, item) != null) {
                superseded++;
            }
            lock.notifyAll();
        }
    }

    /**
     * Waits until nothing is waiting and the thread is not working, or {@code timeout} passes;
     * true if idle. For tests and shutdown: a bolt never waits for its files.
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!waiting.isEmpty() || working) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    /** Items replaced by a newer one before the thread took them. */
    public long superseded() {
        synchronized (lock) {
            return superseded;
        }
    }

    /** Items the thread has finished (successfully or not). */
    public long done() {
        synchronized (lock) {
            return done;
        }
    }

    /**
     * Finishes the items that are waiting, if any, then stops the thread; waits for it up to 30 s.
     * Later {@link #submit} calls are refused.
     */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        try {
            thread.join(CLOSE_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn(
                    "{} did not finish its work within {} s; left to the JVM's exit",
                    thread.getName(),
                    CLOSE_WAIT.toSeconds());
        }
    }

    private void run() {
        while (true) {
            T item;
            synchronized (lock) {
                while (waiting.isEmpty() && !closed) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        LOG.warn("{} interrupted; it stops, later rankings are not written", thread.getName());
                        return;
                    }
                }
                if (waiting.isEmpty()) {
                    return;
                }
                Iterator<Map.Entry<Object, T>> oldest = waiting.entrySet().iterator();
                item = oldest.next().getValue();
                oldest.remove();
                working = true;
            }
            try {
                work.accept(item);
            } catch (RuntimeException e) {
                LOG.error("{} failed on one item; it goes on with the next", thread.getName(), e);
            } finally {
                synchronized (lock) {
                    working = false;
                    done++;
                    lock.notifyAll();
                }
            }
        }
    }
}
