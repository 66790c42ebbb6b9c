package io.loadrank.kafka;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import picocli.CommandLine.Option;

/** The options of loadrank's Kafka tools that say which cluster and how to connect (a picocli mixin). */
public final class KafkaToolOptions {

    @Option(
            names = {"--bootstrap-servers", "--bootstrap-server"},
            required = true,
            paramLabel = "HOST:PORT[,...]",
            description = "the Kafka cluster")
    String bootstrapServers;

    @Option(
            names = "--command-config",
            paramLabel = "FILE",
            description = "Kafka client properties (security settings, timeouts)")
    Path commandConfig;

    /** The client properties: the file's, then the bootstrap servers. */
    Map<String, Object> clientProperties() {
        Map<String, Object> client = new HashMap<>();
        if (commandConfig != null) {
            client.putAll(KafkaClientProperties.load("--command-config", commandConfig));
        }
        client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return client;
    }

    String bootstrapServers() {
        return bootstrapServers;
    }
}
