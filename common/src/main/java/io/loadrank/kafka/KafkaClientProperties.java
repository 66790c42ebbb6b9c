package io.loadrank.kafka;

import io.loadrank.config.ConfigException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Reads a file of Kafka client properties ({@code security.protocol}, {@code sasl.*}, {@code ssl.*}, ...).
 * Secrets belong in files or environment variables that the properties name through Kafka's config providers
 * ({@code config.providers=file} and {@code ${file:/path:key}}), which the Kafka client resolves when it
 * starts; this class never resolves them, so nothing it returns is a secret unless the file holds one.
 */
public final class KafkaClientProperties {

    private KafkaClientProperties() {}

    /**
     * The properties of {@code file}, in the file's order.
     *
     * @param key the option or setting that named the file, for the error
     * @throws ConfigException naming {@code key} and the file when it cannot be read
     */
    public static Map<String, String> load(String key, Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException(
                    key, file.toString(), "a readable Java properties file of Kafka client properties (" + e + ")");
        }
        Map<String, String> map = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted().forEach(name -> map.put(name, properties.getProperty(name)));
        return map;
    }
}
