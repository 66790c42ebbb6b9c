package io.loadrank.ranking;

import io.loadrank.window.HostAverage;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

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

    /** Below this many hosts a plain sort is as fast, and the pre-sort is not worth its arrays. */
    static final int PRESORT_FROM = 2_048;

    /** Sorts {@code hosts} in {@link #BY_AVERAGE} order, fast for large fleets (see {@link #sortHighestFirst}). */
    public static void sortByAverage(List<HostAverage> hosts) {
        sortHighestFirst(hosts, HostAverage::average, BY_AVERAGE);
    }

    /**
     * Sorts {@code items} in {@code order}, which must put higher {@code key}s first, fast for large
     * fleets. Comparing 100,000 records reads fields scattered over the heap, a cache miss per
     * comparison, and was a seventh of the CPU at 100,000 hosts. So the keys are first sorted as
     * primitives (the top bits of each key with the item's index below them: non-negative doubles
     * order like their bit patterns), which puts the list in order except among items whose keys
     * share those top bits; the exact sort then finds an almost sorted list, which TimSort finishes
     * in about one comparison per item. Keys that are not finite and non-negative get the plain sort.
     */
    public static <T> void sortHighestFirst(List<T> items, ToDoubleFunction<T> key, Comparator<? super T> order) {
        int n = items.size();
        if (n < PRESORT_FROM) {
            items.sort(order);
            return;
        }
        int indexBits = 32 - Integer.numberOfLeadingZeros(n - 1);
        long indexMask = (1L << indexBits) - 1;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            double value = key.applyAsDouble(items.get(i)) + 0.0; // -0.0 becomes 0.0
            if (!(value >= 0) || value == Double.POSITIVE_INFINITY) {
                items.sort(order);
                return;
            }
            keys[i] = (Double.doubleToRawLongBits(value) & ~indexMask) | i;
        }
        Arrays.sort(keys);
        Object[] highestFirst = new Object[n];
        for (int k = 0; k < n; k++) {
            highestFirst[n - 1 - k] = items.get((int) (keys[k] & indexMask));
        }
        for (int i = 0; i < n; i++) {
            @SuppressWarnings("unchecked")
            T item = (T) highestFirst[i];
            items.set(i, item);
        }
        items.sort(order);
    }

    private RankingOrder() {}
}
