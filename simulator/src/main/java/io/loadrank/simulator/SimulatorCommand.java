package io.loadrank.simulator;

import io.loadrank.cli.LoadrankVersion;
import io.loadrank.cli.OnOff;
import io.loadrank.cli.OptionValues;
import io.loadrank.cli.UsageException;
import io.loadrank.config.BootstrapServers;
import io.loadrank.config.ConfigException;
import io.loadrank.config.TopicNames;
import io.loadrank.kafka.KafkaClientProperties;
import io.loadrank.metric.Metric;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The host simulator's command line: picocli reads the options ({@code --name value} or
 * {@code --name=value}), {@link #options()} checks them into {@link SimulatorOptions}, naming the
 * option, the value and what is allowed.
 */
@Command(
        name = "HostSimulator",
        sortOptions = false,
        versionProvider = LoadrankVersion.class,
        description = "Simulated Cassandra hosts sending the five loadrank metrics to Kafka in the wire format.",
        exitCodeList = {
            "0:done (--duration or --rounds reached, or Ctrl-C)",
            "1:Kafka did not answer within 10 s, or another failure (the reason in one line)",
            "2:bad usage: the option, the value and what is allowed",
            "3:Kafka refuses the simulator (credentials, certificate, a missing WRITE ACL)"
        },
        usageHelpAutoWidth = true)
final class SimulatorCommand implements Callable<Integer> {

    private static final List<String> COMPRESSIONS = List.of("none", "lz4", "snappy", "zstd", "gzip");
    private static final Set<String> ACKS = Set.of("0", "1", "all");

    @Option(
            names = "--hosts",
            paramLabel = "N",
            defaultValue = "12",
            description = "number of simulated Cassandra hosts, 1-10000000 (default: ${DEFAULT-VALUE})")
    long hosts;

    @Option(
            names = "--rate",
            paramLabel = "HZ",
            defaultValue = "1",
            description = "rounds per second: every host sends each metric this often, above 0 and at most 1000 "
                    + "(default: ${DEFAULT-VALUE})")
    String rate;

    @Option(
            names = "--duration",
            paramLabel = "SECONDS",
            defaultValue = "0",
            description = "stop after this many seconds; 0 = until Ctrl-C (default: ${DEFAULT-VALUE})")
    long durationSeconds;

    @Option(
            names = "--rounds",
            paramLabel = "N",
            defaultValue = "0",
            description = "stop after this many rounds; 0 = no limit (default: ${DEFAULT-VALUE})")
    long rounds;

    @Option(
            names = "--start-time",
            paramLabel = "EPOCH_MS",
            defaultValue = "now",
            description = "sample time of round 0, epoch milliseconds; round r carries start + r/rate s and, unless "
                    + "--max-speed, is sent when the wall clock reaches that time (benchmarks fill topics with recent "
                    + "history by starting in the past) (default: ${DEFAULT-VALUE})")
    String startTime;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "42",
            description =
                    "seed of the hosts' profiles and values; same seed, same messages (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--bootstrap-servers",
            paramLabel = "HOST:PORT[,...]",
            defaultValue = "127.0.0.1:9092",
            description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE})")
    String bootstrapServers;

    @Option(
            names = "--kafka-properties",
            paramLabel = "FILE",
            defaultValue = "",
            description = "a Java properties file of Kafka client properties (security.protocol, sasl.*, ssl.*; secrets"
                    + " through config providers, e.g. $${file:/path:password}); they win over the simulator's own;"
                    + " empty: none (default: none)")
    String kafkaPropertiesFile;

    @Option(
            names = "--topics",
            paramLabel = "T1,T2,T3,T4,T5",
            description = "the topics of cpu, memory, pending tasks, read and write latency, in this order "
                    + "(default: ${DEFAULT-VALUE})")
    String topics = String.join(",", SimulatorOptions.defaultTopics());

    @Option(
            names = "--hosts-topic",
            paramLabel = "TOPIC",
            defaultValue = TopicNames.HOSTS,
            description = "compacted topic of the hosts' host info (datacenter = region, rack, host id), sent at "
                    + "start and every 60 s; empty: none (default: ${DEFAULT-VALUE})")
    String hostsTopic;

    @Option(
            names = "--max-speed",
            arity = "0..1",
            paramLabel = "on|off",
            fallbackValue = "true",
            defaultValue = "false",
            converter = OnOff.class,
            description = "send rounds back to back as fast as Kafka takes them (benchmarks); sample times still "
                    + "advance one round each (default: ${DEFAULT-VALUE})")
    boolean maxSpeed;

    @Option(
            names = "--spread",
            arity = "0..1",
            paramLabel = "on|off",
            fallbackValue = "true",
            defaultValue = "false",
            converter = OnOff.class,
            description = "send each round in 100 slices spread evenly over its period, each slice with its own "
                    + "sample time, as hosts that each keep their own second would (benchmarks of freshness); "
                    + "off: every host at the round's start (default: ${DEFAULT-VALUE})")
    boolean spread;

    @Option(
            names = "--acks",
            paramLabel = "0|1|all",
            defaultValue = "1",
            description = "Kafka producer acks (default: ${DEFAULT-VALUE})")
    String acks;

    @Option(
            names = "--compression",
            paramLabel = "CODEC",
            defaultValue = "lz4",
            description = "Kafka compression: none, lz4, snappy, zstd or gzip (default: ${DEFAULT-VALUE})")
    String compression;

    @Option(
            names = "--linger-ms",
            paramLabel = "MS",
            defaultValue = "20",
            description = "Kafka linger.ms: how long a batch waits to fill, 0-10000 (default: ${DEFAULT-VALUE})")
    long lingerMs;

    @Option(
            names = "--batch-size",
            paramLabel = "BYTES",
            defaultValue = "262144",
            description = "Kafka batch.size, 1024-67108864 (default: ${DEFAULT-VALUE})")
    long batchSize;

    @Option(
            names = "--progress",
            paramLabel = "SECONDS",
            defaultValue = "10",
            description = "seconds between progress lines on stderr; 0 = only the summary (default: ${DEFAULT-VALUE})")
    long progressSeconds;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "print this help and exit")
    boolean help;

    @Option(
            names = {"-V", "--version"},
            versionHelp = true,
            description = "print the version and exit")
    boolean version;

    @Override
    public Integer call() {
        return HostSimulator.run(options());
    }

    /**
     * The checked options.
     *
     * @throws UsageException naming the option, the value and what is allowed
     */
    SimulatorOptions options() {
        List<String> topicList = List.of(topics.split(",", -1));
        if (topicList.size() != Metric.values().length || topicList.stream().anyMatch(t -> !TopicNames.isValid(t))) {
            throw UsageException.invalidValue(
                    "--topics",
                    topics,
                    "five Kafka topic names (" + TopicNames.ALLOWED
                            + "), comma-separated, for cpu, memory, pending tasks, read latency and write latency");
        }
        OptionValues.oneOf("--compression", compression, COMPRESSIONS);
        if (!ACKS.contains(acks)) {
            throw UsageException.invalidValue("--acks", acks, "one of 0, 1, all");
        }
        String hostInfoTopic = hostsTopic.trim();
        if (!hostInfoTopic.isEmpty() && !TopicNames.isValid(hostInfoTopic)) {
            throw UsageException.invalidValue(
                    "--hosts-topic", hostsTopic, "a Kafka topic name (" + TopicNames.ALLOWED + "), or empty for none");
        }
        if (spread && maxSpeed) {
            throw UsageException.invalidValue(
                    "--spread", "on", "off with --max-speed (a round sent at once cannot be spread over its period)");
        }
        String bootstrap = bootstrapServers.trim();
        if (!BootstrapServers.isValid(bootstrap)) {
            throw UsageException.invalidValue("--bootstrap-servers", bootstrapServers, BootstrapServers.ALLOWED);
        }
        return new SimulatorOptions(
                (int) OptionValues.inRange("--hosts", hosts, 1, 10_000_000),
                rate(),
                OptionValues.inRange("--duration", durationSeconds, 0, Long.MAX_VALUE / 1000),
                OptionValues.inRange("--rounds", rounds, 0, Long.MAX_VALUE),
                startTime(),
                seed,
                bootstrap,
                topicList,
                hostInfoTopic.isEmpty() ? null : hostInfoTopic,
                maxSpeed,
                spread,
                acks,
                compression,
                (int) OptionValues.inRange("--linger-ms", lingerMs, 0, 10_000),
                (int) OptionValues.inRange("--batch-size", batchSize, 1024, 64 * 1024 * 1024),
                (int) OptionValues.inRange("--progress", progressSeconds, 0, 86_400),
                kafkaProperties(),
                help);
    }

    private Map<String, String> kafkaProperties() {
        if (kafkaPropertiesFile.isBlank()) {
            return Map.of();
        }
        try {
            return KafkaClientProperties.load("--kafka-properties", Path.of(kafkaPropertiesFile.trim()));
        } catch (ConfigException | InvalidPathException e) {
            throw UsageException.invalidValue(
                    "--kafka-properties",
                    kafkaPropertiesFile,
                    "a readable Java properties file of Kafka client properties");
        }
    }

    /** Epoch milliseconds from 2001-09-09 (10^12) to 2286-11-20 (10^13): anything else is a unit mistake. */
    private OptionalLong startTime() {
        if (startTime.equals("now")) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(
                OptionValues.wholeNumber("--start-time", startTime, 1_000_000_000_000L, 10_000_000_000_000L - 1));
    }

    private double rate() {
        try {
            double parsed = Double.parseDouble(rate.trim());
            if (parsed > 0 && parsed <= 1000) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below with what is allowed
        }
        throw UsageException.invalidValue("--rate", rate, "a number of rounds per second, above 0 and at most 1000");
    }
}
