package io.loadrank.window;

import java.util.Arrays;

/**
 * The samples of one host inside one window, ordered by sample time, in two parallel primitive
 * arrays used as a ring. Samples almost always arrive in time order, so adding is an append and
 * expiring is moving the head; an out-of-order sample (a replay) is inserted in place.
 *
 * <p>Primitive arrays rather than objects per sample because a large fleet keeps tens of millions
 * of samples in memory (100,000 hosts x 5 metrics x 60 samples).
 */
final class HostSamples {

    private static final int INITIAL_CAPACITY = 4;

    private long[] times = new long[INITIAL_CAPACITY];
    private double[] values = new double[INITIAL_CAPACITY];
    private int head;
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    long newestTime() {
        return times[index(size - 1)];
    }

    long oldestTime() {
        return times[head];
    }

    /** Adds a sample; false if a sample with this exact time is already held. */
    boolean add(long time, double value) {
        if (size == 0 || time > newestTime()) {
            ensureCapacity();
            times[index(size)] = time;
            values[index(size)] = value;
            size++;
            return true;
        }
        int position = search(time);
        if (position >= 0) {
            return false;
        }
        insertAt(-position - 1, time, value);
        return true;
    }

    /** Drops every sample at or before {@code cutoff}. */
    void expireUpTo(long cutoff) {
        while (size > 0 && times[head] <= cutoff) {
            head = index(1);
            size--;
        }
        if (size == 0) {
            head = 0;
        }
    }

    /** The average of the held samples; call only when not empty. */
    double average() {
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += values[index(i)];
        }
        return sum / size;
    }

    /** Binary search by time over the logical order; like {@link Arrays#binarySearch(long[], long)}. */
    private int search(long time) {
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            long middleTime = times[index(middle)];
            if (middleTime < time) {
                low = middle + 1;
            } else if (middleTime > time) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -(low + 1);
    }

    private void insertAt(int logicalPosition, long time, double value) {
        ensureCapacity();
        // shift the later samples one place towards the tail
        for (int i = size; i > logicalPosition; i--) {
            times[index(i)] = times[index(i - 1)];
            values[index(i)] = values[index(i - 1)];
        }
        times[index(logicalPosition)] = time;
        values[index(logicalPosition)] = value;
        size++;
    }

    private void ensureCapacity() {
        if (size < times.length) {
            return;
        }
        int capacity = times.length * 2;
        long[] newTimes = new long[capacity];
        double[] newValues = new double[capacity];
        for (int i = 0; i < size; i++) {
            newTimes[i] = times[index(i)];
            newValues[i] = values[index(i)];
        }
        times = newTimes;
        values = newValues;
        head = 0;
    }

    private int index(int logical) {
        int physical = head + logical;
        return physical < times.length ? physical : physical - times.length;
    }
}
