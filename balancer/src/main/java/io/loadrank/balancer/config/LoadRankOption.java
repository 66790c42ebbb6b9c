package io.loadrank.balancer.config;

import com.datastax.oss.driver.api.core.config.DriverOption;
import io.loadrank.config.BootstrapServers;
import io.loadrank.config.TopicNames;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Every option of the balancer, in the driver's configuration under {@code advanced.loadrank}: its path,
 * its type, its default, what is allowed and what it does. The one definition the configuration reader,
 * the settings builder and the documentation (docs/BALANCER.md) rest on.
 */
public enum LoadRankOption implements DriverOption {
    BOOTSTRAP_SERVERS(
            "advanced.loadrank.bootstrap-servers",
            Type.TEXT,
            null,
            BootstrapServers.ALLOWED,
            v -> BootstrapServers.isValid((String) v),
            "Kafka brokers to read the rankings topic from (required)"),
    TOPIC(
            "advanced.loadrank.topic",
            Type.TEXT,
            TopicNames.RANKINGS,
            "a Kafka topic name (" + TopicNames.ALLOWED + ")",
            v -> TopicNames.isValid((String) v),
            "the rankings topic the topology writes one record per slice per emit to"),
    CLUSTER(
            "advanced.loadrank.cluster",
            Type.TEXT,
            null,
            "a Cassandra cluster name, or \"\" for the hosts whose host info names no cluster",
            v -> true,
            "the cluster of the session's slice (with the local datacenter); unset: the cluster name the driver "
                    + "reads from the nodes"),
    MAX_AGE(
            "advanced.loadrank.max-age",
            Type.DURATION,
            Duration.ofSeconds(10),
            "a duration greater than 0, e.g. 10 seconds",
            v -> ((Duration) v).compareTo(Duration.ZERO) > 0,
            "a ranking older than this demotes nothing: the driver's plain plans"),
    HOT_RATIO(
            "advanced.loadrank.hot-ratio",
            Type.NUMBER,
            1.5,
            "a number greater than 1 and at most 100",
            v -> (double) v > 1 && (double) v <= 100,
            "a node is hot when its score within its slice is at least this times the slice's mean score"),
    COOL_RATIO(
            "advanced.loadrank.cool-ratio",
            Type.NUMBER,
            1.2,
            "a number greater than 0 and at most hot-ratio",
            v -> (double) v > 0 && (double) v <= 100,
            "a hot node cools below this times the mean (and after min-hot)"),
    MIN_HOT(
            "advanced.loadrank.min-hot",
            Type.DURATION,
            Duration.ofSeconds(10),
            "a duration of 0 or more, e.g. 10 seconds",
            v -> !((Duration) v).isNegative(),
            "a hot node stays hot at least this long"),
    MAX_DEMOTED_FRACTION(
            "advanced.loadrank.max-demoted-fraction",
            Type.NUMBER,
            0.34,
            "a number greater than 0 and less than 1",
            v -> (double) v > 0 && (double) v < 1,
            "at most this fraction of a datacenter's nodes is demoted at once (at least one of two or more)"),
    KAFKA(
            "advanced.loadrank.kafka",
            Type.PROPERTIES,
            Map.of(),
            "Kafka consumer properties, e.g. { \"security.protocol\" = SASL_SSL }",
            v -> true,
            "Kafka client properties (SASL/SSL and others); they win over kafka-properties-file"),
    KAFKA_PROPERTIES_FILE(
            "advanced.loadrank.kafka-properties-file",
            Type.TEXT,
            null,
            "the path of a readable Java properties file",
            v -> !((String) v).isBlank(),
            "a Java properties file of Kafka client properties, read at start");

    /** How an option is written in the configuration. */
    public enum Type {
        TEXT,
        NUMBER,
        DURATION,
        PROPERTIES
    }

    private final String path;
    private final Type type;
    private final Object defaultValue;
    private final String allowed;
    private final Predicate<Object> valid;
    private final String description;

    LoadRankOption(
            String path, Type type, Object defaultValue, String allowed, Predicate<Object> valid, String description) {
        this.path = path;
        this.type = type;
        this.defaultValue = defaultValue;
        this.allowed = allowed;
        this.valid = valid;
        this.description = description;
    }

    @Override
    public String getPath() {
        return path;
    }

    public Type type() {
        return type;
    }

    /** The default, null when the option has none (required or simply absent). */
    public Object defaultValue() {
        return defaultValue;
    }

    public String allowed() {
        return allowed;
    }

    public String description() {
        return description;
    }

    /**
     * Returns {@code value} if allowed.
     *
     * @throws InvalidLoadRankOptionException naming the key, the value and what is allowed
     */
    public <T> T check(T value) {
        if (value == null || !valid.test(value)) {
            throw new InvalidLoadRankOptionException(this, String.valueOf(value));
        }
        return value;
    }
}
