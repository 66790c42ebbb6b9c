package io.loadrank.producer;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import io.loadrank.hostinfo.HostInfo;
import io.loadrank.hostinfo.HostInfoFormat;
import io.loadrank.hostinfo.HostInfoResult;
import io.loadrank.kafka.TopicCreator;
import io.loadrank.producer.it.Servers;
import io.loadrank.producer.it.TopicRecorder;
import io.loadrank.testing.Await;
import io.loadrank.testing.CassandraNode;
import io.loadrank.testing.KafkaBroker;
import io.loadrank.testing.ServerScript;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host-info record (docs/DATACENTERS.md) from a real Cassandra 5.0.9 started with
 * GossipingPropertyFileSnitch in datacenter eu-west, rack r2, through a real Kafka broker: the
 * record carries those names and the node's real host id, cross-checked with system.local over CQL.
 */
class HostInfoProducerIT {

    private static final String HOST = "it-db-eu-1.example.org";
    private static final String HOSTS_TOPIC = "hosts";

    @TempDir
    static Path runDir;

    private static CassandraNode cassandra;
    private static KafkaBroker kafka;

    @BeforeAll
    static void startServers() {
        ServerScript.prepareRunDir(runDir);
        CompletableFuture<KafkaBroker> startingKafka = CompletableFuture.supplyAsync(() -> KafkaBroker.start(runDir));
        try {
            cassandra = CassandraNode.startInDatacenter(runDir, "eu-west", "r2");
        } finally {
            kafka = startingKafka.join();
        }
        Map<String, Integer> topics = new LinkedHashMap<>();
        Servers.TOPICS.forEach(topic -> topics.put(topic, 1));
        kafka.createTopics(topics);
        kafka.createTopics(List.of(new TopicCreator.TopicSpec(HOSTS_TOPIC, 1, true)));
    }

    @AfterAll
    static void stopServers() {
        try {
            if (cassandra != null) {
                cassandra.close();
            }
        } finally {
            if (kafka != null) {
                kafka.close();
            }
        }
    }

    @Test
    void givenACassandraInEuWestRackR2_whenTheProducerRuns_thenItsHostInfoRecordCarriesThoseNamesAndTheRealHostId()
            throws Exception {
        // given: what Cassandra itself says about the node
        Row local;
        try (CqlSession session = CqlSession.builder()
                .addContactPoint(new InetSocketAddress("127.0.0.1", cassandra.cqlPort()))
                .withLocalDatacenter("eu-west")
                .build()) {
            local = session.execute("SELECT host_id, cluster_name, data_center, rack FROM system.local")
                    .one();
        }
        assertThat(local).isNotNull();
        assertThat(local.getString("data_center")).isEqualTo("eu-west");

        try (HostsTopicReader hosts = new HostsTopicReader(kafka.bootstrapServers());
                TopicRecorder metrics = new TopicRecorder(kafka.bootstrapServers(), Servers.TOPICS);
                ProducerApp producer = ProducerApp.toKafka(ProducerConfig.parse(
                        List.of(
                                "--host=" + HOST,
                                "--jmx.port=" + cassandra.jmxPort(),
                                "--kafka.bootstrap.servers=" + kafka.bootstrapServers()),
                        Map.of(),
                        () -> "unused"))) {
            // when
            producer.start();

            // then
            ConsumerRecord<String, String> record = Await.value(
                    Duration.ofSeconds(60),
                    "a host-info record",
                    () -> hosts.records(HOST).stream().findFirst());
            assertThat(record.key()).isEqualTo(HOST);
            HostInfoResult parsed = HostInfoFormat.parse(record.key(), record.value());
            assertThat(parsed).isInstanceOf(HostInfoResult.Valid.class);
            HostInfo info = ((HostInfoResult.Valid) parsed).info();
            assertThat(info)
                    .isEqualTo(new HostInfo(
                            HOST,
                            "eu-west",
                            "r2",
                            local.getUuid("host_id").toString(),
                            local.getString("cluster_name"),
                            "127.0.0.1"));
            Await.until(
                    Duration.ofSeconds(30),
                    "metrics sent beside the host info",
                    () -> Servers.TOPICS.stream()
                            .allMatch(topic -> !metrics.received(topic).isEmpty()));
            assertThat(metrics.malformed())
                    .as("the metric wire format is unchanged")
                    .isEmpty();
            assertThat(hosts.records(HOST))
                    .as("sent once at start, not with every poll")
                    .hasSize(1);
        }
    }

    @Test
    void givenAHostsTopicThatDoesNotExist_whenTheProducerRuns_thenItsMetricsFlowAllTheSame() throws Exception {
        try (TopicRecorder metrics = new TopicRecorder(kafka.bootstrapServers(), Servers.TOPICS);
                ProducerApp producer = ProducerApp.toKafka(ProducerConfig.parse(
                        List.of(
                                "--host=it-db-eu-2.example.org",
                                "--jmx.port=" + cassandra.jmxPort(),
                                "--topic.hosts=no-such-hosts-topic",
                                "--kafka.bootstrap.servers=" + kafka.bootstrapServers()),
                        Map.of(),
                        () -> "unused"))) {
            long started = System.currentTimeMillis();
            producer.start();

            // the host-info record cannot go anywhere (the broker creates no topics): it must not
            // hold the samples back
            Await.until(
                    Duration.ofSeconds(60),
                    "5 samples of every metric from the second producer",
                    () -> Servers.TOPICS.stream()
                            .allMatch(topic -> metrics.received(topic).stream()
                                            .filter(r -> r.key().equals("it-db-eu-2.example.org")
                                                    && r.sample().timestampMillis() >= started)
                                            .count()
                                    >= 5));
        }
    }

    /** Reads the hosts topic from its beginning on a thread of its own. */
    private static final class HostsTopicReader implements AutoCloseable {
        private final List<ConsumerRecord<String, String>> records = new CopyOnWriteArrayList<>();
        private final Thread thread;
        private volatile boolean running = true;

        HostsTopicReader(String bootstrapServers) {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            KafkaConsumer<String, String> consumer =
                    new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
            TopicPartition partition = new TopicPartition(HOSTS_TOPIC, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            thread = new Thread(
                    () -> {
                        try (consumer) {
                            while (running) {
                                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                            }
                        }
                    },
                    "hosts-reader");
            thread.setDaemon(true);
            thread.start();
        }

        /** The records of {@code host} (topic creation's probe, a tombstone under another key, is left out). */
        List<ConsumerRecord<String, String>> records(String host) {
            return records.stream().filter(record -> host.equals(record.key())).toList();
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join(10_000);
        }
    }
}
