package io.loadrank.balancer.config;

import com.datastax.oss.driver.api.core.config.ProgrammaticDriverConfigLoaderBuilder;
import io.loadrank.balancer.decision.BalancerSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Every balancer setting, checked. Read from the driver configuration by {@link LoadRankConfig}, or
 * built in code:
 *
 * <pre>{@code
 * LoadAwarePolicySettings settings = LoadAwarePolicySettings.builder().bootstrapServers("kafka-1:9092").hotRatio(1.4).build();
 * DriverConfigLoader loader = settings.applyTo(DriverConfigLoader.programmaticBuilder()
 *         .withClass(DefaultDriverOption.LOAD_BALANCING_POLICY_CLASS, LoadAwareLoadBalancingPolicy.class)).build();
 * }</pre>
 *
 * @param cluster             the cluster of the session's slice: null for the driver's cluster name, "" for
 *                            the hosts whose host info names no cluster
 * @param kafkaPropertiesFile null when none
 * @param kafkaProperties     the {@code advanced.loadrank.kafka} block, as written (the file is read later)
 */
public record LoadAwarePolicySettings(
        String bootstrapServers,
        String topic,
        String cluster,
        BalancerSettings balancer,
        String kafkaPropertiesFile,
        Map<String, String> kafkaProperties) {

    public LoadAwarePolicySettings {
        LoadRankOption.BOOTSTRAP_SERVERS.check(bootstrapServers);
        LoadRankOption.TOPIC.check(topic);
        if (cluster != null) {
            LoadRankOption.CLUSTER.check(cluster);
        }
        Objects.requireNonNull(balancer, "balancer");
        LoadRankOption.MAX_AGE.check(balancer.maxAge());
        LoadRankOption.HOT_RATIO.check(balancer.hotRatio());
        LoadRankOption.COOL_RATIO.check(balancer.coolRatio());
        LoadRankOption.MIN_HOT.check(balancer.minHot());
        LoadRankOption.MAX_DEMOTED_FRACTION.check(balancer.maxDemotedFraction());
        if (kafkaPropertiesFile != null) {
            LoadRankOption.KAFKA_PROPERTIES_FILE.check(kafkaPropertiesFile);
        }
        kafkaProperties = Map.copyOf(kafkaProperties);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Writes these settings into a programmatic driver configuration. */
    public ProgrammaticDriverConfigLoaderBuilder applyTo(ProgrammaticDriverConfigLoaderBuilder driver) {
        driver.withString(LoadRankOption.BOOTSTRAP_SERVERS, bootstrapServers)
                .withString(LoadRankOption.TOPIC, topic)
                .withDuration(LoadRankOption.MAX_AGE, balancer.maxAge())
                .withDouble(LoadRankOption.HOT_RATIO, balancer.hotRatio())
                .withDouble(LoadRankOption.COOL_RATIO, balancer.coolRatio())
                .withDuration(LoadRankOption.MIN_HOT, balancer.minHot())
                .withDouble(LoadRankOption.MAX_DEMOTED_FRACTION, balancer.maxDemotedFraction());
        if (cluster != null) {
            driver.withString(LoadRankOption.CLUSTER, cluster);
        }
        if (kafkaPropertiesFile != null) {
            driver.withString(LoadRankOption.KAFKA_PROPERTIES_FILE, kafkaPropertiesFile);
        }
        if (!kafkaProperties.isEmpty()) {
            driver.withStringMap(LoadRankOption.KAFKA, kafkaProperties);
        }
        return driver;
    }

    /** Settings in code; every value not given is the option's default. */
    public static final class Builder {
        private String bootstrapServers;
        private String topic = (String) LoadRankOption.TOPIC.defaultValue();
        private String cluster;
        private Duration maxAge = (Duration) LoadRankOption.MAX_AGE.defaultValue();
        private double hotRatio = (double) LoadRankOption.HOT_RATIO.defaultValue();
        private double coolRatio = (double) LoadRankOption.COOL_RATIO.defaultValue();
        private Duration minHot = (Duration) LoadRankOption.MIN_HOT.defaultValue();
        private double maxDemotedFraction = (double) LoadRankOption.MAX_DEMOTED_FRACTION.defaultValue();
        private String kafkaPropertiesFile;
        private final Map<String, String> kafkaProperties = new LinkedHashMap<>();

        private Builder() {}

        public Builder bootstrapServers(String value) {
            bootstrapServers = value;
            return this;
        }

        public Builder topic(String value) {
            topic = value;
            return this;
        }

        /** The cluster of the session's slice; "" for the hosts whose host info names no cluster. */
        public Builder cluster(String value) {
            cluster = value;
            return this;
        }

        public Builder maxAge(Duration value) {
            maxAge = value;
            return this;
        }

        public Builder hotRatio(double value) {
            hotRatio = value;
            return this;
        }

        public Builder coolRatio(double value) {
            coolRatio = value;
            return this;
        }

        public Builder minHot(Duration value) {
            minHot = value;
            return this;
        }

        public Builder maxDemotedFraction(double value) {
            maxDemotedFraction = value;
            return this;
        }

        public Builder kafkaPropertiesFile(String value) {
            kafkaPropertiesFile = value;
            return this;
        }

        public Builder kafkaProperty(String key, String value) {
            kafkaProperties.put(key, value);
            return this;
        }

        /** @throws InvalidLoadRankOptionException naming the first option not allowed */
        public LoadAwarePolicySettings build() {
            return LoadRankConfig.settings(
                    bootstrapServers,
                    topic,
                    cluster,
                    maxAge,
                    hotRatio,
                    coolRatio,
                    minHot,
                    maxDemotedFraction,
                    kafkaPropertiesFile,
                    kafkaProperties);
        }
    }
}
