package io.loadrank.topology;

import io.loadrank.batch.SampleBatch;
import io.loadrank.cli.Cli;
import io.loadrank.cli.LoadrankVersion;
import io.loadrank.cli.OptionValues;
import io.loadrank.cli.UsageException;
import io.loadrank.config.ConfigException;
import io.loadrank.kafka.KafkaFailure;
import io.loadrank.message.MalformedReason;
import io.loadrank.ranking.IngestStats;
import io.loadrank.ranking.TopicRanking;
import io.loadrank.window.HostAverage;
import io.loadrank.window.WindowCounters;
import io.loadrank.window.WindowSnapshot;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.storm.Config;
import org.apache.storm.StormSubmitter;
import org.apache.storm.generated.ComponentCommon;
import org.apache.storm.generated.StormTopology;
import org.apache.storm.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

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
@Command(
        name = "LoadRankTopology",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        versionProvider = LoadrankVersion.class,
        usageHelpAutoWidth = true,
        description = "Checks the topology configuration, builds the loadrank topology and runs it.",
        exitCodeList = {
            "0:done (--dry-run: the configuration is valid and every metric topic exists)",
            "1:failed (the reason in one line)",
            "2:bad usage or a bad configuration: the key, where it came from, the value and what is allowed",
            "3:Kafka refuses the topology (credentials, certificate, a missing ACL); --dry-run: a metric topic"
                    + " does not exist"
        })
public final class LoadRankTopology implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(LoadRankTopology.class);
    /** --ttl's limit: 31 years, and no overflow in milliseconds */
    private static final long MAX_TTL_SECONDS = 999_999_999;

    /** How to run: exactly one. */
    static final class Mode {
        @Option(
                names = "--local",
                required = true,
                description = "run in an in-process Storm LocalCluster (needs storm-server on the classpath)")
        boolean local;

        @Option(
                names = "--remote",
                required = true,
                description = "submit to the Storm cluster that `storm jar` points at")
        boolean remote;

        @Option(
                names = "--dry-run",
                required = true,
                description = "check the configuration, print the topology, run nothing")
        boolean dryRun;
    }

    @ArgGroup(exclusive = true, multiplicity = "1", heading = "How to run (one of):%n")
    Mode mode;

    @Option(
            names = "--ttl",
            paramLabel = "SECONDS",
            defaultValue = "0",
            description = "with --local: stop after SECONDS; 0 runs until Ctrl-C (default: ${DEFAULT-VALUE})")
    long ttlSeconds;

    @Option(
            names = "--verbose",
            description = "with --remote: show the upload's progress bar (and, through storm-cluster.sh submit,"
                    + " every client's log lines)")
    boolean verbose;

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description = "override one configuration key; repeatable. A whole number or true/false is set as such, "
                    + "anything else as text")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "CONFIG",
            defaultValue = "topology.yaml",
            description = "the topology configuration (default: ${DEFAULT-VALUE})")
    String configFile;

    @Spec
    CommandSpec spec;

    /** Exit code when Kafka refuses the topology's principal: credentials, certificate or a missing ACL. */
    static final int EXIT_KAFKA_REFUSED = 3;
    /** Exit code of {@code --dry-run} when a metric topic does not exist. */
    static final int EXIT_TOPICS_MISSING = 3;
    /** How long {@code --dry-run} waits for Kafka to say which topics exist. */
    static final Duration DRY_RUN_KAFKA_TIMEOUT = Duration.ofSeconds(3);

    /** For {@link #main} and the tests of the command line. */
    LoadRankTopology() {}

    public static void main(String[] args) {
        int code = Cli.execute(new LoadRankTopology(), args);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Override
    public Integer call() throws Exception {
        OptionValues.inRange("--ttl", ttlSeconds, 0, MAX_TTL_SECONDS);
        Config conf;
        LoadRankSettings settings;
        try {
            Map<String, Object> yaml = readConfigFile(Path.of(configFile));
            LoadRankSettings.checkKnownKeys(yaml.keySet(), "in " + configFile);
            LoadRankSettings.checkKnownKeys(overrides.keySet(), "from --set");
            yaml.putAll(typed(overrides));
            conf = stormConfig(yaml, Path.of("").toAbsolutePath());
            settings = LoadRankSettings.from(conf);
        } catch (ConfigException e) {
            throw new UsageException(e.getMessage() + source(e.key()), e);
        }
        StormTopology topology = LoadRankTopologyFactory.build(settings);
        LOG.info("loadrank settings: {}", settings);
        if (!mode.dryRun) {
            Optional<KafkaFailure> refused = TopologyKafkaAccess.check(settings);
            if (refused.isPresent() && refused.get().fatal()) {
                spec.commandLine().getErr().println("error: " + refused.get().message());
                spec.commandLine().getErr().flush();
                return EXIT_KAFKA_REFUSED;
            }
            // not answering is no reason not to start: the spouts wait for Kafka
            refused.ifPresent(failure -> LOG.warn("{}; starting all the same", failure.message()));
            if (refused.isEmpty()) {
                checkTopics(settings, false);
            }
        }
        if (mode.dryRun) {
            spec.commandLine().getOut().println(describe(settings, topology));
            spec.commandLine().getOut().flush();
            return checkTopics(settings, true);
        }
        if (mode.remote) {
            if (verbose) {
                StormSubmitter.submitTopologyWithProgressBar(settings.topologyName(), conf, topology);
            } else {
                StormSubmitter.submitTopology(settings.topologyName(), conf, topology);
                spec.commandLine().getOut().println("submitted topology " + settings.topologyName());
                spec.commandLine().getOut().flush();
            }
        } else {
            LocalRun.run(settings.topologyName(), conf, topology, ttlSeconds);
            // the local cluster leaves non-daemon threads behind (ZooKeeper, Kafka clients)
            System.exit(Cli.EXIT_OK);
        }
        return Cli.EXIT_OK;
    }

    /**
     * Says which metric topics do not exist on Kafka, one line each: errors and {@link #EXIT_TOPICS_MISSING} when the
     * user asked for the check ({@code --dry-run}), warnings otherwise (the spouts wait for a topic, and the
     * worker log repeats the warning until it exists).
     */
    private int checkTopics(LoadRankSettings settings, boolean asked) {
        PrintWriter err = spec.commandLine().getErr();
        Duration timeout = asked ? DRY_RUN_KAFKA_TIMEOUT : TopologyKafkaAccess.TIMEOUT;
        Optional<List<String>> missing = TopologyKafkaAccess.missingMetricTopics(settings, timeout);
        int code = Cli.EXIT_OK;
        if (missing.isEmpty()) {
            err.println("warning: Kafka at " + settings.bootstrapServers() + " did not answer within "
                    + timeout.toSeconds() + " s: the metric topics were not checked");
        } else {
            for (String topic : missing.get()) {
                String line = TopologyKafkaAccess.missingTopicLine(settings.bootstrapServers(), topic);
                err.println(asked ? "error: " + line : "warning: " + line + "; starting all the same");
                code = EXIT_TOPICS_MISSING;
            }
        }
        err.flush();
        return code;
    }

    /**
     * Where the refused key's value came from, for the end of the message: the --set that gave it, or the
     * file; nothing for a refusal that says it itself (an unknown key).
     */
    private String source(String refusedKey) {
        if (refusedKey == null) {
            return "";
        }
        for (Map.Entry<String, String> set : overrides.entrySet()) {
            String key = set.getKey();
            if (refusedKey.equals(key) || refusedKey.startsWith(key + ".") || refusedKey.startsWith(key + "[")) {
                return " (from --set " + key + ")";
            }
        }
        return " (in " + configFile + ")";
    }

    /** The --set values as YAML would type them: whole numbers and true/false, the rest text. */
    static Map<String, Object> typed(Map<String, String> overrides) {
        Map<String, Object> typed = new LinkedHashMap<>();
        overrides.forEach((key, value) -> {
            Object parsed = value;
            if (value.matches("-?\\d{1,18}")) {
                parsed = Long.parseLong(value);
            } else if (value.equals("true") || value.equals("false")) {
                parsed = Boolean.parseBoolean(value);
            }
            typed.put(key, parsed);
        });
        return typed;
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
        for (Class<?> type : List.of(
                HostAverage.class,
                WindowSnapshot.class,
                WindowCounters.class,
                IngestStats.class,
                TopicRanking.class,
                MalformedReason.class,
                SampleBatch.class,
                String[].class,
                double[].class,
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

    /**
     * The content of a topology configuration file, as {@code storm jar} and the local run read it.
     *
     * @throws ConfigException naming the file when it is missing or not a YAML map
     */
    public static Map<String, Object> readConfigFile(Path file) {
        Path absolute = file.toAbsolutePath();
        if (!Files.isRegularFile(absolute)) {
            throw new ConfigException("CONFIG", file.toString(), "a readable topology configuration file (YAML)");
        }
        try {
            return new HashMap<>(Utils.findAndReadConfigFile(absolute.toString(), true));
        } catch (RuntimeException e) {
            throw new ConfigException(
                    "CONFIG", file.toString(), "a valid YAML map of configuration keys (" + e.getMessage() + ")");
        }
    }

    static String describe(LoadRankSettings settings, StormTopology topology) {
        StringBuilder out =
                new StringBuilder("configuration is valid: ").append(settings).append('\n');
        out.append("topology ").append(settings.topologyName()).append(":\n");
        List<String> names = new ArrayList<>();
        topology.get_spouts().forEach((id, spout) -> names.add(line("spout", id, spout.get_common())));
        topology.get_bolts().forEach((id, bolt) -> names.add(line("bolt ", id, bolt.get_common())));
        names.sort(null);
        names.forEach(line -> out.append("  ").append(line).append('\n'));
        return out.toString();
    }

    private static String line(String kind, String id, ComponentCommon common) {
        return kind + " " + id + " x" + common.get_parallelism_hint() + " <- "
                + common.get_inputs().keySet().stream()
                        .map(input -> input.get_componentId() + ":" + input.get_streamId())
                        .sorted()
                        .toList();
    }
}
