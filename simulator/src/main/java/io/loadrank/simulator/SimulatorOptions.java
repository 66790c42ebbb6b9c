package io.loadrank.simulator;

import io.loadrank.cli.Cli;
import io.loadrank.config.Secrets;
import io.loadrank.metric.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The host simulator's checked options, as {@link SimulatorCommand} reads them from the command line.
 */
public record SimulatorOptions(
        int hosts,
        double rateHz,
        long durationSeconds,
        long rounds,
        OptionalLong startTimeMillis,
        long seed,
        String bootstrapServers,
        List<String> topics,
        String hostsTopic,
        boolean maxSpeed,
        boolean spread,
        String acks,
        String compression,
        int lingerMs,
        int batchSize,
        int progressSeconds,
        Map<String, String> kafkaProperties,
        boolean help) {

    public SimulatorOptions {
        kafkaProperties = Map.copyOf(kafkaProperties);
    }

    static List<String> defaultTopics() {
        List<String> topics = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            topics.add(metric.defaultTopic());
        }
        return topics;
    }

    /** The Kafka client properties of --kafka-properties, as they may be printed (secrets hidden). */
    public String kafkaPropertiesShown() {
        return Secrets.describe(kafkaProperties);
    }

    /** The topic of {@code metric}. */
    public String topic(Metric metric) {
        return topics.get(metric.ordinal());
    }

    /**
     * Parses and checks the command line.
     *
     * @throws io.loadrank.cli.UsageException naming the option, the value and what is allowed
     */
    public static SimulatorOptions parse(String... args) {
        return Cli.parse(new SimulatorCommand(), args).options();
    }

    /** Every option with its default and meaning, as --help prints it. */
    public static String usage() {
        return Cli.usage(new SimulatorCommand());
    }
}
