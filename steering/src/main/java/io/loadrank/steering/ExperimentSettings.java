package io.loadrank.steering;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What one experiment runs: every scenario {@code runs} times, in rounds (S0, S1, ... then again), each
 * policy's session at {@code ratePerPolicy} at the same time as the others; each measured phase after a
 * settle phase that is not counted.
 */
record ExperimentSettings(
        List<InetSocketAddress> contactPoints,
        String datacenter,
        String bootstrapServers,
        String topic,
        String frozenTopic,
        List<Scenario> scenarios,
        List<Policy> policies,
        int hotNode,
        double ratePerPolicy,
        int runs,
        Duration warmUp,
        Duration settle,
        Duration measure,
        Duration rotation,
        List<Path> cgroups,
        double cpuLimit,
        double hotCpuLimit,
        List<Integer> jmxPorts,
        int replication,
        int keys,
        int floodInFlight,
        Path out) {

    /** Refuses what cannot run, naming the option, the value and what is allowed. */
    ExperimentSettings {
        int nodes = contactPoints.size();
        if (hotNode < 1 || hotNode > nodes) {
            throw new IllegalArgumentException(
                    "--hot-node " + hotNode + " is not allowed: a node number from 1 to " + nodes);
        }
        if (!cgroups.isEmpty() && cgroups.size() != nodes) {
            throw new IllegalArgumentException(
                    "--cgroups lists " + cgroups.size() + " directories: it must list one per node (" + nodes + ")");
        }
        if (cgroups.isEmpty()) {
            for (Scenario s : scenarios) {
                if (s.needsCgroups) {
                    throw new IllegalArgumentException("--scenarios " + s + " is not allowed without --cgroups: it"
                            + " changes a node's CPU limit");
                }
            }
        }
        if (scenarios.contains(Scenario.S3) && jmxPorts.size() != nodes) {
            throw new IllegalArgumentException("--scenarios S3 needs --jmx-ports, one per node (" + nodes + ")");
        }
        if (policies.stream().anyMatch(Policy::needsKafka)
                && (bootstrapServers == null || bootstrapServers.isBlank())) {
            throw new IllegalArgumentException(
                    "--policies loadrank, loadrank-frozen and loadrank-strict need --bootstrap-servers");
        }
        if (!policies.contains(Policy.BASELINE)) {
            throw new IllegalArgumentException("--policies must include baseline: every ratio is to it");
        }
        if (replication < 1 || replication > nodes) {
            throw new IllegalArgumentException(
                    "--replication " + replication + " is not allowed: from 1 to the number of nodes, " + nodes);
        }
    }

    /**
     * How long a scenario's measured phase lasts: S5 has two rotation periods, so that the hot node
     * moves once and the first one's return to its share is seen.
     */
    Duration measure(Scenario scenario) {
        return scenario == Scenario.S5 ? rotation.multipliedBy(2) : measure;
    }
}
