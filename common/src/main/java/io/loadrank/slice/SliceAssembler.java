package io.loadrank.slice;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers the parts of slice rankings as they are read from the rankings topic and hands out each
 * ranking once it holds all its parts (docs/OUTPUT.md). Parts of one ranking share its
 * {@code rankedAtMillis}; a part of a newer ranking drops the parts of older ones, and a part of an
 * older ranking than one already handed out is ignored (a compacted topic read from its start can hold
 * a part a later ranking no longer needed). Not thread-safe: one per reading thread.
 */
public final class SliceAssembler {

    private final Map<Slice, Pending> pending = new HashMap<>();
    private final Map<Slice, Long> completedAt = new HashMap<>();

    /** What came of a record. */
    public sealed interface Outcome {
        /** The ranking's last missing part: the whole ranking of its slice. */
        record Complete(SliceRanking ranking) implements Outcome {}

        /** Held until the other parts of its ranking come. */
        record Waiting(Slice slice, int held, int parts) implements Outcome {}

        /** Older than a ranking of the slice already handed out: ignored. */
        record Outdated(Slice slice) implements Outcome {}
    }

    /** Takes in one part. */
    public Outcome accept(SlicePart part) {
        SliceRanking ranking = part.ranking();
        Slice slice = ranking.slice();
        Long done = completedAt.get(slice);
        if (done != null && ranking.rankedAtMillis() <= done) {
            return new Outcome.Outdated(slice);
        }
        if (part.parts() == 1) {
            pending.remove(slice);
            completedAt.put(slice, ranking.rankedAtMillis());
            return new Outcome.Complete(ranking);
        }
        Pending held = pending.get(slice);
        if (held != null && held.rankedAtMillis > ranking.rankedAtMillis()) {
            return new Outcome.Outdated(slice);
        }
        if (held == null || held.rankedAtMillis < ranking.rankedAtMillis() || held.parts.length != part.parts()) {
            held = new Pending(ranking.rankedAtMillis(), part.parts());
            pending.put(slice, held);
        }
        if (held.parts[part.part()] == null) {
            held.count++;
        }
        held.parts[part.part()] = ranking;
        if (held.count < held.parts.length) {
            return new Outcome.Waiting(slice, held.count, held.parts.length);
        }
        pending.remove(slice);
        completedAt.put(slice, ranking.rankedAtMillis());
        return new Outcome.Complete(joined(held.parts));
    }

    /**
     * A tombstone for part {@code key.part()}: part 0's tombstone means the slice left (every host out
     * of the window); a later part's only that the ranking needs fewer parts now.
     *
     * @return true when the slice left
     */
    public boolean tombstone(SliceKey key) {
        if (key.part() != 0) {
            return false;
        }
        pending.remove(key.slice());
        completedAt.remove(key.slice());
        return true;
    }

    private static SliceRanking joined(SliceRanking[] parts) {
        SliceRanking first = parts[0];
        ArrayList<SliceHost> hosts = new ArrayList<>();
        ArrayList<SliceStaleHost> stale = new ArrayList<>();
        for (SliceRanking part : parts) {
            hosts.addAll(part.hosts());
            stale.addAll(part.stale());
        }
        return new SliceRanking(
                first.slice(),
                first.rankedAtMillis(),
                first.windowSecs(),
                first.emitSecs(),
                first.topics(),
                first.weights(),
                List.copyOf(hosts),
                List.copyOf(stale),
                first.windowsAtMillis());
    }

    private static final class Pending {
        final long rankedAtMillis;
        final SliceRanking[] parts;
        int count;

        Pending(long rankedAtMillis, int parts) {
            this.rankedAtMillis = rankedAtMillis;
            this.parts = new SliceRanking[parts];
        }
    }
}
