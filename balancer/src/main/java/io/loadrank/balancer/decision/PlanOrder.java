package io.loadrank.balancer.decision;

import java.util.function.Predicate;

/**
 * The one change the balancer makes to a query plan: demoted nodes move behind the other nodes of the
 * local datacenter, keeping their order among themselves; every other node keeps its place. Remote
 * nodes (the driver's datacenter failover) stay behind all local ones, demoted or not: a hot local
 * node still beats a round trip to another datacenter. Nothing is ever removed.
 */
public final class PlanOrder {

    private PlanOrder() {}

    /**
     * Reorders {@code plan} in place.
     *
     * @return true if anything moved
     */
    public static <T> boolean demote(T[] plan, Predicate<? super T> demoted, Predicate<? super T> local) {
        int lastKeptLocal = -1;
        int demotedCount = 0;
        for (int i = 0; i < plan.length; i++) {
            if (demoted.test(plan[i])) {
                demotedCount++;
            } else if (local.test(plan[i])) {
                lastKeptLocal = i;
            }
        }
        if (demotedCount == 0 || lastKeptLocal < 0) {
            // nothing hot, or only hot local nodes: nothing better to offer
            return false;
        }
        @SuppressWarnings("unchecked")
        T[] moved = (T[]) new Object[demotedCount];
        int m = 0;
        int out = 0;
        boolean changed = false;
        for (int i = 0; i <= lastKeptLocal; i++) {
            if (demoted.test(plan[i])) {
                moved[m++] = plan[i];
                changed = true;
            } else {
                plan[out++] = plan[i];
            }
        }
        // demoted nodes after the last kept local node were behind it already
        System.arraycopy(moved, 0, plan, out, m);
        return changed;
    }
}
