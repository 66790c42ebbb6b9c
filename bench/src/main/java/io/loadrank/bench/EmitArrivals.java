package io.loadrank.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The emits of the topology as a consumer of the rankings topic sees them: every slice record of one
 * emit carries the emit's {@code rankedAtMillis} and {@code windowsAtMillis}, so the records of one
 * emit are grouped by the former, and the time from the window snapshots to the last of them is the
 * emit's cost up to a reader. The producer acknowledges a record before a consumer can fetch it, so
 * this bounds "snapshot to every slice record acknowledged" from above; the records' own timestamps
 * (the producer's send time) bound it from below. Not thread-safe: one per watching thread.
 */
final class EmitArrivals {

    /** One emit: its snapshot time, when its records were sent and received, their size. */
    static final class Emit {
        final long windowsAtMillis;
        long lastSentMillis = Long.MIN_VALUE;
        long lastReceivedMillis = Long.MIN_VALUE;
        long records;
        long valueBytes;

        Emit(long windowsAtMillis) {
            this.windowsAtMillis = windowsAtMillis;
        }

        double toLastReceivedMillis() {
            return lastReceivedMillis - windowsAtMillis;
        }

        double toLastSentMillis() {
            return lastSentMillis - windowsAtMillis;
        }
    }

    private final TreeMap<Long, Emit> emits = new TreeMap<>();

    /**
     * One record of an emit.
     *
     * @param sentMillis     the record's timestamp (the producer's send time)
     * @param receivedMillis when the consumer's poll returned it
     * @param valueBytes     the size of its value
     */
    void record(long rankedAtMillis, long windowsAtMillis, long sentMillis, long receivedMillis, long valueBytes) {
        Emit emit = emits.computeIfAbsent(rankedAtMillis, at -> new Emit(windowsAtMillis));
        emit.lastSentMillis = Math.max(emit.lastSentMillis, sentMillis);
        emit.lastReceivedMillis = Math.max(emit.lastReceivedMillis, receivedMillis);
        emit.records++;
        emit.valueBytes += valueBytes;
    }

    /**
     * The emits ranked at or after {@code fromMillis}, in time order, without the newest one, which may
     * still be on its way when the watch ends.
     */
    List<Emit> complete(long fromMillis) {
        ArrayList<Emit> complete = new ArrayList<>();
        for (Map.Entry<Long, Emit> entry : emits.tailMap(fromMillis, true).entrySet()) {
            if (!entry.getKey().equals(emits.lastKey())) {
                complete.add(entry.getValue());
            }
        }
        return complete;
    }
}
