package io.loadrank.ranking;

import java.util.Comparator;

/** The order of every ranking: the most loaded first, ties by host name so the order is stable. */
public final class RankingOrder {

    /**
     * Highest average first, then host name ascending. A plain class rather than a chain of
     * {@code Comparator.comparingDouble(...).reversed().thenComparing(...)}: sorting 100,000 hosts
     * every emit, the chain's extra calls per comparison were visible in the profile.
     */
    public static final Comparator<HostAverage> BY_AVERAGE = new ByAverage();

    private static final class ByAverage implements Comparator<HostAverage>, java.io.Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public int compare(HostAverage a, HostAverage b) {
            int byAverage = Double.compare(b.average(), a.average());
            return byAverage != 0 ? byAverage : a.host().compareTo(b.host());
        }
    }

    private RankingOrder() {
    }
}
