package io.loadrank.simulator;

import io.loadrank.metric.Metric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The host simulator's command line. Hand-written (the producer module has no CLI library):
 * {@code --name value} or {@code --name=value}; flags take no value. A bad value fails naming the
 * option, the value and what is allowed.
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
        String acks,
        String compression,
        int lingerMs,
        int batchSize,
        int progressSeconds,
        boolean help) {

    private static final Set<String> COMPRESSIONS = Set.of("none", "lz4", "snappy", "zstd", "gzip");
    private static final Set<String> ACKS = Set.of("0", "1", "all");

    /** option name to {default, description}, in the order --help prints them */
    private static final Map<String, String[]> OPTIONS = new LinkedHashMap<>();

    static {
        OPTIONS.put("--hosts", new String[] {"12", "number of simulated Cassandra hosts (1-10000000)"});
        OPTIONS.put("--rate", new String[] {"1", "rounds per second: every host sends each metric this often (Hz)"});
        OPTIONS.put("--duration", new String[] {"0", "stop after this many seconds; 0 = until Ctrl-C"});
        OPTIONS.put("--rounds", new String[] {"0", "stop after this many rounds; 0 = no limit"});
        OPTIONS.put("--start-time", new String[] {"now", "sample time of round 0, epoch milliseconds; round r carries"
            + " start + r/rate s and, unless --max-speed, is sent when the wall clock reaches that time (benchmarks"
            + " fill topics with recent history by starting in the past)"});
        OPTIONS.put("--seed", new String[] {"42", "seed of the hosts' profiles and values; same seed, same messages"});
        OPTIONS.put("--bootstrap-servers", new String[] {"127.0.0.1:9092", "Kafka bootstrap servers"});
        OPTIONS.put("--topics", new String[] {String.join(",", defaultTopics()),
            "the topics of cpu, memory, pending tasks, read and write latency, in this order"});
        OPTIONS.put("--hosts-topic", new String[] {"hosts", "compacted topic of the hosts' host info (datacenter ="
            + " region, rack, host id), sent at start and every 60 s; empty: none"});
        OPTIONS.put("--max-speed", new String[] {"off", "flag: send rounds back to back as fast as Kafka takes them"
            + " (benchmarks); sample times still advance one round each"});
        OPTIONS.put("--acks", new String[] {"1", "Kafka producer acks: 0, 1 or all"});
        OPTIONS.put("--compression", new String[] {"lz4", "Kafka compression: none, lz4, snappy, zstd or gzip"});
        OPTIONS.put("--linger-ms", new String[] {"20", "Kafka linger.ms: how long a batch waits to fill (0-10000)"});
        OPTIONS.put("--batch-size", new String[] {"262144", "Kafka batch.size in bytes (1024-67108864)"});
        OPTIONS.put("--progress", new String[] {"10", "seconds between progress lines on stderr; 0 = only the summary"});
        OPTIONS.put("--help", new String[] {"", "print this help"});
    }

    static List<String> defaultTopics() {
        List<String> topics = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            topics.add(metric.defaultTopic());
        }
        return topics;
    }

    /** The topic of {@code metric}. */
    public String topic(Metric metric) {
        return topics.get(metric.ordinal());
    }

    /**
     * Parses the command line.
     *
     * @throws IllegalArgumentException naming the option, the value and what is allowed
     */
    public static SimulatorOptions parse(String... args) {
        Map<String, String> values = new LinkedHashMap<>();
        OPTIONS.forEach((name, spec) -> values.put(name, spec[0]));
        boolean maxSpeed = false;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            if (arg.equals("-h")) {
                help = true;
                continue;
            }
            if (!OPTIONS.containsKey(name)) {
                throw new IllegalArgumentException("unknown option '" + arg + "' (--help lists the options)");
            }
            if (name.equals("--help")) {
                help = true;
                continue;
            }
            if (name.equals("--max-speed")) {
                maxSpeed = value == null || parseBoolean(name, value);
                continue;
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value: " + OPTIONS.get(name)[1]);
                }
                value = args[++i];
            }
            values.put(name, value);
        }
        List<String> topics = List.of(values.get("--topics").split(",", -1));
        if (topics.size() != Metric.values().length || topics.stream().anyMatch(t -> !t.matches("[A-Za-z0-9._-]{1,249}"))) {
            throw new IllegalArgumentException("--topics=" + values.get("--topics") + " is not allowed: five Kafka topic"
                    + " names (letters, digits, '.', '_', '-'), comma-separated, for "
                    + "cpu, memory, pending tasks, read latency and write latency");
        }
        String hostsTopic = values.get("--hosts-topic").trim();
        if (!hostsTopic.isEmpty() && !hostsTopic.matches("[A-Za-z0-9._-]{1,249}")) {
            throw new IllegalArgumentException("--hosts-topic=" + hostsTopic + " is not allowed: a Kafka topic name"
                    + " (letters, digits, '.', '_', '-'), or empty for none");
        }
        String compression = values.get("--compression");
        if (!COMPRESSIONS.contains(compression)) {
            throw new IllegalArgumentException("--compression=" + compression + " is not allowed: one of " + COMPRESSIONS);
        }
        String acks = values.get("--acks");
        if (!ACKS.contains(acks)) {
            throw new IllegalArgumentException("--acks=" + acks + " is not allowed: one of " + ACKS);
        }
        String bootstrap = values.get("--bootstrap-servers").trim();
        if (bootstrap.isEmpty()) {
            throw new IllegalArgumentException("--bootstrap-servers is empty: give host:port[,host:port...]");
        }
        return new SimulatorOptions(
                (int) parseLong("--hosts", values.get("--hosts"), 1, 10_000_000),
                parseRate(values.get("--rate")),
                parseLong("--duration", values.get("--duration"), 0, Long.MAX_VALUE / 1000),
                parseLong("--rounds", values.get("--rounds"), 0, Long.MAX_VALUE),
                parseStartTime(values.get("--start-time")),
                parseLong("--seed", values.get("--seed"), Long.MIN_VALUE, Long.MAX_VALUE),
                bootstrap,
                topics,
                hostsTopic.isEmpty() ? null : hostsTopic,
                maxSpeed,
                acks,
                compression,
                (int) parseLong("--linger-ms", values.get("--linger-ms"), 0, 10_000),
                (int) parseLong("--batch-size", values.get("--batch-size"), 1024, 64 * 1024 * 1024),
                (int) parseLong("--progress", values.get("--progress"), 0, 86_400),
                help);
    }

    /** Every option with its default and meaning, for --help. */
    public static String usage() {
        StringBuilder out = new StringBuilder();
        out.append("usage: java -cp loadrank-producer.jar io.loadrank.simulator.HostSimulator [OPTION]...\n");
        out.append("Simulated Cassandra hosts sending the five loadrank metrics to Kafka in the wire format.\n\n");
        OPTIONS.forEach((name, spec) -> {
            String left = name.equals("--help") || name.equals("--max-speed") ? name : name + " VALUE";
            out.append(String.format("  %-26s %s%s%n", left, spec[1],
                    spec[0].isEmpty() ? "" : " (default " + spec[0] + ")"));
        });
        return out.toString();
    }

    private static long parseLong(String name, String value, long min, long max) {
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below with what is allowed
        }
        throw new IllegalArgumentException(name + "=" + value + " is not allowed: a whole number from " + min + " to " + max);
    }

    /** Epoch milliseconds from 2001-09-09 (10^12) to 2286-11-20 (10^13): anything else is a unit mistake. */
    private static OptionalLong parseStartTime(String value) {
        if (value.equals("now")) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(parseLong("--start-time", value, 1_000_000_000_000L, 10_000_000_000_000L - 1));
    }

    private static double parseRate(String value) {
        try {
            double rate = Double.parseDouble(value.trim());
            if (rate > 0 && rate <= 1000) {
                return rate;
            }
        } catch (NumberFormatException e) {
            // reported below with what is allowed
        }
        throw new IllegalArgumentException("--rate=" + value + " is not allowed: a number of rounds per second, above 0 and at most 1000");
    }

    private static boolean parseBoolean(String name, String value) {
        return switch (value) {
            case "true", "on", "yes" -> true;
            case "false", "off", "no" -> false;
            default -> throw new IllegalArgumentException(name + "=" + value + " is not allowed: true or false");
        };
    }
}
