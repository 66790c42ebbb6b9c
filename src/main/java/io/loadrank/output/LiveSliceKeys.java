package io.loadrank.output;

import io.loadrank.slice.SliceKey;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The slice keys live on the rankings topic, from its records read in offset order: a key is live when
 * its newest record is not a tombstone, which is what a reader starting now would take for a slice
 * part. Every part of a slice is on one partition ({@link SliceKey#partition}), so the offset order of
 * one partition is the order of a key's records. Records whose key is not a slice key (the check
 * record a compacted topic is created with, another writer's) are counted and skipped.
 */
public final class LiveSliceKeys {

    private final Map<SliceKey, Boolean> newestIsLive = new HashMap<>();
    private long records;
    private long skipped;
    private String firstSkipped;

    /**
     * Takes the next record of a partition.
     *
     * @param key       the record's key as text, null when it has none
     * @param tombstone whether its value is null
     * @return false when the key is not a slice key (skipped)
     */
    public boolean accept(String key, boolean tombstone) {
        records++;
        SliceKey sliceKey = SliceKey.parse(key);
        if (sliceKey == null) {
            if (skipped++ == 0) {
                firstSkipped = key;
            }
            return false;
        }
        newestIsLive.put(sliceKey, !tombstone);
        return true;
    }

    /** The keys whose newest record so far is not a tombstone. */
    public Set<SliceKey> live() {
        Set<SliceKey> live = new HashSet<>();
        newestIsLive.forEach((key, isLive) -> {
            if (isLive) {
                live.add(key);
            }
        });
        return live;
    }

    /** The records taken. */
    public long records() {
        return records;
    }

    /** The records skipped because their key is not a slice key. */
    public long skipped() {
        return skipped;
    }

    /** The key of the first record skipped, null when none was (or it had no key). */
    public String firstSkipped() {
        return firstSkipped;
    }
}
