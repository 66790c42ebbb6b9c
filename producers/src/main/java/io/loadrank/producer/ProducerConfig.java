package io.loadrank.producer;

import io.loadrank.config.ConfigException;
import io.loadrank.config.Secrets;
import io.loadrank.config.Setting;
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
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * The producer's validated configuration (keys: {@link ProducerSettings}). Everything is checked at
 * start, so that a typo fails with exit code 2 and a message naming the key instead of a
 * producer that runs and sends nothing.
 */
public final class ProducerConfig {

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
    private final Duration progressInterval;
    private final Map<Metric, String> topics;
    private final String hostsTopic;

    private ProducerConfig(Values v) {
        host = v.host();
        interval = Duration.ofMillis(v.required(ProducerSettings.INTERVAL_MS));
        String username = v.optional(ProducerSettings.JMX_USERNAME);
        String password = username == null
                ? null
                : v.secret(
                        ProducerSettings.JMX_PASSWORD_FILE, ProducerSettings.JMX_PASSWORD_ENV, "jmx.username is set");
        boolean ssl = v.required(ProducerSettings.JMX_SSL);
        jmx = new JmxSettings(
                v.required(ProducerSettings.JMX_HOST),
                v.required(ProducerSettings.JMX_PORT),
                username,
                password,
                ssl,
                Duration.ofMillis(v.required(ProducerSettings.JMX_TIMEOUT_MS)));
        jmxTrustStore = v.optional(ProducerSettings.JMX_SSL_TRUSTSTORE);
        jmxTrustStorePassword = jmxTrustStore == null ? null : v.env(ProducerSettings.JMX_SSL_TRUSTSTORE_PASSWORD_ENV);
        jmxReconnectMax = Duration.ofMillis(v.required(ProducerSettings.JMX_RECONNECT_MAX_MS));
        memorySource = v.required(ProducerSettings.MEMORY_SOURCE);
        bootstrapServers = v.required(ProducerSettings.KAFKA_BOOTSTRAP_SERVERS);
        acks = v.required(ProducerSettings.KAFKA_ACKS);
        Path clientProperties = v.optional(ProducerSettings.KAFKA_CLIENT_PROPERTIES);
        kafkaClientProperties = clientProperties == null
                ? new Properties()
                : loadProperties(ProducerSettings.KAFKA_CLIENT_PROPERTIES.key(), clientProperties.toString());
        bufferSamples = v.required(ProducerSettings.KAFKA_BUFFER_SAMPLES);
        progressInterval = Duration.ofMinutes(v.required(ProducerSettings.PROGRESS_MINUTES));
        topics = new EnumMap<>(Metric.class);
        ProducerSettings.TOPICS.forEach((metric, setting) -> topics.put(metric, v.required(setting)));
        hostsTopic = v.optional(ProducerSettings.HOSTS_TOPIC);
    }

    /**
     * Parses the command line ({@code --config FILE}, {@code --key=value}, {@code --key value}) and
     * checks it as {@link #from} does.
     *
     * @param env              the environment (passwords come from variables named in the config)
     * @param canonicalHostName computes the default host name; called only when {@code host} is not set
     * @throws ConfigException also for bad usage (an unknown option, a missing value)
     */
    public static ProducerConfig parse(List<String> args, Map<String, String> env, Supplier<String> canonicalHostName) {
        ProducerCommand command = new ProducerCommand(env, canonicalHostName, config -> 0);
        try {
            command.commandLine().parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw ConfigException.usage(e.getMessage());
        }
        return command.config();
    }

    /**
     * The configuration of {@code overrides} (from the command line) over the properties file over
     * the defaults, checked.
     *
     * @param configFile       the properties file, or null for none
     * @param overrides        key to value, every key one of {@link ProducerSettings#ALL}
     * @param env              the environment (passwords come from variables named in the config)
     * @param canonicalHostName computes the default host name; called only when {@code host} is not set
     * @throws ConfigException naming the key, the value and what is allowed
     */
    static ProducerConfig from(
            String configFile,
            Map<String, String> overrides,
            Map<String, String> env,
            Supplier<String> canonicalHostName) {
        Map<String, String> values = new HashMap<>();
        if (configFile != null) {
            Properties file = loadProperties("config", configFile);
            for (String key : file.stringPropertyNames()) {
                checkKnown(key, "in " + configFile);
                values.put(key, file.getProperty(key).trim());
            }
        }
        values.putAll(overrides);
        if (values.containsKey(ProducerSettings.HOST.key())) {
            return new ProducerConfig(new Values(values, env));
        }
        // the other values first: a name to fix is the last thing to ask for
        String canonical = canonicalHostName.get();
        values.put(ProducerSettings.HOST.key(), isLoopbackName(canonical) ? "unnamed" : canonical);
        ProducerConfig config = new ProducerConfig(new Values(values, env));
        identifyingHostName(canonical);
        return config;
    }

    /**
     * {@code name}, the machine's canonical host name, if it can tell this machine from the others: never
     * {@code localhost}, a loopback or any-local address, or nothing, which every machine of a fleet whose name
     * resolves that way would share, making them one host in the ranking.
     *
     * @throws ConfigException naming the name and the two ways to fix it
     */
    static String identifyingHostName(String name) {
        if (!isLoopbackName(name)) {
            return name;
        }
        throw new ConfigException(
                ProducerSettings.HOST.key(),
                name,
                "a name of this machine, and the machine's canonical host name is "
                        + (name == null || name.isBlank() ? "empty" : "a loopback name, the same on every machine")
                        + ": set it with --host NAME (or host=NAME in the properties file), or give the machine a"
                        + " name that resolves to one of its own addresses (hostname, /etc/hosts, DNS)");
    }

    /** True for a name or address that every machine has: empty, localhost (and its variants), loopback, any-local. */
    static boolean isLoopbackName(String name) {
        if (name == null || name.isBlank()) {
            return true;
        }
        String lower = name.strip().toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("localhost")
                || lower.startsWith("localhost.")
                || lower.startsWith("localhost6")
                || lower.endsWith(".localhost")
                || lower.startsWith("ip6-localhost")
                || lower.startsWith("ip6-loopback")) {
            return true;
        }
        if (lower.matches("[0-9.]+") || lower.indexOf(':') >= 0) {
            try {
                // an address literal: no lookup is made
                InetAddress address = InetAddress.getByName(lower);
                return address.isLoopbackAddress() || address.isAnyLocalAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
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

    private static void checkKnown(String key, String where) {
        List<String> known = ProducerSettings.ALL.stream().map(Setting::key).toList();
        if (!known.contains(key)) {
            throw ConfigException.usage("unknown key '" + key + "' " + where + "; known keys: "
                    + String.join(", ", known) + " (see --help)");
        }
    }

    private static Properties loadProperties(String key, String file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | RuntimeException e) {
            throw new ConfigException(key, file, "a readable properties file (" + e + ")");
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

    /** How often a line counts what was sent; zero: never. */
    public Duration progressInterval() {
        return progressInterval;
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

    /**
     * The raw values, read through their settings. The producer's rule for blank values (older than
     * the shared settings): blank turns an optional key off and is refused for a required one.
     */
    private record Values(Map<String, String> raw, Map<String, String> env) {

        /** The value of a key that must have one: its default when not set, never blank. */
        <T> T required(Setting<T> setting) {
            String value = raw.get(setting.key());
            if (value == null) {
                return setting.defaultValue();
            }
            if (value.isBlank()) {
                throw new ConfigException(setting.key(), value, "not empty");
            }
            return setting.accept(value, ConfigException::new);
        }

        /** The value of a key that may be off: its default when not set, null when blank. */
        <T> T optional(Setting<T> setting) {
            String value = raw.get(setting.key());
            if (value == null) {
                return setting.defaultValue();
            }
            return value.isBlank() ? null : setting.accept(value, ConfigException::new);
        }

        /** The host name: set, or the machine's canonical name, which must be valid as well. */
        String host() {
            return ProducerSettings.HOST.accept(raw.get(ProducerSettings.HOST.key()), ConfigException::new);
        }

        /** The value of the environment variable named by {@code setting}, or null if unset. */
        String env(Setting<String> setting) {
            String variable = optional(setting);
            return variable == null ? null : env.get(variable);
        }

        /** A secret from a file (first line) or else from an environment variable; required. */
        String secret(Setting<Path> fileSetting, Setting<String> envSetting, String why) {
            Path file = optional(fileSetting);
            String fileKey = fileSetting.key();
            if (file != null) {
                try {
                    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                    if (!lines.isEmpty() && !lines.get(0).isEmpty()) {
                        return lines.get(0);
                    }
                } catch (IOException e) {
                    throw new ConfigException(fileKey, file, "a readable file (" + e + ")");
                }
                throw new ConfigException(fileKey, file, "a file with the password on its first line");
            }
            String secret = env(envSetting);
            if (secret == null || secret.isEmpty()) {
                throw new ConfigException(
                        fileKey,
                        "",
                        why + ", so a password is needed: set " + fileKey + " or the environment variable "
                                + optional(envSetting) + " (named by " + envSetting.key() + ")");
            }
            return secret;
        }
    }
}
