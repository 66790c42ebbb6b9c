package io.loadrank.balancer.config;

import com.datastax.oss.driver.api.core.config.DriverExecutionProfile;
import io.loadrank.balancer.decision.BalancerSettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Reads {@link LoadAwarePolicySettings} from a driver execution profile, each option through
 * {@link LoadRankOption}: absent → its default, wrong type or not allowed → an
 * {@link InvalidLoadRankOptionException} with the key, the value and what is allowed, which fails the
 * session's start.
 */
public final class LoadRankConfig {

    private static final String KAFKA_PREFIX = LoadRankOption.KAFKA.getPath() + ".";

    private LoadRankConfig() {}

    public static LoadAwarePolicySettings read(DriverExecutionProfile profile) {
        String bootstrap = text(profile, LoadRankOption.BOOTSTRAP_SERVERS);
        if (bootstrap == null) {
            throw new InvalidLoadRankOptionException(LoadRankOption.BOOTSTRAP_SERVERS, null);
        }
        return settings(
                bootstrap,
                text(profile, LoadRankOption.TOPIC),
                text(profile, LoadRankOption.CLUSTER),
                duration(profile, LoadRankOption.MAX_AGE),
                number(profile, LoadRankOption.HOT_RATIO),
                number(profile, LoadRankOption.COOL_RATIO),
                duration(profile, LoadRankOption.MIN_HOT),
                number(profile, LoadRankOption.MAX_DEMOTED_FRACTION),
                text(profile, LoadRankOption.KAFKA_PROPERTIES_FILE),
                kafkaBlock(profile));
    }

    static LoadAwarePolicySettings settings(
            String bootstrap,
            String topic,
            String cluster,
            Duration maxAge,
            double hotRatio,
            double coolRatio,
            Duration minHot,
            double maxDemotedFraction,
            String propertiesFile,
            Map<String, String> kafka) {
        LoadRankOption.HOT_RATIO.check(hotRatio);
        LoadRankOption.COOL_RATIO.check(coolRatio);
        if (coolRatio > hotRatio) {
            throw new InvalidLoadRankOptionException(
                    LoadRankOption.COOL_RATIO,
                    Double.toString(coolRatio),
                    LoadRankOption.COOL_RATIO.allowed() + " (hot-ratio is " + hotRatio + ")",
                    null);
        }
        LoadRankOption.MAX_AGE.check(maxAge);
        LoadRankOption.MIN_HOT.check(minHot);
        return new LoadAwarePolicySettings(
                bootstrap,
                topic,
                cluster,
                new BalancerSettings(maxAge, hotRatio, coolRatio, minHot, maxDemotedFraction),
                propertiesFile,
                kafka);
    }

    /**
     * The Kafka client properties: the file's, then the {@code kafka} block's over them.
     *
     * @throws InvalidLoadRankOptionException if the file cannot be read
     */
    public static Properties kafkaProperties(LoadAwarePolicySettings settings) {
        Properties properties = new Properties();
        if (settings.kafkaPropertiesFile() != null) {
            Path file = Path.of(settings.kafkaPropertiesFile());
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException | RuntimeException e) {
                throw new InvalidLoadRankOptionException(
                        LoadRankOption.KAFKA_PROPERTIES_FILE,
                        settings.kafkaPropertiesFile(),
                        LoadRankOption.KAFKA_PROPERTIES_FILE.allowed() + " (" + e + ")",
                        e);
            }
        }
        properties.putAll(settings.kafkaProperties());
        return properties;
    }

    private static String text(DriverExecutionProfile profile, LoadRankOption option) {
        if (!profile.isDefined(option)) {
            return (String) option.defaultValue();
        }
        try {
            return option.check(profile.getString(option));
        } catch (InvalidLoadRankOptionException e) {
            throw e;
        } catch (RuntimeException e) {
            throw wrongType(profile, option, e);
        }
    }

    private static double number(DriverExecutionProfile profile, LoadRankOption option) {
        if (!profile.isDefined(option)) {
            return (double) option.defaultValue();
        }
        double value;
        try {
            value = profile.getDouble(option);
        } catch (RuntimeException e) {
            throw wrongType(profile, option, e);
        }
        return option.check(value);
    }

    private static Duration duration(DriverExecutionProfile profile, LoadRankOption option) {
        if (!profile.isDefined(option)) {
            return (Duration) option.defaultValue();
        }
        Duration value;
        try {
            value = profile.getDuration(option);
        } catch (RuntimeException e) {
            throw wrongType(profile, option, e);
        }
        return option.check(value);
    }

    /**
     * The {@code kafka} block, flattened: {@code security.protocol = SASL_SSL} and
     * {@code "security.protocol" = SASL_SSL} both give the property {@code security.protocol}; numbers
     * and booleans are taken as their text.
     */
    private static Map<String, String> kafkaBlock(DriverExecutionProfile profile) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : profile.entrySet()) {
            String key = entry.getKey();
            if (key.startsWith(KAFKA_PREFIX) && entry.getValue() != null) {
                Object value = entry.getValue();
                if (value instanceof Map || value instanceof Iterable) {
                    throw new InvalidLoadRankOptionException(
                            LoadRankOption.KAFKA,
                            key + " = " + value,
                            "a block of single values: " + LoadRankOption.KAFKA.allowed(),
                            null);
                }
                properties.put(key.substring(KAFKA_PREFIX.length()).replace("\"", ""), String.valueOf(value));
            }
        }
        return properties;
    }

    private static InvalidLoadRankOptionException wrongType(
            DriverExecutionProfile profile, LoadRankOption option, RuntimeException cause) {
        return new InvalidLoadRankOptionException(option, rawValue(profile, option), option.allowed(), cause);
    }

    private static String rawValue(DriverExecutionProfile profile, LoadRankOption option) {
        for (Map.Entry<String, Object> entry : profile.entrySet()) {
            if (entry.getKey().equals(option.getPath()) || entry.getKey().startsWith(option.getPath() + ".")) {
                return String.valueOf(entry.getValue());
            }
        }
        return "(unreadable)";
    }
}
