package io.loadrank.topology;

import io.loadrank.config.ConfigException;
import io.loadrank.batch.SampleBatch;
import io.loadrank.message.MalformedReason;
import io.loadrank.window.HostAverage;
import io.loadrank.ranking.IngestStats;
import io.loadrank.ranking.TopicRanking;
import io.loadrank.window.WindowCounters;
import io.loadrank.window.WindowSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.storm.Config;
import org.apache.storm.StormSubmitter;
import org.apache.storm.generated.ComponentCommon;
import org.apache.storm.generated.StormTopology;
import org.apache.storm.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts loadrank: reads topology.yaml (a Storm configuration file: Storm's own keys pass through,
 * loadrank's keys are checked by {@link LoadRankSettings}), builds the topology and runs it.
 *
 * <pre>
 *   storm jar target/loadrank-topology.jar io.loadrank.topology.LoadRankTopology --remote topology.yaml
 *   java -cp ... io.loadrank.topology.LoadRankTopology --local --ttl 60 topology.yaml
 *   java -cp ... io.loadrank.topology.LoadRankTopology --dry-run topology.yaml
 * </pre>
 *
 * <p>Not Flux: flux-core cannot be resolved from Maven Central for Storm 2.8.3 (its parent POM
 * org.apache.storm:flux is not published), and a topology whose shape follows the list of topics
 * needs code anyway. The options mirror Flux's ({@code --local}, {@code --remote},
 * {@code --dry-run}) and {@code --set key=value} overrides a single key.
 */
public final class LoadRankTopology {

    private static final Logger LOG = LoggerFactory.getLogger(LoadRankTopology.class);

    static final String USAGE = """
            usage: LoadRankTopology (--local [--ttl SECONDS] | --remote | --dry-run) [--set KEY=VALUE]... [CONFIG]
              --local          run in an in-process Storm LocalCluster (needs storm-server on the classpath)
              --ttl SECONDS    with --local: stop after SECONDS; 0 (default) runs until Ctrl-C
              --remote         submit to the Storm cluster that `storm jar` points at
              --dry-run        check the configuration, print the topology, run nothing
              --set KEY=VALUE  override one configuration key (repeatable)
              CONFIG           the topology configuration, default topology.yaml""";

    private enum Mode { LOCAL, REMOTE, DRY_RUN }

    private LoadRankTopology() {
    }

    public static void main(String[] args) throws Exception {
        Mode mode = null;
        long ttlSeconds = 0;
        Map<String, Object> overrides = new HashMap<>();
        String configFile = "topology.yaml";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--local" -> mode = Mode.LOCAL;
                case "--remote" -> mode = Mode.REMOTE;
                case "--dry-run" -> mode = Mode.DRY_RUN;
                case "--ttl" -> ttlSeconds = parseTtl(i + 1 < args.length ? args[++i] : null);
                case "--set" -> addOverride(overrides, i + 1 < args.length ? args[++i] : null);
                case "-h", "--help" -> {
                    System.out.println(USAGE);
                    return;
                }
                default -> {
                    if (args[i].startsWith("-")) {
                        exitWithUsage("unknown option " + args[i]);
                    }
                    configFile = args[i];
                }
            }
        }
        if (mode == null) {
            exitWithUsage("say how to run: --local, --remote or --dry-run");
        }

        Config conf;
        LoadRankSettings settings;
        try {
            Map<String, Object> yaml = readConfigFile(Path.of(configFile));
            yaml.putAll(overrides);
            conf = stormConfig(yaml, Path.of("").toAbsolutePath());
            settings = LoadRankSettings.from(conf);
        } catch (ConfigException e) {
            System.err.println("error: " + e.getMessage() + " (in " + configFile + ")");
            System.exit(2);
            return;
        }
        StormTopology topology = LoadRankTopologyFactory.build(settings);
        LOG.info("loadrank settings: {}", settings);
        switch (mode) {
            case DRY_RUN -> System.out.println(describe(settings, topology));
            case REMOTE -> StormSubmitter.submitTopologyWithProgressBar(settings.topologyName(), conf, topology);
            case LOCAL -> {
                LocalRun.run(settings.topologyName(), conf, topology, ttlSeconds);
                // the local cluster leaves non-daemon threads behind (ZooKeeper, Kafka clients)
                System.exit(0);
            }
        }
    }

    /**
     * The Storm configuration for a topology configuration file's content: every key as given,
     * loadrank's keys checked and normalised, the output directory made absolute against
     * {@code baseDir} (workers on a cluster run in directories of their own), and the tuple
     * classes registered with Kryo.
     *
     * @throws ConfigException for a bad loadrank setting
     */
    public static Config stormConfig(Map<String, Object> topologyConf, Path baseDir) {
        Config conf = new Config();
        conf.putAll(topologyConf);
        LoadRankSettings settings = LoadRankSettings.from(topologyConf).withOutputDirResolvedAgainst(baseDir);
        conf.putAll(settings.asConfig());
        // tuples between workers are serialised by Kryo, which needs every class named
        for (Class<?> type : List.of(HostAverage.class, WindowSnapshot.class, WindowCounters.class, IngestStats.class,
                TopicRanking.class, MalformedReason.class, SampleBatch.class, String[].class, double[].class,
                long[].class)) {
            conf.registerSerialization(type);
        }
        conf.registerSerialization(EnumMap.class, MalformedCountsSerializer.class);
        // An idle bolt sleeps at once (1 ms steps) instead of first parking a thousand times: with
        // a dozen executors per core, the spinning of idle bolts took the CPU the busy ones needed
        // (ingest +50 % at 2 cores, docs/BENCHMARKS.md). The cost is up to 1 ms per hop when idle.
        conf.putIfAbsent(Config.TOPOLOGY_BOLT_WAIT_PROGRESSIVE_LEVEL2_COUNT, 0);
        return conf;
    }

    static Map<String, Object> readConfigFile(Path file) {
        Path absolute = file.toAbsolutePath();
        if (!Files.isRegularFile(absolute)) {
            throw new ConfigException("CONFIG", file.toString(), "a readable topology configuration file (YAML)");
        }
        try {
            return new HashMap<>(Utils.findAndReadConfigFile(absolute.toString(), true));
        } catch (RuntimeException e) {
            throw new ConfigException("CONFIG", file.toString(), "a valid YAML map of configuration keys (" + e.getMessage() + ")");
        }
    }

    static String describe(LoadRankSettings settings, StormTopology topology) {
        StringBuilder out = new StringBuilder("configuration is valid: ").append(settings).append('\n');
        out.append("topology ").append(settings.topologyName()).append(":\n");
        List<String> names = new ArrayList<>();
        topology.get_spouts().forEach((id, spout) -> names.add(line("spout", id, spout.get_common())));
        topology.get_bolts().forEach((id, bolt) -> names.add(line("bolt ", id, bolt.get_common())));
        names.sort(null);
        names.forEach(line -> out.append("  ").append(line).append('\n'));
        return out.toString();
    }

    private static String line(String kind, String id, ComponentCommon common) {
        return kind + " " + id + " x" + common.get_parallelism_hint() + " <- " + common.get_inputs().keySet().stream()
                .map(input -> input.get_componentId() + ":" + input.get_streamId()).sorted().toList();
    }

    private static long parseTtl(String value) {
        if (value == null || !value.matches("\\d{1,9}")) {
            exitWithUsage("--ttl needs a whole number of seconds, got " + value);
        }
        return Long.parseLong(value);
    }

    private static void addOverride(Map<String, Object> overrides, String assignment) {
        int equals = assignment == null ? -1 : assignment.indexOf('=');
        if (equals <= 0) {
            exitWithUsage("--set needs KEY=VALUE, got " + assignment);
        }
        String value = assignment.substring(equals + 1);
        Object parsed = value;
        if (value.matches("-?\\d{1,18}")) {
            parsed = Long.parseLong(value);
        } else if (value.equals("true") || value.equals("false")) {
            parsed = Boolean.parseBoolean(value);
        }
        overrides.put(assignment.substring(0, equals), parsed);
    }

    private static void exitWithUsage(String problem) {
        System.err.println("error: " + problem);
        System.err.println(USAGE);
        System.exit(2);
    }
}
