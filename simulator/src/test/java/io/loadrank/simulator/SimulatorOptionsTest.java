package io.loadrank.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadrank.cli.UsageException;
import io.loadrank.metric.Metric;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimulatorOptionsTest {

    @Test
    void defaults_are_twelve_hosts_at_one_hertz_until_stopped() {
        SimulatorOptions options = SimulatorOptions.parse();

        assertThat(options.hosts()).isEqualTo(12);
        assertThat(options.rateHz()).isEqualTo(1.0);
        assertThat(options.durationSeconds()).isZero();
        assertThat(options.startTimeMillis()).as("start now").isEmpty();
        assertThat(options.seed()).isEqualTo(42);
        assertThat(options.bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(options.topics())
                .containsExactly("cpuLoad", "memLoad", "pendingTasks", "readLatency", "writeLatency");
        assertThat(options.hostsTopic()).isEqualTo("hosts");
        assertThat(SimulatorOptions.parse("--hosts-topic", "").hostsTopic()).isNull();
        assertThatThrownBy(() -> SimulatorOptions.parse("--hosts-topic", "a/b"))
                .hasMessageContaining("--hosts-topic")
                .hasMessageContaining("a/b");
        assertThat(options.maxSpeed()).isFalse();
        assertThat(options.spread()).isFalse();
        assertThat(options.compression()).isEqualTo("lz4");
    }

    @Test
    void givenSpread_whenParsed_thenOnAlone_andRefusedWithMaxSpeedNamingTheOption() {
        assertThat(SimulatorOptions.parse("--spread").spread()).isTrue();
        assertThat(SimulatorOptions.parse("--spread=off").spread()).isFalse();
        assertThatThrownBy(() -> SimulatorOptions.parse("--spread", "--max-speed"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--spread = 'on'")
                .hasMessageContaining("off with --max-speed");
    }

    @Test
    void options_take_their_value_after_a_space_or_an_equals_sign() {
        SimulatorOptions options = SimulatorOptions.parse(
                "--hosts",
                "100000",
                "--rate=2.5",
                "--duration",
                "30",
                "--seed=-7",
                "--bootstrap-servers",
                "127.0.0.1:19092",
                "--max-speed",
                "--topics",
                "a,b,c,d,e",
                "--compression=none",
                "--start-time",
                "1763800000000");

        assertThat(options.hosts()).isEqualTo(100_000);
        assertThat(options.rateHz()).isEqualTo(2.5);
        assertThat(options.durationSeconds()).isEqualTo(30);
        assertThat(options.seed()).isEqualTo(-7);
        assertThat(options.bootstrapServers()).isEqualTo("127.0.0.1:19092");
        assertThat(options.maxSpeed()).isTrue();
        assertThat(options.topics()).isEqualTo(List.of("a", "b", "c", "d", "e"));
        assertThat(options.topic(Metric.READ_LATENCY)).isEqualTo("d");
        assertThat(options.compression()).isEqualTo("none");
        assertThat(options.startTimeMillis()).hasValue(1_763_800_000_000L);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "--hosts       | 0         | --hosts = '0'; allowed: a whole number from 1",
                "--hosts       | many      | --hosts = 'many'; allowed: a whole number",
                "--rate        | 0         | --rate = '0'; allowed: a number of rounds per second",
                "--duration    | -1        | --duration = '-1'; allowed: a whole number from 0",
                "--topics      | a,b       | --topics = 'a,b'; allowed: five Kafka topic names",
                "--compression | brotli    | --compression = 'brotli'; allowed: one of",
                "--acks        | 2         | --acks = '2'; allowed: one of",
                "--batch-size  | 10        | --batch-size = '10'; allowed: a whole number from 1024",
                "--start-time  | yesterday | --start-time = 'yesterday'; allowed: a whole number from 1000000000000",
                "--start-time  | 1763800000| --start-time = '1763800000'; allowed: a whole number from 1000000000000 to 9999999999999",
                "--start-time  | -1        | --start-time = '-1'; allowed: a whole number from 1000000000000",
            })
    void a_bad_value_is_refused_naming_the_option_the_value_and_what_is_allowed(
            String option, String value, String message) {
        assertThatThrownBy(() -> SimulatorOptions.parse(option, value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void an_unknown_option_or_a_missing_value_is_refused() {
        assertThatThrownBy(() -> SimulatorOptions.parse("--host", "3"))
                .hasMessageContaining("Unknown option")
                .hasMessageContaining("'--host'");
        assertThatThrownBy(() -> SimulatorOptions.parse("--hosts"))
                .hasMessageContaining("Missing required parameter for option '--hosts'");
    }

    @Test
    void help_lists_every_option_with_its_default() {
        assertThat(SimulatorOptions.parse("--help").help()).isTrue();
        assertThat(SimulatorOptions.parse("-h").help()).isTrue();
        // the help wraps long lines where the terminal ends
        assertThat(SimulatorOptions.usage().replaceAll("\\s+", " "))
                .contains(
                        "--hosts=N",
                        "(default: 12)",
                        "--rate=HZ",
                        "(default: 1)",
                        "--duration=SECONDS",
                        "--start-time=EPOCH_MS",
                        "(default: now)",
                        "--seed=N",
                        "(default: 42)",
                        "--bootstrap-servers=HOST:PORT",
                        "(default: 127.0.0.1:9092)",
                        "--topics=T1,T2,T3,T4,T5",
                        "(default: cpuLoad,",
                        "memLoad,pendingTasks,readLatency,writeLatency)",
                        "--max-speed",
                        "--spread",
                        "--help");
    }

    @Test
    void givenKafkaPropertiesWithASecret_whenParsed_thenTheyAreReadAndShownHidden(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("client.properties");
        Files.writeString(
                file,
                "security.protocol=SASL_SSL\nsasl.jaas.config=ScramLoginModule required username=\"p\" password=\"hunter2\";\n");

        SimulatorOptions options = SimulatorOptions.parse("--kafka-properties", file.toString());

        assertThat(options.kafkaProperties()).containsEntry("security.protocol", "SASL_SSL");
        assertThat(KafkaMessageSender.producerProperties(options)).containsEntry("security.protocol", "SASL_SSL");
        assertThat(options.kafkaPropertiesShown())
                .isEqualTo("{sasl.jaas.config=(hidden), security.protocol=SASL_SSL}")
                .doesNotContain("hunter2");
    }

    @Test
    void givenAMissingKafkaPropertiesFile_whenParsed_thenRefusedNamingTheOption(@TempDir Path dir) {
        String missing = dir.resolve("nope.properties").toString();

        assertThatThrownBy(() -> SimulatorOptions.parse("--kafka-properties", missing))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--kafka-properties")
                .hasMessageContaining(missing)
                .hasMessageContaining("a readable Java properties file of Kafka client properties");
    }

    @Test
    void givenHelp_whenPrinted_thenTheConfigProviderExampleIsShownLiterally() {
        assertThat(SimulatorOptions.usage().replaceAll("\\s+", " "))
                .contains("--kafka-properties=FILE", "e.g. ${file:/path:");
    }
}
