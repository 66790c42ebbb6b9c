package io.loadrank.output;

import java.util.HashSet;
import java.util.Set;

/**
 * Whether the ranking files of one output directory can be written, shared by every writer of that
 * directory in a JVM, so that an outage is reported once however many bolts write there: a clear
 * error, not one per emit or per file. The rankings topic's records are followed the same way, keyed
 * by record key instead of file name.
 *
 * <p>An outage starts with the first failed write while every file was fine, and ends once every
 * file that failed meanwhile has been written again. A single file that keeps failing (say a
 * directory in its place) is one long outage, never a line per emit as other files succeed.
 * Thread-safe: bolts of one worker share it.
 */
public final class WriteOutage {

    private final Set<String> failing = new HashSet<>();
    private long failedWrites;

    /** Records a failed write of {@code file}; true if this starts an outage (to be reported). */
    public synchronized boolean failed(String file) {
        failedWrites++;
        boolean started = failing.isEmpty();
        failing.add(file);
        return started;
    }

    /**
     * Records a successful write of {@code file}; returns the writes that failed during the outage
     * if this ends it (to be reported), otherwise -1.
     */
    public synchronized long succeeded(String file) {
        if (!failing.remove(file) || !failing.isEmpty()) {
            return -1;
        }
        long failed = failedWrites;
        failedWrites = 0;
        return failed;
    }

    /** True while some file could not be written since its last failure. */
    public synchronized boolean ongoing() {
        return !failing.isEmpty();
    }
}
