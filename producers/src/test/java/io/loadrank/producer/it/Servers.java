package io.loadrank.producer.it;

import io.loadrank.kafka.TopicCreator;
import io.loadrank.testing.CassandraNode;
import io.loadrank.testing.KafkaBroker;
import io.loadrank.testing.ServerScript;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Cassandra and a real Kafka broker with the producer's topics, started side by side,
 * once for a test class:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final Servers SERVERS = Servers.perClass(null, null); // or a JMX user and password
 * }</pre>
 */
public final class Servers implements AutoCloseable {

    /** The five topics under their default names. */
    public static final List<String> TOPICS =
            List.of("cpuLoad", "memLoad", "pendingTasks", "readLatency", "writeLatency");

    /** The compacted host-info topic under its default name. */
    public static final String HOSTS_TOPIC = "hosts";

    private final CassandraNode cassandra;
    private final KafkaBroker kafka;

    /**
     * An extension that starts the servers before the class's tests, in a temporary run
     * directory, and stops them (and deletes the directory) after.
     */
    public static PerClass perClass(String jmxUser, String jmxPassword) {
        return new PerClass(jmxUser, jmxPassword);
    }

    /** See {@link #perClass}. */
    public static final class PerClass implements BeforeAllCallback, AfterAllCallback {
        private final String jmxUser;
        private final String jmxPassword;
        private Path runDir;
        private Servers servers;

        private PerClass(String jmxUser, String jmxPassword) {
            this.jmxUser = jmxUser;
            this.jmxPassword = jmxPassword;
        }

        @Override
        public void beforeAll(ExtensionContext context) throws IOException {
            runDir = Files.createTempDirectory("loadrank-producer-it");
            servers = Servers.start(runDir, jmxUser, jmxPassword);
        }

        @Override
        public void afterAll(ExtensionContext context) throws IOException {
            try {
                if (servers != null) {
                    servers.close();
                }
            } finally {
                deleteTree(runDir);
            }
        }

        public CassandraNode cassandra() {
            return servers.cassandra();
        }

        public KafkaBroker kafka() {
            return servers.kafka();
        }

        private static void deleteTree(Path dir) throws IOException {
            if (dir == null || !Files.exists(dir)) {
                return;
            }
            try (Stream<Path> paths = Files.walk(dir)) {
                // the classpath cache is a symbolic link: walk does not follow it, so only the link goes
                paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                    try {
                        Files.delete(path);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }

    private Servers(CassandraNode cassandra, KafkaBroker kafka) {
        this.cassandra = cassandra;
        this.kafka = kafka;
    }

    /**
     * Starts both at once (each mostly waits for its own JVM) and creates {@link #TOPICS}.
     *
     * @param jmxUser null for a Cassandra without JMX authentication
     */
    public static Servers start(Path runDir, String jmxUser, String jmxPassword) {
        ServerScript.prepareRunDir(runDir);
        CompletableFuture<KafkaBroker> startingKafka = CompletableFuture.supplyAsync(() -> KafkaBroker.start(runDir));
        CassandraNode cassandra;
        try {
            cassandra = CassandraNode.start(runDir, jmxUser, jmxPassword);
        } catch (RuntimeException e) {
            startingKafka.join().close();
            throw e;
        }
        System.out.println(
                "cassandra.sh start took " + cassandra.lastStartTime().toMillis() + " ms");
        Servers servers = new Servers(cassandra, startingKafka.join());
        Map<String, Integer> topics = new LinkedHashMap<>();
        TOPICS.forEach(topic -> topics.put(topic, 1));
        servers.kafka.createTopics(topics);
        // the producer also sends its host-info record (docs/DATACENTERS.md)
        servers.kafka.createTopics(List.of(new TopicCreator.TopicSpec(HOSTS_TOPIC, 1, true)));
        return servers;
    }

    public CassandraNode cassandra() {
        return cassandra;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    @Override
    public void close() {
        try {
            cassandra.close();
        } finally {
            kafka.close();
        }
    }
}
