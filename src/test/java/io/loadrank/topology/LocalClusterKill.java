package io.loadrank.topology;

import io.loadrank.testing.Await;
import java.time.Duration;
import org.apache.storm.LocalCluster;
import org.apache.storm.ProcessSimulator;
import org.apache.storm.generated.KillOptions;

/**
 * Kills a topology on a {@link LocalCluster} so that the next one can start safely. The tests that
 * use it run one topology at a time, so the cluster's in-process workers are that topology's.
 *
 * <p>Two waits, both measured in fresh-clone builds:
 *
 * <ul>
 *   <li><b>Before the kill, until the worker runs.</b> Storm 2.8.3's supervisor halts the whole JVM
 *       (exit 20, "Error when processing an event") when a topology is killed while its slot still
 *       downloads the topology's files: {@code AsyncLocalizer.releaseSlotFor} reads a
 *       {@code stormconf.ser} that is not there yet and only expects a {@code FileNotFoundException},
 *       not the {@code NoSuchFileException} it gets. A test that finds what it waits for early (a file
 *       left by the topology before) kills the new one in that state.
 *   <li><b>After the kill, until the worker has stopped.</b> Nimbus forgets a killed topology at once,
 *       but the supervisor stops its worker a moment later, and until then the worker still writes
 *       ranking files into the directory the next step reads.
 * </ul>
 */
final class LocalClusterKill {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private LocalClusterKill() {}

    /** Kills {@code topologyName} once its worker runs, and returns when nimbus and the supervisor are rid of it. */
    static void kill(LocalCluster cluster, String topologyName) throws Exception {
        Await.until(DEADLINE, "a worker of " + topologyName + " to run before it is killed", () -> workers() > 0);
        KillOptions options = new KillOptions();
        options.set_wait_secs(0);
        cluster.killTopologyWithOpts(topologyName, options);
        Await.until(DEADLINE, topologyName + " to be gone from nimbus", () -> {
            try {
                return cluster.getTopologySummaries().stream()
                        .noneMatch(summary -> summary.get_name().equals(topologyName));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Await.until(DEADLINE, "the worker of " + topologyName + " to stop", () -> workers() == 0);
    }

    /** The workers running in this JVM: in local mode a worker is an object, not a process. */
    private static int workers() {
        return ProcessSimulator.getAllProcessHandles().size();
    }
}
