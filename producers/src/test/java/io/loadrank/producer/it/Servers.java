package io.loadrank.producer.it;

import io.loadrank.testing.KafkaBroker;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** A real Cassandra and a real Kafka broker with the producer's topics, started side by side. */
public final class Servers implements AutoCloseable {

    /** The five topics under their default names. */
    public static final List<String> TOPICS = List.of("cpuLoad", "memLoad", "pendingTasks", "readLatency", "writeLatency");

    private final CassandraNode cassandra;
    private final KafkaBroker kafka;

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
        CassandraNode.prepareRunDir(runDir);
        CompletableFuture<KafkaBroker> startingKafka = CompletableFuture.supplyAsync(() -> KafkaBroker.start(runDir));
        CassandraNode cassandra;
        try {
            cassandra = CassandraNode.start(runDir, jmxUser, jmxPassword);
        } catch (RuntimeException e) {
            startingKafka.join().close();
            throw e;
        }
        System.out.println("cassandra.sh start took " + cassandra.lastStartTime().toMillis() + " ms");
        Servers servers = new Servers(cassandra, startingKafka.join());
        Map<String, Integer> topics = new LinkedHashMap<>();
        TOPICS.forEach(topic -> topics.put(topic, 1));
        servers.kafka.createTopics(topics);
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
