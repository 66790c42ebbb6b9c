package io.loadrank.producer;

import io.loadrank.config.BootstrapServers;
import io.loadrank.config.Setting;
import io.loadrank.config.TopicNames;
import io.loadrank.message.WireFormat;
import io.loadrank.metric.Metric;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every configuration key of the producer, defined once (docs/CONFIGURATION.md): name, default,
 * check and a one-line description. A key is set in the properties file ({@code key=value}) or on
 * the command line ({@code --key=value} or {@code --key value}); the command line wins.
 * {@link ProducerCommand} makes an option of each, {@link ProducerConfig} reads them, and docs/CONFIGURATION.md's
 * producer table is rendered from {@link #ALL} (checked by ProducerSettingsReadmeTest).
 */
public final class ProducerSettings {

    /** Shown as the default of {@link #HOST}; the real default is computed at start. */
    static final String CANONICAL_HOST_NAME = "<this machine's canonical host name>";

    public static final Setting<String> HOST = Setting.of(
            "host",
            CANONICAL_HOST_NAME,
            "the machine's canonical host name",
            "1-" + WireFormat.MAX_HOST_CHARS + " letters, digits, '.', '-', '_', ':' (set it with --host)",
            "host name sent with every sample (1–253 of letters, digits, `.-_:`)",
            raw -> WireFormat.isValidHost(String.valueOf(raw)) ? String.valueOf(raw) : null);
    public static final Setting<Integer> INTERVAL_MS =
            Setting.integer("interval.ms", 1000, 100, 3_600_000, "how often to read and send (100–3600000)");
    public static final Setting<String> JMX_HOST = anyText("jmx.host", "127.0.0.1", "Cassandra's JMX host");
    public static final Setting<Integer> JMX_PORT =
            Setting.integer("jmx.port", 7199, 1, 65_535, "Cassandra's JMX port");
    public static final Setting<String> JMX_USERNAME = Setting.of(
            "jmx.username",
            null,
            "empty (no auth)",
            "any text",
            "JMX user",
            raw -> String.valueOf(raw).trim());
    public static final Setting<Path> JMX_PASSWORD_FILE = readableFile(
            "jmx.password.file", "empty", "file whose first line is the JMX password (read at start; never logged)");
    public static final Setting<String> JMX_PASSWORD_ENV = anyText(
            "jmx.password.env",
            "LOADRANK_JMX_PASSWORD",
            "environment variable with the password, used when `jmx.password.file` is empty");
    public static final Setting<Boolean> JMX_SSL =
            Setting.bool("jmx.ssl", false, "JMX over TLS, registry included (like `nodetool --ssl`)");
    public static final Setting<Path> JMX_SSL_TRUSTSTORE =
            readableFile("jmx.ssl.truststore", "empty (the JVM's)", "trust store with Cassandra's JMX certificate");
    public static final Setting<String> JMX_SSL_TRUSTSTORE_PASSWORD_ENV = anyText(
            "jmx.ssl.truststore.password.env",
            "LOADRANK_JMX_TRUSTSTORE_PASSWORD",
            "environment variable with the trust store password");
    public static final Setting<Integer> JMX_TIMEOUT_MS = Setting.integer(
            "jmx.timeout.ms",
            3000,
            100,
            600_000,
            "connect, handshake and response timeout of every JMX call (100–600000)");
    public static final Setting<Integer> JMX_RECONNECT_MAX_MS = Setting.integer(
            "jmx.reconnect.max.ms",
            30_000,
            1000,
            3_600_000,
            "longest wait between reconnection attempts (backoff 1 s, 2 s, 4 s, …)");
    public static final Setting<MemorySource> MEMORY_SOURCE = Setting.of(
            "memory.source",
            MemorySource.AUTO,
            "`auto`",
            "one of " + List.of(MemorySource.values()).toString().toLowerCase(Locale.ROOT),
            "`meminfo`, `mbean`, or `auto` (meminfo when `jmx.host` is this machine and `/proc/meminfo` has"
                    + " MemAvailable)",
            raw -> {
                for (MemorySource source : MemorySource.values()) {
                    if (source.name().equalsIgnoreCase(String.valueOf(raw).trim())) {
                        return source;
                    }
                }
                return null;
            });
    public static final Setting<String> KAFKA_BOOTSTRAP_SERVERS = BootstrapServers.setting(
            "kafka.bootstrap.servers", "127.0.0.1:9092", "Kafka brokers, `host:port[,host:port...]`");
    public static final Setting<String> KAFKA_ACKS =
            oneOf("kafka.acks", "all", List.of("all", "-1", "1", "0"), "`all`, `-1`, `1` or `0`");
    public static final Setting<Path> KAFKA_CLIENT_PROPERTIES = readableFile(
            "kafka.client.properties",
            "empty",
            "file of extra Kafka producer properties (SASL/SSL); they win over the producer's own");
    public static final Setting<Integer> KAFKA_BUFFER_SAMPLES = Setting.integer(
            "kafka.buffer.samples",
            3000,
            1,
            10_000_000,
            "samples kept while Kafka is unreachable; when full the oldest are dropped and counted");
    public static final Setting<Integer> PROGRESS_MINUTES = Setting.integer(
            "progress.minutes",
            10,
            0,
            1_440,
            "how often a line counts the samples sent, per topic, lost and waiting; 0: never");
    /** The topic of each metric, {@code topic.<metric's default topic>}. */
    public static final Map<Metric, Setting<String>> TOPICS = metricTopics();

    public static final Setting<String> HOSTS_TOPIC = Setting.topic(
            "topic.hosts",
            TopicNames.HOSTS,
            "compacted topic of the node's host-info record (datacenter and rack from `EndpointSnitchInfo`, host id,"
                    + " cluster name and address from `StorageService`), sent at start, after every JMX reconnect, on"
                    + " every change and every 60 s; empty: not sent ([DATACENTERS.md](DATACENTERS.md))");

    /** Every key, in the order of the help and of docs/CONFIGURATION.md. */
    public static final List<Setting<?>> ALL = all();

    private ProducerSettings() {}

    /**
     * The default as the command line's help shows it and as a properties file would spell it
     * ("" for none).
     */
    static String commandLineDefault(Setting<?> setting) {
        Object value = setting.defaultValue();
        if (value == null) {
            return "";
        }
        return value instanceof Enum<?> constant ? constant.name().toLowerCase(Locale.ROOT) : String.valueOf(value);
    }

    private static List<Setting<?>> all() {
        List<Setting<?>> all = new ArrayList<>(List.of(
                HOST,
                INTERVAL_MS,
                JMX_HOST,
                JMX_PORT,
                JMX_USERNAME,
                JMX_PASSWORD_FILE,
                JMX_PASSWORD_ENV,
                JMX_SSL,
                JMX_SSL_TRUSTSTORE,
                JMX_SSL_TRUSTSTORE_PASSWORD_ENV,
                JMX_TIMEOUT_MS,
                JMX_RECONNECT_MAX_MS,
                MEMORY_SOURCE,
                KAFKA_BOOTSTRAP_SERVERS,
                KAFKA_ACKS,
                KAFKA_CLIENT_PROPERTIES,
                KAFKA_BUFFER_SAMPLES,
                PROGRESS_MINUTES));
        all.addAll(TOPICS.values());
        all.add(HOSTS_TOPIC);
        return List.copyOf(all);
    }

    private static Map<Metric, Setting<String>> metricTopics() {
        Map<Metric, Setting<String>> topics = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            String topic = metric.defaultTopic();
            topics.put(metric, Setting.topic("topic." + topic, topic, "Kafka topic of " + topic));
        }
        return Collections.unmodifiableMap(topics);
    }

    /** Any text that is not blank (blank is refused before the check: the value is required). */
    private static Setting<String> anyText(String key, String defaultValue, String description) {
        return Setting.of(
                key,
                defaultValue,
                "`" + defaultValue + "`",
                "not empty",
                description,
                raw -> String.valueOf(raw).trim());
    }

    /** One of {@code choices} in their order (the common {@link Setting#oneOf} sorts and upper-cases them). */
    private static Setting<String> oneOf(String key, String defaultValue, List<String> choices, String description) {
        return Setting.of(key, defaultValue, "`" + defaultValue + "`", "one of " + choices, description, raw -> {
            String text = String.valueOf(raw).trim().toLowerCase(Locale.ROOT);
            return choices.contains(text) ? text : null;
        });
    }

    private static Setting<Path> readableFile(String key, String defaultText, String description) {
        return Setting.of(key, null, defaultText, "a readable file", description, raw -> {
            Path path;
            try {
                path = Path.of(String.valueOf(raw).trim());
            } catch (InvalidPathException e) {
                return null; // refused as not a readable file, naming the key and the value
            }
            return Files.isRegularFile(path) && Files.isReadable(path) ? path : null;
        });
    }
}
