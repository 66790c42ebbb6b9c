package io.loadrank.topology;

import io.loadrank.alert.AlertRules;
import io.loadrank.config.BootstrapServers;
import io.loadrank.config.ConfigException;
import io.loadrank.config.KnownKeys;
import io.loadrank.config.Setting;
import io.loadrank.config.TopicNames;
import io.loadrank.metric.Metric;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The project's own settings (docs/CONFIGURATION.md), read from the topology configuration (the
 * {@code loadrank.*} keys of topology.yaml; Storm's own keys pass through untouched) and checked
 * once, at start, so that a bad value fails the submission with the key, the value and what is
 * allowed, instead of failing later inside a worker.
 *
 * <p>Immutable and serializable: the topology's components receive it in their constructors.
 */
public final class LoadRankSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final Pattern STORM_NAME = Pattern.compile("[A-Za-z0-9._-]{1,200}");
    private static final String STORM_NAME_ALLOWED = "1-200 of letters, digits, '.', '_', '-'";
    private static final String TOPICS_ALLOWED =
            "a list of Kafka topic names, or a map of topic name to weight (a number >= 0, at least one > 0)";

    /** The metric topics, each with weight 1. */
    public static final List<String> DEFAULT_TOPICS = Metric.defaultTopics();

    static final Set<String> FIRST_POLL_STRATEGIES =
            Set.of("EARLIEST", "LATEST", "UNCOMMITTED_EARLIEST", "UNCOMMITTED_LATEST");
    static final Set<String> PROCESSING_GUARANTEES = Set.of("AT_LEAST_ONCE", "AT_MOST_ONCE", "NO_GUARANTEE");

    // Every key of topology.yaml, defined once; docs/CONFIGURATION.md's table is rendered from this list
    // (TopologySettingsReadmeTest).

    public static final Setting<String> TOPOLOGY_NAME = Setting.text(
            "loadrank.topology.name", "loadrank", STORM_NAME, STORM_NAME_ALLOWED, "the topology's name on the cluster");
    public static final Setting<String> BOOTSTRAP_SERVERS = BootstrapServers.setting(
            "loadrank.kafka.bootstrap.servers", "127.0.0.1:9092", "Kafka brokers, `host:port[,host:port...]`");
    public static final Setting<Map<String, String>> KAFKA_PROPERTIES = Setting.stringMap(
            "loadrank.kafka.properties",
            "a map of Kafka client properties, e.g. {security.protocol: SASL_SSL}",
            "extra Kafka client properties for every consumer and producer (SASL, SSL); values are never logged");
    public static final Setting<String> CONSUMER_GROUP = Setting.text(
            "loadrank.kafka.consumer.group",
            "loadrank",
            STORM_NAME,
            STORM_NAME_ALLOWED,
            "consumer group of the KafkaSpouts");
    public static final Setting<String> FIRST_POLL = Setting.oneOf(
            "loadrank.kafka.first.poll.offset.strategy",
            "LATEST",
            FIRST_POLL_STRATEGIES,
            "where a KafkaSpout starts when this topology has committed nothing: `LATEST`, "
                    + "`EARLIEST`, `UNCOMMITTED_LATEST`, `UNCOMMITTED_EARLIEST`");
    // not tracked by default: samples are de-duplicated and the read-back restores the window after
    // a crash, so tracking every tuple through the ackers buys nothing (docs/WINDOWS.md, "Delivery guarantee")
    public static final Setting<String> PROCESSING_GUARANTEE = Setting.oneOf(
            "loadrank.kafka.processing.guarantee",
            "NO_GUARANTEE",
            PROCESSING_GUARANTEES,
            "`NO_GUARANTEE` (offsets committed periodically, tuples not "
                    + "tracked), `AT_MOST_ONCE`, `AT_LEAST_ONCE` (commit after ack); see [Delivery guarantee](WINDOWS.md#delivery-guarantee)");
    public static final Setting<LinkedHashMap<String, Double>> TOPICS = Setting.of(
            "loadrank.topics",
            defaultWeights(),
            "the five metric topics, weight 1",
            TOPICS_ALLOWED,
            "a list of topics, or a map topic → weight (≥ 0, one > 0)",
            LoadRankSettings::topicWeights);
    public static final Setting<Integer> WINDOW_SECS =
            Setting.integer("loadrank.window.secs", 60, 1, 86_400, "sliding window length");
    public static final Setting<Integer> EMIT_SECS =
            Setting.integer("loadrank.emit.secs", 2, 1, 3_600, "how often rankings are made and written");
    public static final Setting<Integer> STALE_AFTER_SECS =
            Setting.integer("loadrank.stale.after.secs", 10, 1, 86_400, "silence after which a host is STALE");
    public static final Setting<Integer> FUTURE_TOLERANCE_SECS = Setting.integer(
            "loadrank.future.tolerance.secs", 10, 0, 86_400, "samples further in the future are ignored as early");
    public static final Setting<Boolean> READBACK_ENABLED =
            Setting.bool("loadrank.readback.enabled", true, "read back the last window from Kafka at start");
    public static final Setting<Integer> READBACK_OVERLAP_SECS = Setting.integer(
            "loadrank.readback.overlap.secs",
            10,
            0,
            3_600,
            "how long the read-back keeps reading after start, overlapping the KafkaSpout");
    public static final Setting<String> OUTPUT_DIR = Setting.text(
            "loadrank.output.dir",
            "STORM_OUTPUT",
            Pattern.compile(".+"),
            "a directory path",
            "where the ranking files go (relative: to the directory you start from)");
    public static final Setting<String> RANKINGS_TOPIC = Setting.optionalTopic(
            "loadrank.rankings.topic",
            null,
            "compacted Kafka topic for one JSON record per slice (cluster, datacenter) per emit");
    public static final Setting<String> DEADLETTER_TOPIC = Setting.optionalTopic(
            "loadrank.deadletter.topic", null, "Kafka topic for malformed messages, as JSON with the reason");
    public static final Setting<String> HOSTS_TOPIC = Setting.optionalTopic(
            "loadrank.hosts.topic",
            TopicNames.HOSTS,
            "compacted host-info topic (datacenter, rack, host id per host), read from its beginning at start: every "
                    + "datacenter is also ranked on its own; empty turns it off ([DATACENTERS.md](DATACENTERS.md))");
    public static final Setting<Integer> SPOUT_PARALLELISM =
            Setting.integer("loadrank.parallelism.spout", 1, 1, 256, "KafkaSpout tasks per topic");
    public static final Setting<Integer> PARSER_PARALLELISM =
            Setting.integer("loadrank.parallelism.parser", 1, 1, 256, "parser tasks per topic");
    public static final Setting<Integer> ROLLING_PARALLELISM = Setting.integer(
            "loadrank.parallelism.rolling",
            1,
            1,
            256,
            "rolling (window) tasks per topic; each host belongs to one task (by host name hash)");
    public static final Setting<Integer> BATCH_SIZE = Setting.integer(
            "loadrank.batch.size",
            256,
            1,
            65_536,
            "samples per tuple from parser to rolling bolt, at most (Storm's cost is per tuple)");
    public static final Setting<Integer> BATCH_FLUSH_MILLIS = Setting.integer(
            "loadrank.batch.flush.millis",
            100,
            1,
            1_000,
            "how often every parser sends the samples it holds: the longest a sample waits for its batch (1–1000)");

    public static final Setting<AlertRules> ALERTS = Setting.of(
            "loadrank.alerts",
            AlertRules.none(),
            "none",
            AlertRules.ALLOWED,
            "alert rules: a list of `{name, when, above, topic, for.secs, clear.secs}`, `when` one of "
                    + "`score`, `dcScore`, `average`, `topicAverage`, `stale`, `dcTopChanged`; active alerts in `Alerts.json` "
                    + "([ALERTS.md](ALERTS.md))",
            raw -> AlertRules.parse("loadrank.alerts", raw));
    public static final Setting<String> ALERTS_TOPIC = Setting.optionalTopic(
            "loadrank.alerts.topic",
            null,
            "Kafka topic for every alert event (firing and resolved), one JSON record each");

    /** Every setting, in the order of the table in docs/CONFIGURATION.md. */
    public static final List<Setting<?>> ALL = List.of(
            TOPOLOGY_NAME,
            BOOTSTRAP_SERVERS,
            KAFKA_PROPERTIES,
            CONSUMER_GROUP,
            FIRST_POLL,
            PROCESSING_GUARANTEE,
            TOPICS,
            WINDOW_SECS,
            EMIT_SECS,
            STALE_AFTER_SECS,
            FUTURE_TOLERANCE_SECS,
            READBACK_ENABLED,
            READBACK_OVERLAP_SECS,
            OUTPUT_DIR,
            RANKINGS_TOPIC,
            DEADLETTER_TOPIC,
            HOSTS_TOPIC,
            SPOUT_PARALLELISM,
            PARSER_PARALLELISM,
            ROLLING_PARALLELISM,
            BATCH_SIZE,
            BATCH_FLUSH_MILLIS,
            ALERTS,
            ALERTS_TOPIC);

    /** The checked value of each setting. */
    private final LinkedHashMap<String, Object> values = new LinkedHashMap<>();

    private LoadRankSettings(Map<String, Object> conf) {
        for (Setting<?> setting : ALL) {
            values.put(setting.key(), setting.read(conf));
        }
        if (emitSecs() > windowSecs()) {
            throw EMIT_SECS.refuse(emitSecs(), "at most " + WINDOW_SECS.key() + " (" + windowSecs() + ")");
        }
        String hostsTopic = hostsTopic();
        if (hostsTopic != null
                && (hostsTopic.equals(rankingsTopic())
                        || hostsTopic.equals(deadLetterTopic())
                        || topics().contains(hostsTopic))) {
            throw HOSTS_TOPIC.refuse(
                    hostsTopic,
                    "a topic of its own (not a metric, rankings or dead-letter topic), " + "or empty for none");
        }
        alerts().checkTopics(ALERTS.key(), topics());
    }

    @SuppressWarnings("unchecked")
    private <T> T get(Setting<T> setting) {
        return (T) values.get(setting.key());
    }

    /**
     * Reads and checks the settings.
     *
     * @throws ConfigException naming the key, the value and what is allowed
     */
    public static LoadRankSettings from(Map<String, Object> conf) {
        return new LoadRankSettings(conf);
    }

    /**
     * Refuses every {@code loadrank.*} key among {@code keys} that no setting defines; Storm's own keys pass.
     *
     * @param where where the keys came from, e.g. "in topology.yaml" or "from --set"
     * @throws ConfigException naming the first unknown key, where it came from and the known key nearest to it
     */
    public static void checkKnownKeys(Collection<String> keys, String where) {
        List<String> known = ALL.stream().map(Setting::key).toList();
        for (String key : keys) {
            if (key.startsWith("loadrank.")) {
                KnownKeys.check(key, known, where);
            }
        }
    }

    /** The same settings with the output directory made absolute against {@code base}. */
    public LoadRankSettings withOutputDirResolvedAgainst(Path base) {
        Map<String, Object> conf = new LinkedHashMap<>(asConfig());
        conf.put(
                OUTPUT_DIR.key(),
                base.resolve(outputDir()).toAbsolutePath().normalize().toString());
        return from(conf);
    }

    /** The settings as configuration entries, e.g. to put the checked values back into a Storm config. */
    public Map<String, Object> asConfig() {
        Map<String, Object> conf = new LinkedHashMap<>();
        for (Setting<?> setting : ALL) {
            conf.put(setting.key(), configValue(setting));
        }
        return conf;
    }

    private <T> Object configValue(Setting<T> setting) {
        if (setting == ALERTS) {
            // Storm's configuration holds only plain values: the rules go back as their list of maps
            return new ArrayList<>(alerts().asConfig());
        }
        return setting.configValue(get(setting));
    }

    // ------------------------------------------------------------------------------------------
    // reading and checking values

    private static LinkedHashMap<String, Double> defaultWeights() {
        LinkedHashMap<String, Double> weights = new LinkedHashMap<>();
        DEFAULT_TOPICS.forEach(topic -> weights.put(topic, 1.0));
        return weights;
    }

    /** {@code loadrank.topics}: a list of names (weight 1 each) or a map of name to weight; null when neither. */
    private static LinkedHashMap<String, Double> topicWeights(Object value) {
        LinkedHashMap<String, Double> weights = new LinkedHashMap<>();
        if (value instanceof Collection<?> names) {
            for (Object name : names) {
                weights.put(topicName(name, value), 1.0);
            }
        } else if (value instanceof Map<?, ?> entries) {
            for (Map.Entry<?, ?> entry : entries.entrySet()) {
                String topic = topicName(entry.getKey(), value);
                Object weight = entry.getValue() == null ? 1.0 : entry.getValue();
                double number;
                try {
                    number = weight instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(weight));
                } catch (NumberFormatException e) {
                    throw new ConfigException(TOPICS.key() + "." + topic, weight, "a weight: a finite number >= 0");
                }
                if (!(number >= 0) || Double.isInfinite(number)) {
                    throw new ConfigException(TOPICS.key() + "." + topic, weight, "a weight: a finite number >= 0");
                }
                weights.put(topic, number);
            }
        } else {
            return null;
        }
        if (weights.isEmpty() || weights.values().stream().noneMatch(weight -> weight > 0)) {
            return null;
        }
        return weights;
    }

    private static String topicName(Object name, Object whole) {
        if (name == null || !TopicNames.isValid(String.valueOf(name))) {
            throw new ConfigException(TOPICS.key(), whole, TOPICS_ALLOWED + "; '" + name + "' is not a topic name");
        }
        return String.valueOf(name);
    }

    // ------------------------------------------------------------------------------------------
    // accessors

    public String topologyName() {
        return get(TOPOLOGY_NAME);
    }

    public String bootstrapServers() {
        return get(BOOTSTRAP_SERVERS);
    }

    /** Extra Kafka client properties (SASL, SSL, ...) for every consumer and producer. */
    public Map<String, String> kafkaProperties() {
        return java.util.Collections.unmodifiableMap(get(KAFKA_PROPERTIES));
    }

    public String consumerGroup() {
        return get(CONSUMER_GROUP);
    }

    public String firstPollOffsetStrategy() {
        return get(FIRST_POLL);
    }

    public String processingGuarantee() {
        return get(PROCESSING_GUARANTEE);
    }

    /** The metric topics in configuration order. */
    public List<String> topics() {
        return new ArrayList<>(get(TOPICS).keySet());
    }

    /** The weight of each topic, in the order of {@link #topics()}. */
    public double[] weights() {
        return get(TOPICS).values().stream().mapToDouble(Double::doubleValue).toArray();
    }

    public int windowSecs() {
        return get(WINDOW_SECS);
    }

    public long windowMillis() {
        return windowSecs() * 1000L;
    }

    public int emitSecs() {
        return get(EMIT_SECS);
    }

    public long emitMillis() {
        return emitSecs() * 1000L;
    }

    public long staleAfterMillis() {
        return get(STALE_AFTER_SECS) * 1000L;
    }

    public long futureToleranceMillis() {
        return get(FUTURE_TOLERANCE_SECS) * 1000L;
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
        return get(READBACK_ENABLED);
    }

    public long readBackOverlapMillis() {
        return get(READBACK_OVERLAP_SECS) * 1000L;
    }

    public String outputDir() {
        return get(OUTPUT_DIR);
    }

    /** The topic for the global ranking records, or null when none is configured. */
    public String rankingsTopic() {
        return get(RANKINGS_TOPIC);
    }

    /** The topic for malformed messages, or null when none is configured. */
    public String deadLetterTopic() {
        return get(DEADLETTER_TOPIC);
    }

    /**
     * The host-info topic (datacenter, rack and host id of every host; docs/DATACENTERS.md), or null
     * when it is turned off: then every host is ranked fleet-wide only.
     */
    public String hostsTopic() {
        return get(HOSTS_TOPIC);
    }

    public int spoutParallelism() {
        return get(SPOUT_PARALLELISM);
    }

    public int parserParallelism() {
        return get(PARSER_PARALLELISM);
    }

    public int rollingParallelism() {
        return get(ROLLING_PARALLELISM);
    }

    /** Samples per batch from parser to rolling bolt, at most. */
    public int batchSize() {
        return get(BATCH_SIZE);
    }

    /** How often every parser sends the samples it holds: the longest a sample waits for its batch. */
    public int batchFlushMillis() {
        return get(BATCH_FLUSH_MILLIS);
    }

    /** The alert rules; none unless configured. */
    public AlertRules alerts() {
        return get(ALERTS);
    }

    /** The topic for alert events, or null when none is configured. */
    public String alertsTopic() {
        return get(ALERTS_TOPIC);
    }

    @Override
    public String toString() {
        Map<String, Object> shown = asConfig();
        // client properties may hold credentials (sasl.jaas.config, ssl passwords)
        shown.put(KAFKA_PROPERTIES.key(), get(KAFKA_PROPERTIES).keySet() + " (values not shown)");
        return shown.toString();
    }
}
