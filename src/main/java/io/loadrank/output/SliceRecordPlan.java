package io.loadrank.output;

import io.loadrank.slice.Slice;
import io.loadrank.slice.SliceKey;
import io.loadrank.slice.SliceRecordFormat;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The records of one emit on the rankings topic (docs/OUTPUT.md): every slice's ranking, in as many
 * parts as it needs to stay under Kafka's default record size, and a tombstone (a null value) for
 * every key an earlier emit used and this one does not: part 0 of a slice that left (all its hosts out
 * of the window), so that the compacted topic forgets it, and the parts a shrinking slice no longer
 * needs, so that a reader starting later does not find them. Remembers the parts of the last emit, and
 * after a restart the keys an earlier run left live on the topic ({@link #rememberLive}); not
 * thread-safe: one per publishing bolt.
 */
public final class SliceRecordPlan {

    /** One record to send: its key and its value, null for a tombstone. */
    public record KeyedValue(String key, String value) {}

    private final int maxBytes;
    private Map<Slice, Integer> partsSent = new HashMap<>();

    public SliceRecordPlan() {
        this(SliceRecordFormat.MAX_RECORD_BYTES);
    }

    /** With another record size: the unit tests cut small slices into parts. */
    SliceRecordPlan(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * Takes {@code liveKeys}, the keys whose newest record on the topic is not a tombstone (left there
     * by an earlier run), as sent: the next {@link #records} tombstones every one of them it does not
     * send. A slice counts as sent in as many parts as its highest live part plus one; the parts it
     * already has from this run's last emit are kept when they are more.
     */
    public void rememberLive(Collection<SliceKey> liveKeys) {
        for (SliceKey key : liveKeys) {
            partsSent.merge(key.slice(), key.part() + 1, Math::max);
        }
    }

    /** The records of one emit: the parts of every slice in {@code slices}, then the tombstones. */
    public List<KeyedValue> records(List<SliceRecordFormat.Rendered> slices) {
        ArrayList<KeyedValue> records = new ArrayList<>();
        Map<Slice, Integer> sent = new HashMap<>();
        for (SliceRecordFormat.Rendered rendered : slices) {
            Slice slice = rendered.ranking().slice();
            List<String> values = rendered.parts(maxBytes);
            for (int part = 0; part < values.size(); part++) {
                records.add(new KeyedValue(new SliceKey(slice, part).text(), values.get(part)));
            }
            sent.put(slice, values.size());
        }
        for (Map.Entry<Slice, Integer> before : partsSent.entrySet()) {
            int now = sent.getOrDefault(before.getKey(), 0);
            for (int part = now; part < before.getValue(); part++) {
                records.add(new KeyedValue(new SliceKey(before.getKey(), part).text(), null));
            }
        }
        partsSent = sent;
        return records;
    }
}
