package io.loadrank.webview.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.slice.Slice;
import io.loadrank.slice.SliceKey;
import io.loadrank.slice.SliceRanking;
import io.loadrank.slice.SliceRecordFormat;
import io.loadrank.testing.Await;
import io.loadrank.testing.KafkaBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web view on the secured broker of {@code kafka.sh start --secure}: with the view's principal it follows
 * the rankings and alerts topics; with a principal that may not READ them it logs one line naming the topic
 * and the operation, once per topic and not once per attempt; a READ right taken away while it follows gives one
 * line for the outage and one when it ends; its log holds no secret.
 */
class WebViewSecurityIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @TempDir
    static Path runDir;

    private static KafkaBroker broker;

    @BeforeAll
    static void startSecuredKafka() {
        broker = KafkaBroker.startSecure(runDir.resolve("kafka"));
        broker.createTopics(Map.of("loadRankings", 1, "loadAlerts", 1));
    }

    @AfterAll
    static void stopKafka() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void givenTheViewsPrincipal_whenFollowing_thenItFollowsBothTopicsAndItsLogHoldsNoSecret() throws Exception {
        try (WebViewProcess view = start("view")) {
            Await.until(
                    DEADLINE,
                    "the view following both topics",
                    () -> log(view).contains("following loadRankings")
                            && log(view).contains("following loadAlerts"));

            assertThat(log(view)).doesNotContain("not authorized");
            for (String secret : broker.secrets()) {
                assertThat(log(view)).doesNotContain(secret);
            }
        }
    }

    @Test
    void givenAPrincipalThatMayNotRead_whenFollowing_thenOneLineNamesTheTopicAndRead() throws Exception {
        try (WebViewProcess view = start("producer")) {
            Await.until(
                    DEADLINE,
                    "the refusal in the view's log",
                    () -> log(view).contains("not authorized to READ topic"));
            // it keeps looking every 3 s: two more attempts, still one line
            long attempts = System.nanoTime();
            Await.until(
                    Duration.ofSeconds(30),
                    "7 s of further attempts",
                    () -> System.nanoTime() - attempts > Duration.ofSeconds(7).toNanos());

            String log = log(view);
            assertThat(log.lines().filter(line -> line.contains("not authorized to READ topic")))
                    .hasSize(2)
                    .allSatisfy(line -> assertThat(line).contains("looking again every 3 s"))
                    .anySatisfy(line -> assertThat(line).contains("READ topic loadRankings"))
                    .anySatisfy(line -> assertThat(line).contains("READ topic loadAlerts"));
            assertThat(log).doesNotContain("\tat ");
            for (String secret : broker.secrets()) {
                assertThat(log).doesNotContain(secret);
            }
        }
    }

    @Test
    void givenTheViewFollowing_whenItsReadRightIsRevokedAndGrantedAgain_thenOneLineForTheOutageAndOneForItsEnd()
            throws Exception {
        List<AclBinding> viewReadsRankings = List.of(new AclBinding(
                new ResourcePattern(ResourceType.TOPIC, "loadRankings", PatternType.LITERAL),
                new AccessControlEntry("User:view", "*", AclOperation.READ, AclPermissionType.ALLOW)));
        try (Admin admin = Admin.create(new HashMap<String, Object>(broker.clientConfig("admin")));
                KafkaProducer<String, String> rankings = new KafkaProducer<>(
                        new HashMap<String, Object>(broker.clientConfig("admin")),
                        new StringSerializer(),
                        new StringSerializer());
                WebViewProcess view = start("view")) {
            Await.until(
                    DEADLINE, "the view following loadRankings", () -> log(view).contains("following loadRankings"));
            try {
                // when: the READ right goes while it follows
                admin.deleteAcls(viewReadsRankings.stream()
                                .map(AclBinding::toFilter)
                                .toList())
                        .all()
                        .get(30, TimeUnit.SECONDS);

                // then: one line naming the topic and READ, and not one per attempt (every 3 s)
                Await.until(
                        DEADLINE,
                        "the refusal in the view's log",
                        () -> log(view).contains("not authorized to READ topic loadRankings"));
                long refusedAt = System.nanoTime();
                Await.until(
                        Duration.ofSeconds(30),
                        "7 s of further attempts",
                        () -> System.nanoTime() - refusedAt
                                > Duration.ofSeconds(7).toNanos());
                assertThat(log(view)
                                .lines()
                                .filter(line -> line.toLowerCase(Locale.ROOT).contains("not authorized")))
                        .singleElement()
                        .satisfies(line -> assertThat(line).contains("READ topic loadRankings"));

                // when: it is granted again and a ranking arrives
                admin.createAcls(viewReadsRankings).all().get(30, TimeUnit.SECONDS);
                SliceRanking empty = new SliceRanking(
                        Slice.UNPLACED,
                        System.currentTimeMillis(),
                        60,
                        2,
                        List.of("cpuLoad"),
                        new double[] {1},
                        List.of(),
                        List.of(),
                        0);
                rankings.send(new ProducerRecord<>(
                                "loadRankings",
                                new SliceKey(Slice.UNPLACED, 0).text(),
                                SliceRecordFormat.write(empty).get(0)))
                        .get(30, TimeUnit.SECONDS);

                // then: it follows again, without a restart, and says so once
                Await.until(
                        DEADLINE,
                        "the view's recovery in its log",
                        () -> log(view).contains("Kafka accepts the view again"));
            } finally {
                admin.createAcls(viewReadsRankings).all().get(30, TimeUnit.SECONDS);
            }

            String log = log(view);
            assertThat(log.lines().filter(line -> line.contains("Kafka accepts the view again")))
                    .singleElement()
                    .satisfies(line -> assertThat(line).contains("READ topic loadRankings"));
            assertThat(log).doesNotContain("\tat ").doesNotContain("following Kafka failed");
        }
    }

    private static WebViewProcess start(String user) throws IOException {
        return new WebViewProcess(
                runDir.resolve("view-" + user),
                "--bootstrap-servers",
                broker.bootstrapServers(),
                "--kafka-config",
                broker.clientPropertiesFile(user).toString(),
                "--rankings-topic",
                "loadRankings",
                "--alerts-topic",
                "loadAlerts");
    }

    private static String log(WebViewProcess view) {
        try {
            return Files.readString(view.log());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
