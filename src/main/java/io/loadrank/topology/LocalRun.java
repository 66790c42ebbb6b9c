package io.loadrank.topology;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.storm.Config;
import org.apache.storm.LocalCluster;
import org.apache.storm.generated.KillOptions;
import org.apache.storm.generated.StormTopology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the topology in an in-process Storm LocalCluster until a time-to-live passes or the JVM is
 * asked to stop (Ctrl-C, TERM), then kills the topology and shuts the cluster down cleanly.
 *
 * <p>A class of its own so that {@link LoadRankTopology} never names LocalCluster: on a cluster,
 * {@code storm jar} runs the launcher with storm-client alone, where storm-server is absent.
 */
final class LocalRun {

    private static final Logger LOG = LoggerFactory.getLogger(LocalRun.class);

    private LocalRun() {}

    static void run(String name, Config conf, StormTopology topology, long ttlSeconds) throws Exception {
        CountDownLatch stopRequested = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    stopRequested.countDown();
                    try {
                        // let the main thread shut the cluster down before the JVM goes
                        stopped.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "loadrank-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (LocalCluster cluster = new LocalCluster()) {
            cluster.submitTopology(name, conf, topology);
            LOG.info(
                    "topology {} runs in a local cluster{}",
                    name,
                    ttlSeconds > 0 ? " for " + ttlSeconds + " s" : " until Ctrl-C");
            if (ttlSeconds > 0) {
                stopRequested.await(ttlSeconds, TimeUnit.SECONDS);
            } else {
                stopRequested.await();
            }
            LOG.info("stopping topology {}", name);
            KillOptions kill = new KillOptions();
            kill.set_wait_secs(0);
            cluster.killTopologyWithOpts(name, kill);
        } finally {
            stopped.countDown();
        }
        LOG.info("local cluster shut down");
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down (Ctrl-C): the hook has done its part
        }
    }
}
