package io.loadrank.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.slice.Slice;
import io.loadrank.slice.SliceHost;
import io.loadrank.slice.SliceKey;
import io.loadrank.slice.SliceRanking;
import io.loadrank.slice.SliceRecordException;
import io.loadrank.slice.SliceRecordFormat;
import io.loadrank.testing.Await;
import io.loadrank.testing.KafkaBroker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.FileAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.storm.Config;
import org.apache.storm.LocalCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worked example of docs/RANKING.md ranked end to end through SASL_SSL on the secured broker of
 * {@code kafka.sh start --secure}, each program with its own least-privilege principal: the samples sent with
 * the producer's, the topology (Storm LocalCluster) reading and writing with the topology's, the rankings
 * topic read with the view's. Then every log of the run (this JVM's, Storm's and the Kafka clients' at INFO,
 * which print their whole configuration, and the broker's) is searched for every generated secret.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkedExampleSecurityIT {

    private static final Duration RANKING_DEADLINE = Duration.ofSeconds(150);
    private static final String RANKINGS_TOPIC = "loadRankings";
    /** topics the broker's ACLs know (kafka.sh's defaults): topic -> host -> window average */
    private static final Map<String, Map<String, Integer>> WORKED_EXAMPLE = new LinkedHashMap<>();

    static {
        WORKED_EXAMPLE.put("cpuLoad", Map.of("A", 20, "B", 10, "C", 20));
        WORKED_EXAMPLE.put("memLoad", Map.of("A", 30, "B", 20, "C", 50));
        WORKED_EXAMPLE.put("readLatency", Map.of("A", 20, "B", 20, "C", 20));
    }

    @TempDir
    static Path runDir;

    private static KafkaBroker broker;
    private static LocalCluster cluster;
    private static Path capturedLog;
    private static FileAppender capture;

    @BeforeAll
    static void startSecuredBrokerAndCluster() throws Exception {
        capturedLog = runDir.resolve("it.log");
        captureEveryLog(capturedLog);
        broker = KafkaBroker.startSecure(runDir.resolve("kafka"));
        Map<String, Integer> topics = new HashMap<>();
        WORKED_EXAMPLE.keySet().forEach(topic -> topics.put(topic, 2));
        topics.put(RANKINGS_TOPIC, 1);
        broker.createTopics(topics);
        cluster = new LocalCluster();
    }

    @AfterAll
    static void stopClusterAndBroker() throws Exception {
        try {
            if (cluster != null) {
                cluster.close();
            }
        } finally {
            try {
                if (broker != null) {
                    broker.close();
                }
            } finally {
                stopCapture();
            }
        }
    }

    @Test
    @Order(1)
    void givenTheWorkedExampleThroughSaslSsl_whenRankedByTheTopologysPrincipal_thenTheViewReadsC41A34B24()
            throws Exception {
        OutputFiles files = new OutputFiles(runDir.resolve("output"));
        try (SampleFeed feed = new SampleFeed(broker.clientConfig("producer"))) {
            sendWorkedExample(feed, System.currentTimeMillis());
            String name = submitTopology(files);

            Map<String, Map<String, Double>> values = new LinkedHashMap<>();
            WORKED_EXAMPLE.forEach((topic, hosts) -> {
                Map<String, Double> hostValues = new LinkedHashMap<>();
                hosts.forEach((host, value) -> hostValues.put(host, value.doubleValue()));
                values.put(topic, hostValues);
            });
            try (LiveFeed live = new LiveFeed(feed, values, new AtomicBoolean(), new AtomicLong())) {
                Await.until(
                        RANKING_DEADLINE,
                        "GlobalRankings.txt to read {C=41, A=34, B=24}",
                        () -> files.globalRanking()
                                .filter("{C=41, A=34, B=24}"::equals)
                                .isPresent());
                Await.until(
                        RANKING_DEADLINE,
                        "cpuLoad.txt to read [[A|20|60], [C|20|60], [B|10|60]]",
                        () -> files.topicRanking("cpuLoad")
                                .filter("[[A|20|60], [C|20|60], [B|10|60]]"::equals)
                                .isPresent());

                SliceRanking record = readRankingAsTheView();
                assertThat(record.hosts()).extracting(SliceHost::host).containsExactly("C", "A", "B");
            } finally {
                kill(name);
            }
        }
    }

    @Test
    @Order(2)
    void givenPrincipalsWithoutTheTopologysRights_whenCheckedBeforeSubmitting_thenOneLineNamesTopicGroupAndOperation() {
        Map<String, Object> conf = new HashMap<>();
        conf.put(LoadRankSettings.BOOTSTRAP_SERVERS.key(), broker.bootstrapServers());
        Map<String, Double> weights = new LinkedHashMap<>();
        WORKED_EXAMPLE.keySet().forEach(topic -> weights.put(topic, 1.0));
        conf.put(LoadRankSettings.TOPICS.key(), weights);
        conf.put(LoadRankSettings.RANKINGS_TOPIC.key(), RANKINGS_TOPIC);
        conf.put(LoadRankSettings.HOSTS_TOPIC.key(), "");

        conf.put(LoadRankSettings.KAFKA_PROPERTIES.key(), securityOf("topology"));
        conf.put(LoadRankSettings.CONSUMER_GROUP.key(), "loadrank-security-it");
        assertThat(TopologyKafkaAccess.check(LoadRankSettings.from(conf)))
                .as("the topology's own rights")
                .isEmpty();

        conf.put(LoadRankSettings.CONSUMER_GROUP.key(), "another-group");
        assertThat(TopologyKafkaAccess.check(LoadRankSettings.from(conf)))
                .hasValueSatisfying(failure -> assertThat(failure.message())
                        .startsWith("not authorized to READ consumer group another-group on Kafka at"));

        conf.put(LoadRankSettings.KAFKA_PROPERTIES.key(), securityOf("view"));
        conf.put(LoadRankSettings.CONSUMER_GROUP.key(), "loadrank-security-it");
        assertThat(TopologyKafkaAccess.check(LoadRankSettings.from(conf))).hasValueSatisfying(failure -> {
            assertThat(failure.fatal()).isTrue();
            assertThat(failure.message())
                    .startsWith("not authorized to READ topic cpuLoad (not even DESCRIBE);")
                    .contains("not authorized to WRITE topic loadRankings;")
                    .contains("not authorized to READ consumer group loadrank-security-it");
        });
    }

    @Test
    @Order(3)
    void givenEveryLogOfTheRun_whenSearchedForEachGeneratedSecret_thenNoneIsFound() throws IOException {
        List<String> logs = new ArrayList<>();
        logs.add(Files.readString(capturedLog, StandardCharsets.UTF_8));
        logs.addAll(broker.logs());

        // the capture holds the Kafka clients' configuration dumps, which name the JAAS configuration, so the
        // search below looks where a secret would be
        assertThat(logs.get(0)).contains("sasl.jaas.config = [hidden]", "security.protocol = SASL_SSL");
        assertThat(broker.secrets()).hasSize(7);
        for (String secret : broker.secrets()) {
            assertThat(logs).noneMatch(log -> log.contains(secret));
        }
    }

    private static void sendWorkedExample(SampleFeed feed, long now) {
        Future<RecordMetadata> last = null;
        for (int k = 0; k < 12; k++) {
            long sampleTime = now - 59_000 + k * 5_000L;
            for (Map.Entry<String, Map<String, Integer>> topic : WORKED_EXAMPLE.entrySet()) {
                for (Map.Entry<String, Integer> host : topic.getValue().entrySet()) {
                    last = feed.sample(topic.getKey(), host.getKey(), host.getValue(), sampleTime);
                }
            }
        }
        feed.flushAndCheck(last);
    }

    private static Map<String, String> securityOf(String user) {
        Map<String, String> security = new LinkedHashMap<>(broker.clientConfig(user));
        security.remove(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG);
        return security;
    }

    private static String submitTopology(OutputFiles files) throws Exception {
        Map<String, Object> conf = new HashMap<>();
        conf.put(LoadRankSettings.BOOTSTRAP_SERVERS.key(), broker.bootstrapServers());
        conf.put(LoadRankSettings.KAFKA_PROPERTIES.key(), securityOf("topology"));

        Map<String, Double> weights = new LinkedHashMap<>();
        WORKED_EXAMPLE.keySet().forEach(topic -> weights.put(topic, 1.0));
        conf.put(LoadRankSettings.TOPICS.key(), weights);
        conf.put(LoadRankSettings.OUTPUT_DIR.key(), files.directory().toString());
        // the broker lets the topology use the groups that start with "loadrank"
        conf.put(LoadRankSettings.CONSUMER_GROUP.key(), "loadrank-security-it");
        conf.put(LoadRankSettings.RANKINGS_TOPIC.key(), RANKINGS_TOPIC);
        conf.put(LoadRankSettings.HOSTS_TOPIC.key(), "");
        conf.put(LoadRankSettings.EMIT_SECS.key(), 1);
        conf.put(LoadRankSettings.STALE_AFTER_SECS.key(), 300);
        conf.put(LoadRankSettings.READBACK_OVERLAP_SECS.key(), 3);
        conf.put(Config.TOPOLOGY_MESSAGE_TIMEOUT_SECS, 30);
        String name = "secure-worked-example";
        conf.put(LoadRankSettings.TOPOLOGY_NAME.key(), name);
        Config stormConf = LoadRankTopology.stormConfig(conf, runDir);
        assertThat(TopologyKafkaAccess.check(LoadRankSettings.from(stormConf)))
                .as("the check before submitting")
                .isEmpty();
        cluster.submitTopology(name, stormConf, LoadRankTopologyFactory.build(LoadRankSettings.from(stormConf)));
        return name;
    }

    /**
     * The newest ranking on the rankings topic, read with the view's principal (no group: it assigns): the
     * slice of the hosts without host info, the whole fleet here.
     */
    private static SliceRanking readRankingAsTheView() {
        Map<String, Object> config = new HashMap<>(broker.clientConfig("view"));
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(RANKINGS_TOPIC).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            AtomicReference<SliceRanking> found = new AtomicReference<>();
            Await.until(RANKING_DEADLINE, "a ranking of A, B and C on " + RANKINGS_TOPIC, () -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    assertThat(SliceKey.parse(record.key())).isEqualTo(new SliceKey(Slice.UNPLACED, 0));
                    try {
                        SliceRanking ranking =
                                SliceRecordFormat.read(record.value()).ranking();
                        if (ranking.hosts().size() == 3) {
                            found.set(ranking);
                        }
                    } catch (SliceRecordException e) {
                        throw new AssertionError("a rankings record that is not a slice: " + record.value(), e);
                    }
                }
                return found.get() != null;
            });
            return found.get();
        }
    }

    private static void kill(String topologyName) throws Exception {
        LocalClusterKill.kill(cluster, topologyName);
    }

    /**
     * Writes every log event of this JVM to {@code file}, with the Kafka clients at INFO: they print their whole
     * configuration when they start, the place a secret would show first.
     */
    private static void captureEveryLog(Path file) {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        capture = FileAppender.newBuilder()
                .setName("security-it-capture")
                .withFileName(file.toString())
                .setLayout(PatternLayout.newBuilder()
                        .withPattern("%d{HH:mm:ss.SSS} %-5p [%t] %c - %m%n")
                        .build())
                .build();
        capture.start();
        config.addAppender(capture);
        config.getRootLogger().addAppender(capture, Level.ALL, null);
        config.getLoggerConfig("org.apache.kafka").setLevel(Level.INFO);
        context.updateLoggers();
    }

    private static void stopCapture() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        config.getRootLogger().removeAppender(capture.getName());
        config.getLoggerConfig("org.apache.kafka").setLevel(Level.WARN);
        context.updateLoggers();
        capture.stop();
    }
}
