package io.loadrank.steering;

import io.loadrank.cli.Cli;
import io.loadrank.cli.LoadrankVersion;
import io.loadrank.cli.UsageException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The steering experiment's program: {@code java -jar loadrank-steering.jar --contact-points ...}.
 * scripts/bench-steering.sh starts the cluster, Kafka, the producers and the topology, puts each node
 * in its cgroup and runs this; it can also run against any cluster given on its command line.
 */
@Command(
        name = "steering-bench",
        mixinStandardHelpOptions = true,
        versionProvider = LoadrankVersion.class,
        sortOptions = false,
        description = "Measures an application's latency through each load-balancing policy, side by side.")
public final class SteeringBench implements Callable<Integer> {

    @Option(
            names = "--contact-points",
            required = true,
            split = ",",
            paramLabel = "HOST:PORT",
            description = "CQL address of every node, node 1 first")
    List<String> contactPoints;

    @Option(
            names = "--datacenter",
            defaultValue = "datacenter1",
            description = "local datacenter (default: ${DEFAULT-VALUE})")
    String datacenter;

    @Option(names = "--bootstrap-servers", description = "Kafka brokers of the rankings topic (loadrank policies)")
    String bootstrapServers;

    @Option(
            names = "--topic",
            defaultValue = "loadRankings",
            description = "rankings topic (default: ${DEFAULT-VALUE})")
    String topic;

    @Option(
            names = "--frozen-topic",
            defaultValue = "loadRankingsFrozen",
            description = "topic of the frozen copy, as many partitions as --topic (default: ${DEFAULT-VALUE})")
    String frozenTopic;

    @Option(
            names = "--scenarios",
            defaultValue = "S0,S1,S2,S3,S5",
            split = ",",
            description = "default: ${DEFAULT-VALUE}")
    List<String> scenarios;

    @Option(
            names = "--policies",
            defaultValue = "baseline,baseline-no-avoidance,loadrank,loadrank-frozen",
            split = ",",
            description = "default: ${DEFAULT-VALUE}")
    List<String> policies;

    @Option(names = "--hot-node", defaultValue = "3", description = "the node made hot (default: ${DEFAULT-VALUE})")
    int hotNode;

    @Option(
            names = "--rate",
            defaultValue = "150",
            description = "requests per second of each policy's session (default: ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--runs", defaultValue = "5", description = "runs of each scenario (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--warm-up-seconds", defaultValue = "30", description = "default: ${DEFAULT-VALUE}")
    int warmUp;

    @Option(
            names = "--settle-seconds",
            defaultValue = "15",
            description = "uncounted load before each measured phase (default: ${DEFAULT-VALUE})")
    int settle;

    @Option(
            names = "--measure-seconds",
            defaultValue = "60",
            description = "measured phase (default: ${DEFAULT-VALUE})")
    int measure;

    @Option(
            names = "--rotation-seconds",
            defaultValue = "60",
            description = "S5: the hot node moves this often (default: ${DEFAULT-VALUE})")
    int rotation;

    @Option(names = "--cgroups", split = ",", description = "cgroup v1 cpu directory of each node, node 1 first")
    List<Path> cgroups = new ArrayList<>();

    @Option(names = "--cpu-limit", defaultValue = "0.5", description = "CPUs of each node (default: ${DEFAULT-VALUE})")
    double cpuLimit;

    @Option(
            names = "--hot-cpu-limit",
            defaultValue = "0.15",
            description = "CPUs of the hot node in S1 and S5 (default: ${DEFAULT-VALUE})")
    double hotCpuLimit;

    @Option(names = "--jmx-ports", split = ",", description = "JMX port of each node (S3)")
    List<Integer> jmxPorts = new ArrayList<>();

    @Option(names = "--replication", defaultValue = "3", description = "replication factor (default: ${DEFAULT-VALUE})")
    int replication;

    @Option(
            names = "--keys",
            defaultValue = "10000",
            description = "rows of the table read (default: ${DEFAULT-VALUE})")
    int keys;

    @Option(
            names = "--flood-in-flight",
            defaultValue = "64",
            description = "S2: writes in flight of the other client (default: ${DEFAULT-VALUE})")
    int floodInFlight;

    @Option(
            names = "--out",
            required = true,
            description = "directory of steering.csv, timeseries.csv, report.md and plots")
    Path out;

    public static void main(String[] args) {
        // JMX calls (S3) must not hang on a node that stops answering; a major compaction takes a while
        System.setProperty("sun.rmi.transport.connectionTimeout", "5000");
        System.setProperty("sun.rmi.transport.tcp.responseTimeout", "300000");
        System.setProperty("java.awt.headless", "true");
        int code = Cli.execute(new SteeringBench(), args);
        System.exit(code);
    }

    @Override
    public Integer call() throws Exception {
        new Experiment(settings()).run();
        return Cli.EXIT_OK;
    }

    ExperimentSettings settings() {
        if (rate <= 0 || runs < 1 || measure < 1 || settle < 0 || warmUp < 0 || rotation < 1) {
            throw UsageException.invalidValue(
                    "--rate/--runs/--measure-seconds/--settle-seconds/--warm-up-seconds/--rotation-seconds",
                    Arrays.asList(rate, runs, measure, settle, warmUp, rotation),
                    "positive numbers (settle and warm-up may be 0)");
        }
        if (!(cpuLimit > 0 && cpuLimit <= 64) || !(hotCpuLimit > 0 && hotCpuLimit <= cpuLimit)) {
            throw UsageException.invalidValue(
                    "--cpu-limit/--hot-cpu-limit",
                    List.of(cpuLimit, hotCpuLimit),
                    "CPUs > 0, the hot limit at most the normal one");
        }
        try {
            return new ExperimentSettings(
                    contactPoints.stream().map(SteeringBench::address).toList(),
                    datacenter,
                    bootstrapServers,
                    topic,
                    frozenTopic,
                    scenarios.stream().map(Scenario::byName).distinct().toList(),
                    policies.stream().map(Policy::byLabel).distinct().toList(),
                    hotNode,
                    rate,
                    runs,
                    Duration.ofSeconds(warmUp),
                    Duration.ofSeconds(settle),
                    Duration.ofSeconds(measure),
                    Duration.ofSeconds(rotation),
                    cgroups,
                    cpuLimit,
                    hotCpuLimit,
                    jmxPorts,
                    replication,
                    keys,
                    floodInFlight,
                    out);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static InetSocketAddress address(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || !text.substring(colon + 1).matches("\\d{1,5}")) {
            throw UsageException.invalidValue("--contact-points", text, "host:port");
        }
        return new InetSocketAddress(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)));
    }
}
