package io.loadrank.balancer.ranking;

import io.loadrank.slice.Slice;
import io.loadrank.slice.SliceAssembler;
import io.loadrank.slice.SliceKey;
import io.loadrank.slice.SlicePart;
import io.loadrank.slice.SliceRecordException;
import io.loadrank.slice.SliceRecordFormat;
import java.util.Objects;

/**
 * Takes the records of the rankings-topic partition the session's slice goes to and hands out whole
 * rankings of that slice. Other slices share the partition: their records are recognised by the key
 * alone and skipped without reading the value, so the cost is what the session's slice costs. A ranking
 * sent in parts comes out once all its parts are in. Single writer (the follower's thread); the counters
 * may be read from any thread.
 */
public final class SliceIntake {

    /** What became of one record. */
    public sealed interface Outcome {
        /** A whole ranking of the slice. */
        record Ranking(LoadSnapshot snapshot) implements Outcome {}

        /** The slice left (the tombstone of its part 0): no ranking of it any more. */
        record Left() implements Outcome {}

        /** A part held until the rest of its ranking comes, an older ranking's part, a later part's tombstone. */
        record Nothing() implements Outcome {}

        /** Another slice's record, or not a slice record at all: value not read. */
        record Skipped() implements Outcome {}

        /** A record of the slice that cannot be used, and why. */
        record Refused(String reason) implements Outcome {}
    }

    private static final Outcome NOTHING = new Outcome.Nothing();
    private static final Outcome SKIPPED = new Outcome.Skipped();

    private final Slice slice;
    private final SliceAssembler assembler = new SliceAssembler();
    private volatile long sliceRecords;
    private volatile long skippedRecords;
    private volatile long refusedRecords;

    public SliceIntake(Slice slice) {
        this.slice = Objects.requireNonNull(slice, "slice");
    }

    public Slice slice() {
        return slice;
    }

    /** Takes one record: its key and its value (null for a tombstone). */
    public Outcome accept(String key, String value) {
        SliceKey sliceKey = SliceKey.parse(key);
        if (sliceKey == null || !slice.equals(sliceKey.slice())) {
            skippedRecords++;
            return SKIPPED;
        }
        sliceRecords++;
        if (value == null) {
            return assembler.tombstone(sliceKey) ? new Outcome.Left() : NOTHING;
        }
        SlicePart part;
        try {
            part = SliceRecordFormat.read(sliceKey, value);
        } catch (SliceRecordException e) {
            return refused(e.getMessage());
        }
        String unusable = LoadSnapshots.unusable(part.ranking());
        if (unusable != null) {
            return refused(unusable);
        }
        if (assembler.accept(part) instanceof SliceAssembler.Outcome.Complete complete) {
            return new Outcome.Ranking(LoadSnapshots.of(complete.ranking()));
        }
        return NOTHING;
    }

    private Outcome refused(String reason) {
        refusedRecords++;
        return new Outcome.Refused(reason);
    }

    /** Records of the slice taken, tombstones and refused ones included. */
    public long sliceRecords() {
        return sliceRecords;
    }

    /** Records of other slices (or not slice records) skipped without reading their value. */
    public long skippedRecords() {
        return skippedRecords;
    }

    /** Records of the slice refused: not a slice record, a value of another slice, an unusable score. */
    public long refusedRecords() {
        return refusedRecords;
    }
}
