package io.loadrank.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadrank.config.ConfigException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LoadRankSettingsTest {

    @Test
    void givenNoLoadrankKeys_whenRead_thenEveryDefaultOfTheSpecApplies() {
        LoadRankSettings settings = LoadRankSettings.from(Map.of("topology.workers", 1));

        assertThat(settings.bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(settings.topics())
                .containsExactly("cpuLoad", "memLoad", "pendingTasks", "readLatency", "writeLatency");
        assertThat(settings.weights()).containsExactly(1, 1, 1, 1, 1);
        assertThat(settings.windowMillis()).isEqualTo(60_000);
        assertThat(settings.emitMillis()).isEqualTo(2_000);
        assertThat(settings.staleAfterMillis()).isEqualTo(10_000);
        assertThat(settings.outputDir()).isEqualTo("STORM_OUTPUT");
        assertThat(settings.rankingsTopic()).isNull();
        assertThat(settings.deadLetterTopic()).isNull();
        assertThat(settings.processingGuarantee()).isEqualTo("NO_GUARANTEE");
        assertThat(settings.readBackEnabled()).isTrue();
        assertThat(settings.batchSize()).isEqualTo(256);
        assertThat(settings.batchFlushMillis()).isEqualTo(100);
    }

    @Test
    void givenTopicsAsAMapOfWeights_whenRead_thenOrderAndWeightsAreKept() {
        Map<String, Object> topics = new LinkedHashMap<>();
        topics.put("memLoad", 2);
        topics.put("cpuLoad", 0.5);
        topics.put("latency", null);

        LoadRankSettings settings = LoadRankSettings.from(Map.of(LoadRankSettings.TOPICS.key(), topics));

        assertThat(settings.topics()).containsExactly("memLoad", "cpuLoad", "latency");
        assertThat(settings.weights()).containsExactly(2, 0.5, 1);
    }

    @Test
    void givenAlertRules_whenPutIntoAStormConfigAndReadAgain_thenTheyAreTheSameAndPlainValues() throws Exception {
        Map<String, Object> conf = new HashMap<>();
        conf.put(
                LoadRankSettings.ALERTS.key(),
                List.of(
                        Map.of("name", "cpu", "when", "average", "topic", "cpuLoad", "above", 90),
                        Map.of("name", "gone", "when", "stale")));
        conf.put(LoadRankSettings.ALERTS_TOPIC.key(), "loadAlerts");

        org.apache.storm.Config storm = LoadRankTopology.stormConfig(conf, Path.of("/tmp"));
        LoadRankSettings again = LoadRankSettings.from(storm);

        assertThat(again.alerts()).isEqualTo(LoadRankSettings.from(conf).alerts());
        assertThat(again.alerts().rules()).hasSize(2);
        assertThat(again.alertsTopic()).isEqualTo("loadAlerts");
        assertThat(org.apache.storm.utils.Utils.isValidConf(storm))
                .as("Storm accepts only plain values")
                .isTrue();
    }

    @Test
    void givenAnAverageAlertOnATopicThatIsNotRanked_whenRead_thenItIsRefusedNamingTheRulesTopic() {
        Map<String, Object> conf = Map.of(
                LoadRankSettings.TOPICS.key(),
                List.of("a", "b"),
                LoadRankSettings.ALERTS.key(),
                List.of(Map.of("name", "cpu", "when", "average", "topic", "cpuLoad", "above", 90)));

        assertThatThrownBy(() -> LoadRankSettings.from(conf))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "bad configuration: loadrank.alerts[0].topic = 'cpuLoad'; allowed: one of the topics [a, b]");
    }

    @Test
    void givenTopicsAsAList_whenRead_thenEachWeighsOne() {
        LoadRankSettings settings = LoadRankSettings.from(Map.of(LoadRankSettings.TOPICS.key(), List.of("a", "b")));

        assertThat(settings.weights()).containsExactly(1, 1);
    }

    static Object[][] badValues() {
        return new Object[][] {
            {LoadRankSettings.WINDOW_SECS.key(), 0, "a whole number from 1 to 86400"},
            {LoadRankSettings.WINDOW_SECS.key(), "sixty", "a whole number from 1 to 86400"},
            {LoadRankSettings.EMIT_SECS.key(), 1.5, "a whole number from 1 to 3600"},
            {LoadRankSettings.STALE_AFTER_SECS.key(), -1, "a whole number"},
            {LoadRankSettings.BOOTSTRAP_SERVERS.key(), "kafka-1", "host:port"},
            {
                LoadRankSettings.FIRST_POLL.key(),
                "TIMESTAMP",
                "one of [EARLIEST, LATEST, UNCOMMITTED_EARLIEST, UNCOMMITTED_LATEST]"
            },
            {LoadRankSettings.PROCESSING_GUARANTEE.key(), "EXACTLY_ONCE", "one of"},
            {LoadRankSettings.TOPICS.key(), "cpuLoad", "a list of Kafka topic names"},
            {LoadRankSettings.TOPICS.key(), List.of("cpu load"), "is not a topic name"},
            {LoadRankSettings.TOPICS.key(), Map.of("cpuLoad", 0), "at least one > 0"},
            {LoadRankSettings.RANKINGS_TOPIC.key(), "bad/topic", "a Kafka topic name"},
            {LoadRankSettings.READBACK_ENABLED.key(), "yes", "true or false"},
            {LoadRankSettings.ROLLING_PARALLELISM.key(), 0, "a whole number from 1 to 256"},
            {LoadRankSettings.BATCH_SIZE.key(), 0, "a whole number from 1 to 65536"},
            {LoadRankSettings.BATCH_FLUSH_MILLIS.key(), 5000, "a whole number from 1 to 1000"},
            {LoadRankSettings.HOSTS_TOPIC.key(), "../hosts", "a Kafka topic name"},
            {LoadRankSettings.HOSTS_TOPIC.key(), "cpuLoad", "a topic of its own"},
        };
    }

    @ParameterizedTest(name = "[{index}] {0} = {1}")
    @MethodSource("badValues")
    void givenABadValue_whenRead_thenTheErrorNamesKeyValueAndWhatIsAllowed(String key, Object value, String allowed) {
        Map<String, Object> conf = new HashMap<>();
        conf.put(key, value);

        assertThatThrownBy(() -> LoadRankSettings.from(conf))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(key)
                .hasMessageContaining(String.valueOf(value))
                .hasMessageContaining("allowed: ")
                .hasMessageContaining(allowed);
    }

    @Test
    void givenNoHostsTopicKey_whenRead_thenHostInfoIsReadFromTopicHosts() {
        assertThat(LoadRankSettings.from(Map.of()).hostsTopic()).isEqualTo("hosts");
        assertThat(LoadRankSettings.from(Map.of(LoadRankSettings.HOSTS_TOPIC.key(), "dc-hosts"))
                        .hostsTopic())
                .isEqualTo("dc-hosts");
    }

    @Test
    void givenAnEmptyHostsTopic_whenRead_thenHostInfoIsOffAndStaysOffThroughTheStormConfig() {
        LoadRankSettings settings = LoadRankSettings.from(Map.of(LoadRankSettings.HOSTS_TOPIC.key(), ""));

        assertThat(settings.hostsTopic()).isNull();
        assertThat(LoadRankSettings.from(settings.asConfig()).hostsTopic()).isNull();
        assertThat(settings.withOutputDirResolvedAgainst(Path.of("/srv")).hostsTopic())
                .isNull();
    }

    @Test
    void givenAWeightThatIsNotANumber_whenRead_thenTheErrorNamesTheTopic() {
        assertThatThrownBy(
                        () -> LoadRankSettings.from(Map.of(LoadRankSettings.TOPICS.key(), Map.of("cpuLoad", "heavy"))))
                .hasMessageContaining("loadrank.topics.cpuLoad = 'heavy'");
    }

    @Test
    void givenAnEmitLongerThanTheWindow_whenRead_thenItIsRefused() {
        assertThatThrownBy(() -> LoadRankSettings.from(
                        Map.of(LoadRankSettings.WINDOW_SECS.key(), 5, LoadRankSettings.EMIT_SECS.key(), 10)))
                .hasMessageContaining("loadrank.emit.secs = 10");
    }

    @Test
    void givenARelativeOutputDirectory_whenResolved_thenItIsAbsoluteAgainstTheStartDirectory() {
        LoadRankSettings settings =
                LoadRankSettings.from(Map.of()).withOutputDirResolvedAgainst(Path.of("/srv/loadrank"));

        assertThat(settings.outputDir()).isEqualTo("/srv/loadrank/STORM_OUTPUT");
    }

    static Object[][] badKafkaProperties() {
        return new Object[][] {
            {
                "sasl.jaas.config=password=\"hunter2\"",
                LoadRankSettings.KAFKA_PROPERTIES.key(),
                "a map of Kafka client properties"
            },
            {
                Map.of("sasl.jaas.config", List.of("hunter2")),
                LoadRankSettings.KAFKA_PROPERTIES.key() + ".sasl.jaas.config",
                "a single property value"
            },
        };
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("badKafkaProperties")
    void givenBadKafkaProperties_whenRead_thenTheErrorNamesKeyAndWhatIsAllowedButHidesTheValue(
            Object value, String key, String allowed) {
        // Kafka client properties carry credentials, so their values stay out of messages
        assertThatThrownBy(() -> LoadRankSettings.from(Map.of(LoadRankSettings.KAFKA_PROPERTIES.key(), value)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(key + " = (hidden)")
                .hasMessageContaining("allowed: " + allowed)
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void givenKafkaCredentials_whenPrinted_thenTheirValuesAreNotShown() {
        LoadRankSettings settings = LoadRankSettings.from(
                Map.of(LoadRankSettings.KAFKA_PROPERTIES.key(), Map.of("sasl.jaas.config", "password=\"hunter2\"")));

        assertThat(settings.toString()).contains("sasl.jaas.config").doesNotContain("hunter2");
        assertThat(settings.kafkaProperties()).containsEntry("sasl.jaas.config", "password=\"hunter2\"");
    }

    @Test
    void givenTheShippedTopologyYaml_whenRead_thenItIsValidAndHasTheDefaults() {
        Map<String, Object> yaml = LoadRankTopology.readConfigFile(Path.of("topology.yaml"));

        LoadRankSettings settings = LoadRankSettings.from(yaml);

        assertThat(settings.asConfig())
                .isEqualTo(LoadRankSettings.from(Map.of()).asConfig());
        assertThat(yaml).containsEntry("topology.workers", 1);
    }
}
