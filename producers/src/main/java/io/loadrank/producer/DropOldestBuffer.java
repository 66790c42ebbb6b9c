package io.loadrank.producer;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * A bounded queue between the poll loop and the Kafka sender thread. {@link #add} never blocks:
 * when the queue is full it drops the oldest element and counts it, because while Kafka is
 * unreachable the newest samples are the ones worth sending once it is back.
 */
final class DropOldestBuffer<T> {

    private final int capacity;
    private final ArrayDeque<T> queue;
    private long dropped;

    DropOldestBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.queue = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    /** Adds at the tail; returns true if the oldest element was dropped to make room. */
    synchronized boolean add(T element) {
        boolean dropOldest = queue.size() >= capacity;
        if (dropOldest) {
            queue.pollFirst();
            dropped++;
        }
        queue.addLast(element);
        notifyAll();
        return dropOldest;
    }

    /** Puts an element back at the head (a send that failed before Kafka took it), unless full. */
    synchronized void putBack(T element) {
        if (queue.size() >= capacity) {
            dropped++;
            return;
        }
        queue.addFirst(element);
    }

    /** The oldest element, waiting up to {@code timeout}; null if there is none by then. */
    synchronized T take(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (queue.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return queue.pollFirst();
    }

    synchronized int size() {
        return queue.size();
    }

    /** Elements dropped since start. */
    synchronized long dropped() {
        return dropped;
    }
}
