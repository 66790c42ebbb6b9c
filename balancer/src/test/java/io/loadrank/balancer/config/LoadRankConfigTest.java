package io.loadrank.balancer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.DriverExecutionProfile;
import com.datastax.oss.driver.api.core.config.ProgrammaticDriverConfigLoaderBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoadRankConfigTest {

    private static DriverExecutionProfile hocon(String loadrankBlock) {
        try (DriverConfigLoader loader =
                DriverConfigLoader.fromString("datastax-java-driver.advanced.loadrank {" + loadrankBlock + "}")) {
            return loader.getInitialConfig().getDefaultProfile();
        }
    }

    private static DriverExecutionProfile programmatic(UnaryOperator<ProgrammaticDriverConfigLoaderBuilder> options) {
        try (DriverConfigLoader loader =
                options.apply(DriverConfigLoader.programmaticBuilder()).build()) {
            return loader.getInitialConfig().getDefaultProfile();
        }
    }

    @Test
    void givenOnlyBootstrapServers_whenRead_thenEveryOtherOptionHasItsDefault() {
        LoadAwarePolicySettings settings = LoadRankConfig.read(hocon("bootstrap-servers = \"kafka-1:9092\""));

        assertThat(settings.bootstrapServers()).isEqualTo("kafka-1:9092");
        assertThat(settings.topic()).isEqualTo("loadRankings");
        assertThat(settings.cluster()).as("unset: the driver's cluster name").isNull();
        assertThat(settings.balancer().maxAge()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.balancer().hotRatio()).isEqualTo(1.5);
        assertThat(settings.balancer().coolRatio()).isEqualTo(1.2);
        assertThat(settings.balancer().minHot()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.balancer().maxDemotedFraction()).isEqualTo(0.34);
        assertThat(settings.kafkaPropertiesFile()).isNull();
        assertThat(settings.kafkaProperties()).isEmpty();
    }

    @Test
    void givenEveryOption_whenRead_thenEachIsTaken() {
        LoadAwarePolicySettings settings = LoadRankConfig.read(hocon("""
                bootstrap-servers = "k1:9092,k2:9093"
                topic = rankings-eu
                cluster = "prod / eu"
                max-age = 30 seconds
                hot-ratio = 2
                cool-ratio = 1.1
                min-hot = 0
                max-demoted-fraction = 0.5
                kafka { "security.protocol" = SASL_SSL, sasl.mechanism = PLAIN, request.timeout.ms = 15000 }
                """));

        assertThat(settings.topic()).isEqualTo("rankings-eu");
        assertThat(settings.cluster()).isEqualTo("prod / eu");
        assertThat(settings.balancer().maxAge()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.balancer().hotRatio()).isEqualTo(2.0);
        assertThat(settings.balancer().coolRatio()).isEqualTo(1.1);
        assertThat(settings.balancer().minHot()).isEqualTo(Duration.ZERO);
        assertThat(settings.balancer().maxDemotedFraction()).isEqualTo(0.5);
        assertThat(settings.kafkaProperties())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "security.protocol", "SASL_SSL", "sasl.mechanism", "PLAIN", "request.timeout.ms", "15000"));
    }

    @ParameterizedTest(name = "given {0} = {1}, when read, then refused naming key, value and \"{2}\"")
    @CsvSource(
            delimiter = '|',
            value = {
                "bootstrap-servers     | \"\"            | host:port",
                "bootstrap-servers     | \"kafka-1\"     | host:port",
                "topic                 | \"a b\"         | Kafka topic name",
                "max-age               | 0               | greater than 0",
                "max-age               | \"soon\"        | a duration",
                "hot-ratio             | 1               | greater than 1",
                "hot-ratio             | \"hot\"         | greater than 1",
                "cool-ratio            | 0               | greater than 0",
                "cool-ratio            | 1.6             | at most hot-ratio",
                "min-hot               | -1 second       | 0 or more",
                "max-demoted-fraction  | 1               | less than 1",
                "max-demoted-fraction  | 0               | greater than 0",
            })
    void refusals(String key, String value, String allowed) {
        String block = "bootstrap-servers = \"kafka-1:9092\"\n" + key + " = " + value;

        assertThatThrownBy(() -> LoadRankConfig.read(hocon(block)))
                .isInstanceOf(InvalidLoadRankOptionException.class)
                .hasMessageContaining("advanced.loadrank." + key + " = ")
                .hasMessageContaining(allowed);
    }

    @Test
    void givenNoBootstrapServers_whenRead_thenRefusedNamingTheKey() {
        assertThatThrownBy(() -> LoadRankConfig.read(hocon("topic = x")))
                .isInstanceOf(InvalidLoadRankOptionException.class)
                .hasMessage("bad configuration: advanced.loadrank.bootstrap-servers = (missing); allowed: "
                        + LoadRankOption.BOOTSTRAP_SERVERS.allowed());
    }

    @Test
    void givenSettingsBuiltInCode_whenAppliedToAProgrammaticConfig_thenReadBackTheSame() {
        LoadAwarePolicySettings built = LoadAwarePolicySettings.builder()
                .bootstrapServers("k1:9092")
                .topic("r")
                .hotRatio(1.8)
                .coolRatio(1.3)
                .maxAge(Duration.ofSeconds(5))
                .minHot(Duration.ofSeconds(3))
                .maxDemotedFraction(0.25)
                .kafkaProperty("security.protocol", "SSL")
                .build();

        LoadAwarePolicySettings read = LoadRankConfig.read(programmatic(built::applyTo));

        assertThat(read).isEqualTo(built);
    }

    @Test
    void givenABadValueInCode_whenBuilt_thenRefusedNamingTheKey() {
        assertThatThrownBy(() -> LoadAwarePolicySettings.builder()
                        .bootstrapServers("k1:9092")
                        .maxDemotedFraction(1.5)
                        .build())
                .isInstanceOf(InvalidLoadRankOptionException.class)
                .hasMessageContaining("advanced.loadrank.max-demoted-fraction = '1.5'");
    }

    @Test
    void givenAPropertiesFileAndABlock_whenKafkaPropertiesAreMade_thenTheBlockWins(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("kafka.properties");
        Files.writeString(file, "security.protocol=SSL\nssl.truststore.location=/etc/ts.jks\n");
        LoadAwarePolicySettings settings =
                LoadRankConfig.read(hocon("bootstrap-servers = \"k:1\"\nkafka-properties-file = \"" + file
                        + "\"\nkafka { \"security.protocol\" = SASL_SSL }"));

        Properties properties = LoadRankConfig.kafkaProperties(settings);

        assertThat(properties)
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("ssl.truststore.location", "/etc/ts.jks");
    }

    @Test
    void givenAMissingPropertiesFile_whenKafkaPropertiesAreMade_thenRefusedNamingTheKey(@TempDir Path dir) {
        LoadAwarePolicySettings settings = LoadAwarePolicySettings.builder()
                .bootstrapServers("k:1")
                .kafkaPropertiesFile(dir.resolve("absent.properties").toString())
                .build();

        assertThatThrownBy(() -> LoadRankConfig.kafkaProperties(settings))
                .isInstanceOf(InvalidLoadRankOptionException.class)
                .hasMessageContaining(
                        "advanced.loadrank.kafka-properties-file = '" + dir.resolve("absent.properties") + "'");
    }
}
