package io.loadrank.producer;

import io.loadrank.config.Secrets;
import io.loadrank.message.WireFormat;
import io.loadrank.metric.Metric;
import io.loadrank.producer.jmx.JmxSettings;
import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * The producer's validated configuration (keys: {@link ConfigKey}). Everything is checked at
 * start, so that a typo fails with exit code 2 and a message naming the key instead of a
 * producer that runs and sends nothing.
 */
public final class ProducerConfig {

    /** Where memLoad comes from (docs/PRODUCER.md). */
    public enum MemorySource {
        AUTO,
        MEMINFO,
        MBEAN
    }

    private final String host;
    private final Duration interval;
    private final JmxSettings jmx;
    private final Path jmxTrustStore;
    private final String jmxTrustStorePassword;
    private final Duration jmxReconnectMax;
    private final MemorySource memorySource;
    private final String bootstrapServers;
    private final String acks;
    private final Properties kafkaClientProperties;
    private final int bufferSamples;
    private final Map<Metric, String> topics;
    private final String hostsTopic;

    private ProducerConfig(Values v) throws ConfigException {
        host = v.host();
        interval = Duration.ofMillis(v.integer(ConfigKey.INTERVAL_MS, 100, 3_600_000));
        String username = v.optional(ConfigKey.JMX_USERNAME);
        String password = username == null
                ? null
                : v.secret(ConfigKey.JMX_PASSWORD_FILE, ConfigKey.JMX_PASSWORD_ENV, "jmx.username is set");
        boolean ssl = v.bool(ConfigKey.JMX_SSL);
        jmx = new JmxSettings(
                v.required(ConfigKey.JMX_HOST),
                v.integer(ConfigKey.JMX_PORT, 1, 65_535),
                username,
                password,
                ssl,
                Duration.ofMillis(v.integer(ConfigKey.JMX_TIMEOUT_MS, 100, 600_000)));
        String trustStore = v.optional(ConfigKey.JMX_SSL_TRUSTSTORE);
        jmxTrustStore = trustStore == null ? null : v.readableFile(ConfigKey.JMX_SSL_TRUSTSTORE);
        jmxTrustStorePassword = trustStore == null ? null : v.env(ConfigKey.JMX_SSL_TRUSTSTORE_PASSWORD_ENV);
        jmxReconnectMax = Duration.ofMillis(v.integer(ConfigKey.JMX_RECONNECT_MAX_MS, 1000, 3_600_000));
        memorySource = v.oneOf(ConfigKey.MEMORY_SOURCE, MemorySource.class);
        bootstrapServers = v.required(ConfigKey.KAFKA_BOOTSTRAP_SERVERS);
        acks = v.oneOf(ConfigKey.KAFKA_ACKS, List.of("all", "-1", "1", "0"));
        kafkaClientProperties = v.optional(ConfigKey.KAFKA_CLIENT_PROPERTIES) == null
                ? new Properties()
                : v.properties(ConfigKey.KAFKA_CLIENT_PROPERTIES);
        bufferSamples = v.integer(ConfigKey.KAFKA_BUFFER_SAMPLES, 1, 10_000_000);
        topics = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            topics.put(metric, v.topic(ConfigKey.TOPIC_PREFIX + metric.defaultTopic()));
        }
        hostsTopic = v.optional(ConfigKey.HOSTS_TOPIC) == null ? null : v.topic(ConfigKey.HOSTS_TOPIC);
    }

    /**
     * Parses the command line ({@code --config FILE}, {@code --key=value}, {@code --key value}) and
     * checks it as {@link #from} does.
     *
     * @param env              the environment (passwords come from variables named in the config)
     * @param canonicalHostName computes the default host name; called only when {@code host} is not set
     * @throws ConfigException also for bad usage (an unknown option, a missing value)
     */
    public static ProducerConfig parse(List<String> args, Map<String, String> env, Supplier<String> canonicalHostName)
            throws ConfigException {
        ProducerCommand command = new ProducerCommand(env, canonicalHostName, config -> 0);
        try {
            command.commandLine().parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new ConfigException(e.getMessage());
        }
        return command.config();
    }

    /**
     * The configuration of {@code overrides} (from the command line) over the properties file over
     * the defaults, checked.
     *
     * @param configFile       the properties file, or null for none
     * @param overrides        key to value, every key one of {@link ConfigKey#ALL}
     * @param env              the environment (passwords come from variables named in the config)
     * @param canonicalHostName computes the default host name; called only when {@code host} is not set
     */
    static ProducerConfig from(
            String configFile,
            Map<String, String> overrides,
            Map<String, String> env,
            Supplier<String> canonicalHostName)
            throws ConfigException {
        Map<String, String> values = new HashMap<>();
        ConfigKey.ALL.values().forEach(k -> values.put(k.key(), k.defaultValue()));
        if (configFile != null) {
            Properties file = loadProperties("config", configFile);
            for (String key : file.stringPropertyNames()) {
                checkKnown(key, "in " + configFile);
                values.put(key, file.getProperty(key).trim());
            }
        }
        values.putAll(overrides);
        if (ConfigKey.CANONICAL_HOST_NAME.equals(values.get(ConfigKey.HOST))) {
            values.put(ConfigKey.HOST, canonicalHostName.get());
        }
        return new ProducerConfig(new Values(values, env));
    }

    /** The machine's canonical host name, or its plain host name if the lookup fails. */
    public static String canonicalHostName() {
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (UnknownHostException e) {
            String name = System.getenv("HOSTNAME");
            return name == null ? "" : name;
        }
    }

    private static void checkKnown(String key, String where) throws ConfigException {
        if (!ConfigKey.ALL.containsKey(key)) {
            throw new ConfigException("unknown key '" + key + "' " + where + "; known keys: "
                    + String.join(", ", ConfigKey.ALL.keySet()) + " (see --help)");
        }
    }

    private static Properties loadProperties(String key, String file) throws ConfigException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | RuntimeException e) {
            throw new ConfigException(key, file, "must be a readable properties file (" + e + ")");
        }
        return properties;
    }

    public String host() {
        return host;
    }

    public Duration interval() {
        return interval;
    }

    public JmxSettings jmx() {
        return jmx;
    }

    /** The JMX trust store, or null for the JVM's default. */
    public Path jmxTrustStore() {
        return jmxTrustStore;
    }

    /** The trust store password, or null. */
    public String jmxTrustStorePassword() {
        return jmxTrustStorePassword;
    }

    public Duration jmxReconnectMax() {
        return jmxReconnectMax;
    }

    public MemorySource memorySource() {
        return memorySource;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String acks() {
        return acks;
    }

    /** The extra Kafka client properties (a copy). */
    public Properties kafkaClientProperties() {
        Properties copy = new Properties();
        copy.putAll(kafkaClientProperties);
        return copy;
    }

    public int bufferSamples() {
        return bufferSamples;
    }

    public String topic(Metric metric) {
        return topics.get(metric);
    }

    /** The host-info topic, or null when host info is not sent. */
    public String hostsTopic() {
        return hostsTopic;
    }

    /** For the start-up log line: no secrets. */
    @Override
    public String toString() {
        return "host=" + host + ", interval=" + interval.toMillis() + " ms, jmx=" + jmx + ", memory=" + memorySource
                + ", kafka=" + bootstrapServers + " acks=" + acks + ", topics=" + topics.values()
                + ", host info=" + (hostsTopic == null ? "off" : hostsTopic)
                + (kafkaClientProperties.isEmpty()
                        ? ""
                        : ", kafka client properties=" + Secrets.describe(kafkaClientProperties));
    }

    /** The raw values, with the checks that turn them into typed ones. */
    private record Values(Map<String, String> raw, Map<String, String> env) {

        String required(String key) throws ConfigException {
            String value = raw.get(key);
            if (value == null || value.isBlank()) {
                throw new ConfigException(key, value == null ? "" : value, "must not be empty");
            }
            return value.trim();
        }

        String optional(String key) {
            String value = raw.get(key);
            return value == null || value.isBlank() ? null : value.trim();
        }

        String host() throws ConfigException {
            String value = raw.get(ConfigKey.HOST);
            if (!WireFormat.isValidHost(value)) {
                throw new ConfigException(
                        ConfigKey.HOST,
                        value == null ? "" : value,
                        "must be 1-" + WireFormat.MAX_HOST_CHARS
                                + " letters, digits, '.', '-', '_', ':' (set it with --host)");
            }
            return value;
        }

        int integer(String key, int min, int max) throws ConfigException {
            String value = required(key);
            try {
                int parsed = Integer.parseInt(value);
                if (parsed >= min && parsed <= max) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // falls through to the message below, which says what is allowed
            }
            throw new ConfigException(key, value, "must be a whole number from " + min + " to " + max);
        }

        boolean bool(String key) throws ConfigException {
            String value = required(key).toLowerCase(Locale.ROOT);
            if (!value.equals("true") && !value.equals("false")) {
                throw new ConfigException(key, raw.get(key), "must be true or false");
            }
            return value.equals("true");
        }

        <E extends Enum<E>> E oneOf(String key, Class<E> type) throws ConfigException {
            String value = required(key);
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(value)) {
                    return constant;
                }
            }
            throw new ConfigException(
                    key,
                    value,
                    "must be one of "
                            + List.of(type.getEnumConstants()).toString().toLowerCase(Locale.ROOT));
        }

        String oneOf(String key, List<String> allowed) throws ConfigException {
            String value = required(key).toLowerCase(Locale.ROOT);
            if (!allowed.contains(value)) {
                throw new ConfigException(key, raw.get(key), "must be one of " + allowed);
            }
            return value;
        }

        String topic(String key) throws ConfigException {
            String value = required(key);
            if (!value.matches("[a-zA-Z0-9._-]{1,249}")) {
                throw new ConfigException(
                        key, value, "must be a Kafka topic name: 1-249 letters, digits, '.', '_', '-'");
            }
            return value;
        }

        Path readableFile(String key) throws ConfigException {
            String value = required(key);
            Path path = Path.of(value);
            if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                throw new ConfigException(key, value, "must be a readable file");
            }
            return path;
        }

        Properties properties(String key) throws ConfigException {
            readableFile(key);
            return loadProperties(key, required(key));
        }

        /** The value of the environment variable named by {@code key}, or null if unset. */
        String env(String key) throws ConfigException {
            String variable = optional(key);
            return variable == null ? null : env.get(variable);
        }

        /** A secret from a file (first line) or else from an environment variable; required. */
        String secret(String fileKey, String envKey, String why) throws ConfigException {
            if (optional(fileKey) != null) {
                Path file = readableFile(fileKey);
                try {
                    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                    if (!lines.isEmpty() && !lines.get(0).isEmpty()) {
                        return lines.get(0);
                    }
                } catch (IOException e) {
                    throw new ConfigException(fileKey, file.toString(), "must be a readable file (" + e + ")");
                }
                throw new ConfigException(fileKey, file.toString(), "must hold the password on its first line");
            }
            String secret = env(envKey);
            if (secret == null || secret.isEmpty()) {
                throw new ConfigException(
                        fileKey,
                        "",
                        why + ", so a password is needed: set " + fileKey + " or the environment variable "
                                + optional(envKey) + " (named by " + envKey + ")");
            }
            return secret;
        }
    }
}
