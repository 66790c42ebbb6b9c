package io.loadrank.steering;

import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.ProgrammaticDriverConfigLoaderBuilder;
import io.loadrank.balancer.LoadAwareLoadBalancingPolicy;
import io.loadrank.balancer.config.LoadAwarePolicySettings;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The load-balancing policies the experiment compares, each in a driver session of its own. */
enum Policy {
    /** The driver's DefaultLoadBalancingPolicy as it comes, slow-replica avoidance on. */
    BASELINE("baseline"),
    /** The same with its slow-replica avoidance off: token-aware round robin over the replicas. */
    BASELINE_NO_AVOIDANCE("baseline-no-avoidance"),
    /** loadrank's balancer with its default thresholds, following the live rankings topic. */
    LOADRANK("loadrank"),
    /**
     * loadrank's balancer reading a copy of one ranking taken just before each measured phase (before
     * the hot node is made hot), kept young enough never to expire: the reordering without the live
     * signal, so that what the live ranking brings shows apart from what reordering alone does.
     */
    LOADRANK_FROZEN("loadrank-frozen"),
    /**
     * loadrank's balancer, live, with a higher bar for hot: {@link #STRICT_HOT_RATIO} times the slice's mean
     * score instead of the default 1.5, cooling below {@link #STRICT_COOL_RATIO}. Among three nodes the
     * scores of equally loaded nodes wander past 1.5 times the mean by chance (a node's queue of 1 task
     * against its neighbours' 0 is most of a share), which demotes a healthy node.
     */
    LOADRANK_STRICT("loadrank-strict");

    static final double STRICT_HOT_RATIO = 1.8;
    static final double STRICT_COOL_RATIO = 1.4;

    /** The frozen copy never expires within an experiment. */
    static final Duration FROZEN_MAX_AGE = Duration.ofDays(1);

    final String label;

    Policy(String label) {
        this.label = label;
    }

    boolean needsKafka() {
        return this == LOADRANK || this == LOADRANK_FROZEN || this == LOADRANK_STRICT;
    }

    /** Configures a session's default profile for this policy. */
    ProgrammaticDriverConfigLoaderBuilder configure(
            ProgrammaticDriverConfigLoaderBuilder driver, String bootstrapServers, String topic, String frozenTopic) {
        return switch (this) {
            case BASELINE -> driver;
            case BASELINE_NO_AVOIDANCE ->
                driver.withBoolean(DefaultDriverOption.LOAD_BALANCING_POLICY_SLOW_AVOIDANCE, false);
            case LOADRANK ->
                loadrank(
                        driver,
                        LoadAwarePolicySettings.builder()
                                .bootstrapServers(bootstrapServers)
                                .topic(topic));
            case LOADRANK_STRICT ->
                loadrank(
                        driver,
                        LoadAwarePolicySettings.builder()
                                .bootstrapServers(bootstrapServers)
                                .topic(topic)
                                .hotRatio(STRICT_HOT_RATIO)
                                .coolRatio(STRICT_COOL_RATIO));
            case LOADRANK_FROZEN ->
                loadrank(
                        driver,
                        LoadAwarePolicySettings.builder()
                                .bootstrapServers(bootstrapServers)
                                .topic(frozenTopic)
                                .maxAge(FROZEN_MAX_AGE));
        };
    }

    /** The balancer as the session's policy, with {@code settings}. */
    private static ProgrammaticDriverConfigLoaderBuilder loadrank(
            ProgrammaticDriverConfigLoaderBuilder driver, LoadAwarePolicySettings.Builder settings) {
        return settings.build()
                .applyTo(driver.withClass(
                        DefaultDriverOption.LOAD_BALANCING_POLICY_CLASS, LoadAwareLoadBalancingPolicy.class));
    }

    static Policy byLabel(String label) {
        return Arrays.stream(values())
                .filter(p -> p.label.equals(label))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--policies: '" + label + "' is not allowed: one of "
                        + Arrays.stream(values()).map(p -> p.label).collect(Collectors.joining(", "))));
    }
}
