package io.loadrank.topology;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The project's own settings (SPEC section 5), read from the topology configuration (the
 * {@code loadrank.*} keys of topology.yaml; Storm's own keys pass through untouched) and checked
 * once, at start, so that a bad value fails the submission with the key, the value and what is
 * allowed, instead of failing later inside a worker.
 *
 * <p>Immutable and serializable: the topology's components receive it in their constructors.
 */
public final class LoadRankSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String TOPOLOGY_NAME = "loadrank.topology.name";
    public static final String BOOTSTRAP_SERVERS = "loadrank.kafka.bootstrap.servers";
    public static final String KAFKA_PROPERTIES = "loadrank.kafka.properties";
    public static final String CONSUMER_GROUP = "loadrank.kafka.consumer.group";
    public static final String FIRST_POLL = "loadrank.kafka.first.poll.offset.strategy";
    public static final String PROCESSING_GUARANTEE = "loadrank.kafka.processing.guarantee";
    public static final String TOPICS = "loadrank.topics";
    public static final String WINDOW_SECS = "loadrank.window.secs";
    public static final String EMIT_SECS = "loadrank.emit.secs";
    public static final String STALE_AFTER_SECS = "loadrank.stale.after.secs";
    public static final String FUTURE_TOLERANCE_SECS = "loadrank.future.tolerance.secs";
    public static final String READBACK_ENABLED = "loadrank.readback.enabled";
    public static final String READBACK_OVERLAP_SECS = "loadrank.readback.overlap.secs";
    public static final String OUTPUT_DIR = "loadrank.output.dir";
    public static final String RANKINGS_TOPIC = "loadrank.rankings.topic";
    public static final String DEADLETTER_TOPIC = "loadrank.deadletter.topic";
    public static final String SPOUT_PARALLELISM = "loadrank.parallelism.spout";
    public static final String PARSER_PARALLELISM = "loadrank.parallelism.parser";
    public static final String ROLLING_PARALLELISM = "loadrank.parallelism.rolling";
    public static final String BATCH_SIZE = "loadrank.batch.size";
    public static final String BATCH_FLUSH_MILLIS = "loadrank.batch.flush.millis";

    /** The metric topics of SPEC section 2, each with weight 1. */
    public static final List<String> DEFAULT_TOPICS =
            List.of("cpuLoad", "memLoad", "pendingTasks", "readLatency", "writeLatency");

    static final Set<String> FIRST_POLL_STRATEGIES =
            Set.of("EARLIEST", "LATEST", "UNCOMMITTED_EARLIEST", "UNCOMMITTED_LATEST");
    static final Set<String> PROCESSING_GUARANTEES = Set.of("AT_LEAST_ONCE", "AT_MOST_ONCE", "NO_GUARANTEE");

    // Kafka's legal topic names: what the broker accepts, and what is safe in a file name
    private static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9._-]{1,249}");
    private static final Pattern STORM_NAME = Pattern.compile("[A-Za-z0-9._-]{1,200}");

    private final String topologyName;
    private final String bootstrapServers;
    private final LinkedHashMap<String, String> kafkaProperties;
    private final String consumerGroup;
    private final String firstPollOffsetStrategy;
    private final String processingGuarantee;
    private final LinkedHashMap<String, Double> topicWeights;
    private final int windowSecs;
    private final int emitSecs;
    private final int staleAfterSecs;
    private final int futureToleranceSecs;
    private final boolean readBackEnabled;
    private final int readBackOverlapSecs;
    private final String outputDir;
    private final String rankingsTopic;
    private final String deadLetterTopic;
    private final int spoutParallelism;
    private final int parserParallelism;
    private final int rollingParallelism;
    private final int batchSize;
    private final int batchFlushMillis;

    private LoadRankSettings(Map<String, Object> conf) {
        topologyName = string(conf, TOPOLOGY_NAME, "loadrank", STORM_NAME, "1-200 of letters, digits, '.', '_', '-'");
        bootstrapServers = string(conf, BOOTSTRAP_SERVERS, "127.0.0.1:9092",
                Pattern.compile("[^,\\s]+:\\d{1,5}(,[^,\\s]+:\\d{1,5})*"), "host:port[,host:port...]");
        kafkaProperties = stringMap(conf, KAFKA_PROPERTIES);
        consumerGroup = string(conf, CONSUMER_GROUP, "loadrank", STORM_NAME, "1-200 of letters, digits, '.', '_', '-'");
        firstPollOffsetStrategy = oneOf(conf, FIRST_POLL, "LATEST", FIRST_POLL_STRATEGIES);
        // not tracked by default: samples are de-duplicated and the read-back restores the window after
        // a crash, so tracking every tuple through the ackers buys nothing (README "Delivery guarantee")
        processingGuarantee = oneOf(conf, PROCESSING_GUARANTEE, "NO_GUARANTEE", PROCESSING_GUARANTEES);
        topicWeights = topics(conf);
        windowSecs = integer(conf, WINDOW_SECS, 60, 1, 86_400);
        emitSecs = integer(conf, EMIT_SECS, 2, 1, 3_600);
        if (emitSecs > windowSecs) {
            throw new ConfigException(EMIT_SECS, emitSecs, "at most " + WINDOW_SECS + " (" + windowSecs + ")");
        }
        staleAfterSecs = integer(conf, STALE_AFTER_SECS, 10, 1, 86_400);
        futureToleranceSecs = integer(conf, FUTURE_TOLERANCE_SECS, 10, 0, 86_400);
        readBackEnabled = bool(conf, READBACK_ENABLED, true);
        readBackOverlapSecs = integer(conf, READBACK_OVERLAP_SECS, 10, 0, 3_600);
        outputDir = string(conf, OUTPUT_DIR, "STORM_OUTPUT", Pattern.compile(".+"), "a directory path");
        rankingsTopic = optionalTopic(conf, RANKINGS_TOPIC);
        deadLetterTopic = optionalTopic(conf, DEADLETTER_TOPIC);
        spoutParallelism = integer(conf, SPOUT_PARALLELISM, 1, 1, 256);
        parserParallelism = integer(conf, PARSER_PARALLELISM, 1, 1, 256);
        rollingParallelism = integer(conf, ROLLING_PARALLELISM, 1, 1, 256);
        // samples per tuple from parser to rolling bolt, and the longest a sample waits for its batch
        batchSize = integer(conf, BATCH_SIZE, 256, 1, 65_536);
        batchFlushMillis = integer(conf, BATCH_FLUSH_MILLIS, 100, 1, 1_000);
    }

    /**
     * Reads and checks the settings.
     *
     * @throws ConfigException naming the key, the value and what is allowed
     */
    public static LoadRankSettings from(Map<String, Object> conf) {
        return new LoadRankSettings(conf);
    }

    /** The same settings with the output directory made absolute against {@code base}. */
    public LoadRankSettings withOutputDirResolvedAgainst(Path base) {
        Map<String, Object> conf = new LinkedHashMap<>(asConfig());
        conf.put(OUTPUT_DIR, base.resolve(outputDir).toAbsolutePath().normalize().toString());
        return from(conf);
    }

    /** The settings as configuration entries, e.g. to put the checked values back into a Storm config. */
    public Map<String, Object> asConfig() {
        Map<String, Object> conf = new LinkedHashMap<>();
        conf.put(TOPOLOGY_NAME, topologyName);
        conf.put(BOOTSTRAP_SERVERS, bootstrapServers);
        conf.put(KAFKA_PROPERTIES, new LinkedHashMap<>(kafkaProperties));
        conf.put(CONSUMER_GROUP, consumerGroup);
        conf.put(FIRST_POLL, firstPollOffsetStrategy);
        conf.put(PROCESSING_GUARANTEE, processingGuarantee);
        conf.put(TOPICS, new LinkedHashMap<>(topicWeights));
        conf.put(WINDOW_SECS, windowSecs);
        conf.put(EMIT_SECS, emitSecs);
        conf.put(STALE_AFTER_SECS, staleAfterSecs);
        conf.put(FUTURE_TOLERANCE_SECS, futureToleranceSecs);
        conf.put(READBACK_ENABLED, readBackEnabled);
        conf.put(READBACK_OVERLAP_SECS, readBackOverlapSecs);
        conf.put(OUTPUT_DIR, outputDir);
        conf.put(RANKINGS_TOPIC, rankingsTopic == null ? "" : rankingsTopic);
        conf.put(DEADLETTER_TOPIC, deadLetterTopic == null ? "" : deadLetterTopic);
        conf.put(SPOUT_PARALLELISM, spoutParallelism);
        conf.put(PARSER_PARALLELISM, parserParallelism);
        conf.put(ROLLING_PARALLELISM, rollingParallelism);
        conf.put(BATCH_SIZE, batchSize);
        conf.put(BATCH_FLUSH_MILLIS, batchFlushMillis);
        return conf;
    }

    // ------------------------------------------------------------------------------------------
    // reading and checking values

    private static Object value(Map<String, Object> conf, String key) {
        Object value = conf.get(key);
        return value instanceof String text && text.isBlank() ? null : value;
    }

    private static String string(Map<String, Object> conf, String key, String fallback, Pattern allowed, String what) {
        Object value = value(conf, key);
        if (value == null) {
            return fallback;
        }
        String text = String.valueOf(value).trim();
        if (!(value instanceof String || value instanceof Number) || !allowed.matcher(text).matches()) {
            throw new ConfigException(key, value, what);
        }
        return text;
    }

    private static String oneOf(Map<String, Object> conf, String key, String fallback, Set<String> allowed) {
        Object value = value(conf, key);
        if (value == null) {
            return fallback;
        }
        String text = String.valueOf(value).trim().toUpperCase(Locale.ROOT);
        if (!allowed.contains(text)) {
            throw new ConfigException(key, value, "one of " + new java.util.TreeSet<>(allowed));
        }
        return text;
    }

    private static int integer(Map<String, Object> conf, String key, int fallback, int min, int max) {
        Object value = value(conf, key);
        if (value == null) {
            return fallback;
        }
        long number;
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            number = ((Number) value).longValue();
        } else if (value instanceof String text && text.trim().matches("-?\\d{1,18}")) {
            number = Long.parseLong(text.trim());
        } else {
            throw new ConfigException(key, value, "a whole number from " + min + " to " + max);
        }
        if (number < min || number > max) {
            throw new ConfigException(key, value, "a whole number from " + min + " to " + max);
        }
        return (int) number;
    }

    private static boolean bool(Map<String, Object> conf, String key, boolean fallback) {
        Object value = value(conf, key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        String text = String.valueOf(value).trim().toLowerCase(Locale.ROOT);
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new ConfigException(key, value, "true or false");
    }

    private static String optionalTopic(Map<String, Object> conf, String key) {
        Object value = value(conf, key);
        if (value == null) {
            return null;
        }
        String text = String.valueOf(value).trim();
        if (!TOPIC_NAME.matcher(text).matches()) {
            throw new ConfigException(key, value, "a Kafka topic name (1-249 of letters, digits, '.', '_', '-'), or empty for none");
        }
        return text;
    }

    private static LinkedHashMap<String, String> stringMap(Map<String, Object> conf, String key) {
        Object value = value(conf, key);
        LinkedHashMap<String, String> map = new LinkedHashMap<>();
        if (value == null) {
            return map;
        }
        if (!(value instanceof Map<?, ?> entries)) {
            // the value may hold credentials (sasl.jaas.config, ssl passwords): never in a message
            throw new ConfigException(key, ConfigException.HIDDEN,
                    "a map of Kafka client properties, e.g. {security.protocol: SASL_SSL}");
        }
        for (Map.Entry<?, ?> entry : entries.entrySet()) {
            if (entry.getKey() == null || entry.getValue() == null || entry.getValue() instanceof Map
                    || entry.getValue() instanceof Collection) {
                throw new ConfigException(key + "." + entry.getKey(), ConfigException.HIDDEN, "a single property value");
            }
            map.put(String.valueOf(entry.getKey()), String.valueOf(entry.getValue()));
        }
        return map;
    }

    /** {@code loadrank.topics}: a list of names (weight 1 each) or a map of name to weight. */
    private static LinkedHashMap<String, Double> topics(Map<String, Object> conf) {
        Object value = value(conf, TOPICS);
        LinkedHashMap<String, Double> weights = new LinkedHashMap<>();
        String allowed = "a list of Kafka topic names, or a map of topic name to weight (a number >= 0, at least one > 0)";
        if (value == null) {
            DEFAULT_TOPICS.forEach(topic -> weights.put(topic, 1.0));
            return weights;
        }
        if (value instanceof Collection<?> names) {
            for (Object name : names) {
                weights.put(topicName(name, value, allowed), 1.0);
            }
        } else if (value instanceof Map<?, ?> entries) {
            for (Map.Entry<?, ?> entry : entries.entrySet()) {
                String topic = topicName(entry.getKey(), value, allowed);
                Object weight = entry.getValue() == null ? 1.0 : entry.getValue();
                double number;
                try {
                    number = weight instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(weight));
                } catch (NumberFormatException e) {
                    throw new ConfigException(TOPICS + "." + topic, weight, "a weight: a finite number >= 0");
                }
                if (!(number >= 0) || Double.isInfinite(number)) {
                    throw new ConfigException(TOPICS + "." + topic, weight, "a weight: a finite number >= 0");
                }
                weights.put(topic, number);
            }
        } else {
            throw new ConfigException(TOPICS, value, allowed);
        }
        if (weights.isEmpty() || weights.values().stream().noneMatch(weight -> weight > 0)) {
            throw new ConfigException(TOPICS, value, allowed);
        }
        return weights;
    }

    private static String topicName(Object name, Object whole, String allowed) {
        if (name == null || !TOPIC_NAME.matcher(String.valueOf(name)).matches()) {
            throw new ConfigException(TOPICS, whole, allowed + "; '" + name + "' is not a topic name");
        }
        return String.valueOf(name);
    }

    // ------------------------------------------------------------------------------------------
    // accessors

    public String topologyName() {
        return topologyName;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Extra Kafka client properties (SASL, SSL, ...) for every consumer and producer. */
    public Map<String, String> kafkaProperties() {
        return java.util.Collections.unmodifiableMap(kafkaProperties);
    }

    public String consumerGroup() {
        return consumerGroup;
    }

    public String firstPollOffsetStrategy() {
        return firstPollOffsetStrategy;
    }

    public String processingGuarantee() {
        return processingGuarantee;
    }

    /** The metric topics in configuration order. */
    public List<String> topics() {
        return new ArrayList<>(topicWeights.keySet());
    }

    /** The weight of each topic, in the order of {@link #topics()}. */
    public double[] weights() {
        return topicWeights.values().stream().mapToDouble(Double::doubleValue).toArray();
    }

    public int windowSecs() {
        return windowSecs;
    }

    public long windowMillis() {
        return windowSecs * 1000L;
    }

    public int emitSecs() {
        return emitSecs;
    }

    public long emitMillis() {
        return emitSecs * 1000L;
    }

    public long staleAfterMillis() {
        return staleAfterSecs * 1000L;
    }

    public long futureToleranceMillis() {
        return futureToleranceSecs * 1000L;
    }

    /**
     * How long the first emit of a rolling bolt waits for the read-back of the last window (0 when
     * the read-back is off); after that it ranks with what it has.
     */
    public long readBackWaitMillis() {
        return readBackEnabled() ? Math.max(windowMillis(), 30_000) : 0;
    }

    /**
     * How long the ranking bolts wait, in their first round, for every rolling task or topic to
     * report: the read-back wait plus one emit. A first ranking made of only the topics that
     * finished their read-back first would put the hosts in the wrong order.
     */
    public long firstRoundWaitMillis() {
        return readBackWaitMillis() + emitSecs() * 1000L;
    }

    public boolean readBackEnabled() {
        return readBackEnabled;
    }

    public long readBackOverlapMillis() {
        return readBackOverlapSecs * 1000L;
    }

    public String outputDir() {
        return outputDir;
    }

    /** The topic for the global ranking records, or null when none is configured. */
    public String rankingsTopic() {
        return rankingsTopic;
    }

    /** The topic for malformed messages, or null when none is configured. */
    public String deadLetterTopic() {
        return deadLetterTopic;
    }

    public int spoutParallelism() {
        return spoutParallelism;
    }

    public int parserParallelism() {
        return parserParallelism;
    }

    public int rollingParallelism() {
        return rollingParallelism;
    }

    /** Samples per batch from parser to rolling bolt, at most. */
    public int batchSize() {
        return batchSize;
    }

    /** How often every parser sends the samples it holds: the longest a sample waits for its batch. */
    public int batchFlushMillis() {
        return batchFlushMillis;
    }

    @Override
    public String toString() {
        Map<String, Object> shown = asConfig();
        // client properties may hold credentials (sasl.jaas.config, ssl passwords)
        shown.put(KAFKA_PROPERTIES, kafkaProperties.keySet() + " (values not shown)");
        return shown.toString();
    }
}
