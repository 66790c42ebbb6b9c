package io.loadrank.slice;

/**
 * One record of a slice on the rankings topic: part {@code part} of {@code parts} of a ranking. A
 * slice too large for one record (Kafka refuses a record above about 1 MB by default) is sent in
 * parts with the same {@code rankedAtMillis}; its hosts and stale hosts, in ranking order, are cut
 * between them.
 *
 * @param ranking the ranking, with only this part's hosts and stale hosts
 * @param part    0 to {@code parts - 1}
 * @param parts   how many records make the ranking, at least 1
 */
public record SlicePart(SliceRanking ranking, int part, int parts) {

    public SlicePart {
        if (parts < 1 || part < 0 || part >= parts) {
            throw new IllegalArgumentException("part " + part + " of " + parts);
        }
    }

    /** The record key of this part. */
    public SliceKey key() {
        return new SliceKey(ranking.slice(), part);
    }
}
