package io.loadrank.ranking;

import io.loadrank.message.MalformedReason;
import io.loadrank.window.WindowCounters;
import java.io.Serializable;
import java.util.EnumMap;
import java.util.Map;

/**
 * What happened to the messages of one topic since the topology started: how many samples the
 * windows counted, and how many were duplicates, late, early or malformed (by reason).
 */
public record IngestStats(WindowCounters window, EnumMap<MalformedReason, Long> malformed) implements Serializable {

    public static IngestStats empty() {
        return new IngestStats(WindowCounters.ZERO, new EnumMap<>(MalformedReason.class));
    }

    public long malformedTotal() {
        long total = 0;
        for (long count : malformed.values()) {
            total += count;
        }
        return total;
    }

    /** Every message of the topic since start: samples counted, duplicate, late or early, and malformed. */
    public long messages() {
        return window.accepted() + window.duplicates() + window.late() + window.early() + malformedTotal();
    }

    /** The count for one reason, 0 when none was seen. */
    public long malformed(MalformedReason reason) {
        return malformed.getOrDefault(reason, 0L);
    }

    /** Sums counts that come from different tasks. */
    public static IngestStats sum(
            Iterable<WindowCounters> windows, Iterable<? extends Map<MalformedReason, Long>> malformedCounts) {
        WindowCounters window = WindowCounters.ZERO;
        for (WindowCounters counters : windows) {
            window = window.plus(counters);
        }
        EnumMap<MalformedReason, Long> malformed = new EnumMap<>(MalformedReason.class);
        for (Map<MalformedReason, Long> counts : malformedCounts) {
            counts.forEach((reason, count) -> malformed.merge(reason, count, Long::sum));
        }
        return new IngestStats(window, malformed);
    }
}
