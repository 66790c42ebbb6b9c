package io.loadrank.webview.it;

import io.loadrank.topology.LoadRankSettings;
import io.loadrank.topology.LoadRankTopology;
import io.loadrank.topology.LoadRankTopologyFactory;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.storm.Config;
import org.apache.storm.LocalCluster;

/**
 * The topology as the web view's ITs run it in a LocalCluster: a 20 s window, an emit a second,
 * hosts stale after 3 s, no read-back, the rankings and alerts published to the topics named.
 */
final class LocalPipeline {

    private LocalPipeline() {}

    /**
     * Submits the topology {@code name} to {@code cluster}.
     *
     * @param extra further keys of topology.yaml (host-info topic, alert rules)
     * @return the output directory of the ranking files
     */
    static Path submit(
            LocalCluster cluster,
            String name,
            String bootstrapServers,
            Path runDir,
            List<String> topics,
            String rankingsTopic,
            String alertsTopic,
            Map<String, Object> extra)
            throws Exception {
        Path output = runDir.resolve(name + "-output");
        Map<String, Object> conf = new HashMap<>();
        conf.put(LoadRankSettings.BOOTSTRAP_SERVERS.key(), bootstrapServers);
        conf.put(LoadRankSettings.TOPICS.key(), topics);
        conf.put(LoadRankSettings.OUTPUT_DIR.key(), output.toString());
        conf.put(LoadRankSettings.CONSUMER_GROUP.key(), name + "-group");
        conf.put(LoadRankSettings.WINDOW_SECS.key(), 20);
        conf.put(LoadRankSettings.EMIT_SECS.key(), 1);
        conf.put(LoadRankSettings.STALE_AFTER_SECS.key(), 3);
        conf.put(LoadRankSettings.READBACK_ENABLED.key(), false);
        conf.put(LoadRankSettings.RANKINGS_TOPIC.key(), rankingsTopic);
        conf.put(LoadRankSettings.ALERTS_TOPIC.key(), alertsTopic);
        conf.put(LoadRankSettings.TOPOLOGY_NAME.key(), name);
        conf.put(Config.TOPOLOGY_MESSAGE_TIMEOUT_SECS, 30);
        conf.putAll(extra);
        Config stormConf = LoadRankTopology.stormConfig(conf, runDir);
        cluster.submitTopology(name, stormConf, LoadRankTopologyFactory.build(LoadRankSettings.from(stormConf)));
        return output;
    }
}
