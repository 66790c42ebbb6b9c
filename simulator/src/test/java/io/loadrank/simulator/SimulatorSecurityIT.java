package io.loadrank.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.testing.KafkaBroker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator against the secured broker of {@code kafka.sh start --secure} (SASL_SSL, SCRAM-SHA-512, ACLs):
 * it sends with the producer's credentials, and each wrong setting (a wrong password, a certificate not trusted or
 * expired, a plaintext client, a missing ACL) ends it within seconds with one line naming the cause and an exit
 * status, never a hang; no secret ever reaches its output or the broker's logs.
 */
class SimulatorSecurityIT {

    /** A refusal must come well within this (the check before the first round waits up to 10 s). */
    private static final Duration CLEAR_ERROR_WITHIN = Duration.ofSeconds(30);

    @TempDir
    static Path runDir;

    private static KafkaBroker kafka;
    /** Everything the simulator printed in this class, for the check that no secret is in it. */
    private static final List<String> outputs = new ArrayList<>();

    @BeforeAll
    static void startSecuredKafka() {
        kafka = KafkaBroker.startSecure(runDir.resolve("kafka"));
        Map<String, Integer> topics = new HashMap<>();
        SimulatorOptions.defaultTopics().forEach(topic -> topics.put(topic, 1));
        kafka.createTopics(topics);
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    private record Run(int status, String output, Duration took) {}

    private static Run simulate(String... extra) {
        return simulate(kafka, extra);
    }

    private static Run simulate(KafkaBroker broker, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--hosts",
                "3",
                "--rounds",
                "2",
                "--rate",
                "10",
                "--hosts-topic",
                "",
                "--progress",
                "0",
                "--bootstrap-servers",
                broker.bootstrapServers()));
        args.addAll(List.of(extra));
        SimulatorOptions options = SimulatorOptions.parse(args.toArray(String[]::new));
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        long started = System.nanoTime();
        int status;
        try (PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setErr(capture);
            status = HostSimulator.run(options);
        } finally {
            System.setErr(stderr);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        stderr.print(output);
        synchronized (outputs) {
            outputs.add(output);
        }
        return new Run(status, output, Duration.ofNanos(System.nanoTime() - started));
    }

    /** A copy of {@code user}'s client properties with {@code line} appended (a later line wins). */
    private static Path propertiesOf(String user, String name, String line) throws IOException {
        Path file = runDir.resolve(name + ".properties");
        Files.writeString(file, Files.readString(kafka.clientPropertiesFile(user)) + line + "\n");
        return file;
    }

    @Test
    void givenTheProducersCredentials_whenSimulating_thenEveryMessageIsAcknowledgedAndTheJaasConfigIsHidden() {
        Run run = simulate(
                "--kafka-properties", kafka.clientPropertiesFile("producer").toString());

        assertThat(run.status()).as(run.output()).isZero();
        assertThat(run.output())
                .contains("sasl.jaas.config=(hidden)", "security.protocol=SASL_SSL")
                .contains("30 messages sent, 30 acknowledged, 0 failed");
    }

    @Test
    void givenAWrongPassword_whenSimulating_thenOneLineSaysTheCredentialsWereRefusedAndTheStatusIs3()
            throws IOException {
        Path wrong = propertiesOf(
                "producer",
                "wrong-password",
                "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required"
                        + " username=\"producer\" password=\"not-the-password\";");

        Run run = simulate("--kafka-properties", wrong.toString());

        assertThat(run.status()).as(run.output()).isEqualTo(HostSimulator.EXIT_KAFKA_REFUSED);
        assertThat(run.output())
                .contains("refused the credentials", "check the user name and password of sasl.jaas.config")
                .doesNotContain("not-the-password");
        assertThat(run.took()).isLessThan(CLEAR_ERROR_WITHIN);
    }

    @Test
    void givenACertificateTheClientDoesNotTrust_whenSimulating_thenOneLineSaysTheTlsHandshakeFailedAndTheStatusIs3()
            throws IOException {
        // the JVM's own trust store (the public CAs) does not know the throwaway CA
        Path cacerts = Path.of(System.getProperty("java.home"), "lib", "security", "cacerts");
        Path untrusted =
                propertiesOf("producer", "untrusted", "ssl.truststore.type=JKS\nssl.truststore.location=" + cacerts);

        Run run = simulate("--kafka-properties", untrusted.toString());

        assertThat(run.status()).as(run.output()).isEqualTo(HostSimulator.EXIT_KAFKA_REFUSED);
        assertThat(run.output()).contains("TLS handshake with Kafka at", "ssl.truststore.location");
        assertThat(run.took()).isLessThan(CLEAR_ERROR_WITHIN);
    }

    @Test
    void givenABrokerWhoseCertificateHasExpired_whenSimulating_thenOneLineSaysSoAndTheStatusIs3() {
        // a broker of its own: a broker's certificate is made once, at its first secure start
        try (KafkaBroker expired = KafkaBroker.startSecureWithExpiredCertificate(runDir.resolve("kafka-expired"))) {
            Run run = simulate(
                    expired,
                    "--kafka-properties",
                    expired.clientPropertiesFile("producer").toString());

            assertThat(run.status()).as(run.output()).isEqualTo(HostSimulator.EXIT_KAFKA_REFUSED);
            assertThat(run.output().lines().filter(line -> line.contains("TLS handshake with Kafka at")))
                    .singleElement()
                    .satisfies(line -> assertThat(line).contains("the broker's certificate has expired", "NotAfter"));
            assertThat(run.output()).doesNotContain("\tat ");
            assertThat(run.took()).isLessThan(CLEAR_ERROR_WITHIN);
            for (String secret : expired.secrets()) {
                assertThat(run.output()).doesNotContain(secret);
            }
        }
    }

    @Test
    void givenAPlaintextClientAgainstTheTlsPort_whenSimulating_thenOneLineHintsAtSecurityProtocolAndTheStatusIs1() {
        Run run = simulate();

        assertThat(run.status()).as(run.output()).isEqualTo(HostSimulator.EXIT_KAFKA_UNAVAILABLE);
        assertThat(run.output())
                .contains("did not answer", "A PLAINTEXT client never gets an answer from a TLS listener");
        assertThat(run.took()).isLessThan(CLEAR_ERROR_WITHIN);
    }

    @Test
    void givenThePrincipalOfTheViewThatMayOnlyRead_whenSimulating_thenOneLineNamesTopicAndWriteAndTheStatusIs3() {
        Run run = simulate(
                "--kafka-properties", kafka.clientPropertiesFile("view").toString());

        assertThat(run.status()).as(run.output()).isEqualTo(HostSimulator.EXIT_KAFKA_REFUSED);
        assertThat(run.output())
                .contains("not authorized to WRITE topic cpuLoad")
                .doesNotContain("\tat ");
        assertThat(run.took()).isLessThan(CLEAR_ERROR_WITHIN);
    }

    @Test
    void givenEveryRunOfThisClass_whenItsOutputsAndTheBrokersLogsAreSearched_thenNoSecretIsFound() throws IOException {
        // runs last or not: it runs a simulation of its own, so there is always output to search
        simulate("--kafka-properties", kafka.clientPropertiesFile("producer").toString());
        List<String> texts = new ArrayList<>();
        synchronized (outputs) {
            texts.addAll(outputs);
        }
        texts.addAll(kafka.logs());
        assertThat(kafka.logs()).as("the broker's logs").isNotEmpty();

        assertThat(kafka.secrets())
                .hasSize(7)
                .allSatisfy(secret -> assertThat(secret).hasSize(32));
        for (String secret : kafka.secrets()) {
            assertThat(texts).noneMatch(text -> text.contains(secret));
        }
    }
}
