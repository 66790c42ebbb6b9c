package io.loadrank.balancer.decision;

/**
 * How many nodes of a datacenter may be demoted at once: {@code floor(fraction * nodes)}, but at least
 * one when the datacenter has two or more nodes (a lone node has nowhere to shed load).
 */
public final class DemotionCap {

    private DemotionCap() {}

    public static int of(int datacenterNodes, double maxDemotedFraction) {
        if (datacenterNodes < 2) {
            return 0;
        }
        // the small epsilon keeps 0.5 * 4 from becoming 1.9999999 and then 1
        int cap = (int) Math.floor(maxDemotedFraction * datacenterNodes + 1e-9);
        return Math.min(datacenterNodes - 1, Math.max(1, cap));
    }
}
