package io.loadrank.balancer.decision;

import java.time.Duration;
import java.util.Objects;

/**
 * The thresholds of the decision (docs/BALANCER.md, "Options"). Values are checked where they are read
 * (the driver configuration or the settings builder), with the option's key in the message; this
 * record only refuses what would make the logic meaningless.
 *
 * @param maxAge             a ranking older than this demotes nothing
 * @param hotRatio           a node becomes hot at {@code score >= hotRatio * mean score of its slice}
 * @param coolRatio          a hot node cools below {@code coolRatio * mean} ...
 * @param minHot             ... once it has been hot this long
 * @param maxDemotedFraction at most this fraction of a datacenter's nodes is demoted (at least one of two or more)
 */
public record BalancerSettings(
        Duration maxAge, double hotRatio, double coolRatio, Duration minHot, double maxDemotedFraction) {

    public BalancerSettings {
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(minHot, "minHot");
        if (!(coolRatio <= hotRatio)) {
            throw new IllegalArgumentException("coolRatio " + coolRatio + " must not exceed hotRatio " + hotRatio);
        }
    }

    /** The documented defaults. */
    public static BalancerSettings defaults() {
        return new BalancerSettings(Duration.ofSeconds(10), 1.5, 1.2, Duration.ofSeconds(10), 0.34);
    }
}
