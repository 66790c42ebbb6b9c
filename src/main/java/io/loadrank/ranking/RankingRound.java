package io.loadrank.ranking;

/**
 * When a ranking bolt publishes (docs/RANKING.md, "Rounds"). A round opens with the first report
 * after the last publication (a rolling task's window for a topic ranking, a topic ranking for the
 * global one). The bolt publishes as soon as every report of the round has arrived, or, on its
 * tick, once the round is late: the reports still missing are from tasks that are busy or gone.
 *
 * <p>Late counts from the opening of the round, not from the last publication, so that the first
 * ranking after a start is not published with whichever report happened to finish its read-back
 * first; and the first round waits longer (the read-back of the last window) than the others (one
 * emit interval).
 */
public final class RankingRound {

    private final long emitMillis;
    private final long firstRoundWaitMillis;
    private boolean open;
    private long openedAtMillis;
    private boolean publishedOnce;
    private long publishedAtMillis;

    /**
     * @param emitMillis           how long a round waits for its missing reports
     * @param firstRoundWaitMillis how long the first round waits (the read-back wait plus one emit)
     */
    public RankingRound(long emitMillis, long firstRoundWaitMillis) {
        this.emitMillis = emitMillis;
        this.firstRoundWaitMillis = firstRoundWaitMillis;
    }

    /** A report arrived at {@code nowMillis}: opens the round if none is open. */
    public void reported(long nowMillis) {
        if (!open) {
            open = true;
            openedAtMillis = nowMillis;
        }
    }

    /** True when a round is open and its missing reports are late at {@code nowMillis}. */
    public boolean isLate(long nowMillis) {
        return open && nowMillis - openedAtMillis >= lateAfterMillis();
    }

    /** The ranking of this round was published: the next report opens a new round. */
    public void published() {
        open = false;
        publishedOnce = true;
    }

    /** The ranking of this round was published at {@code nowMillis} (see {@link #tooSoon}). */
    public void published(long nowMillis) {
        published();
        publishedAtMillis = nowMillis;
    }

    /** When the last ranking was published, as given to {@link #published(long)}. */
    public long publishedAtMillis() {
        return publishedAtMillis;
    }

    /**
     * True when a complete round comes less than half an emit interval after the last publication:
     * the bolt is behind its input, rounds that queued up complete back to back, and newer ones
     * follow in its queue; ranking each would cost as much as ranking the newest and only delay it.
     * In step, rounds complete one emit interval apart and every one is ranked. A skipped round
     * stays open, so its tick still publishes it once it is late.
     */
    public boolean tooSoon(long nowMillis) {
        return publishedOnce && nowMillis - publishedAtMillis < emitMillis / 2;
    }

    /** How long after a round opened its missing reports are late. */
    long lateAfterMillis() {
        return publishedOnce ? emitMillis : firstRoundWaitMillis;
    }
}
