package io.loadrank.ranking;

import java.util.Comparator;

/** The order of every ranking: the most loaded first, ties by host name so the order is stable. */
public final class RankingOrder {

    /** Highest average first, then host name ascending. */
    public static final Comparator<HostAverage> BY_AVERAGE =
            Comparator.comparingDouble(HostAverage::average).reversed().thenComparing(HostAverage::host);

    private RankingOrder() {
    }
}
