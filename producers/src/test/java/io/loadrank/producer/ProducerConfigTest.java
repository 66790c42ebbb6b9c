package io.loadrank.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadrank.config.ConfigException;
import io.loadrank.config.Setting;
import io.loadrank.metric.Metric;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProducerConfigTest {

    @TempDir
    Path dir;

    private static ProducerConfig parse(String... args) throws ConfigException {
        return ProducerConfig.parse(List.of(args), Map.of(), () -> "db-1.example.org");
    }

    @Test
    void givenNoOptions_whenParsed_thenTheDocumentedDefaults() throws ConfigException {
        ProducerConfig config = parse();

        assertThat(config.host()).isEqualTo("db-1.example.org");
        assertThat(config.interval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.jmx().serviceUrl()).isEqualTo("service:jmx:rmi:///jndi/rmi://127.0.0.1:7199/jmxrmi");
        assertThat(config.jmx().username()).isNull();
        assertThat(config.jmx().ssl()).isFalse();
        assertThat(config.bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(config.acks()).isEqualTo("all");
        assertThat(config.memorySource()).isEqualTo(MemorySource.AUTO);
        for (Metric metric : Metric.values()) {
            assertThat(config.topic(metric)).isEqualTo(metric.defaultTopic());
        }
        assertThat(config.hostsTopic()).isEqualTo("hosts");
        assertThat(List.of(Metric.values()))
                .extracting(Metric::defaultTopic)
                .containsExactly("cpuLoad", "memLoad", "pendingTasks", "readLatency", "writeLatency");
    }

    @Test
    void an_empty_hosts_topic_turns_host_info_off() throws ConfigException {
        assertThat(parse("--topic.hosts=").hostsTopic()).isNull();
        assertThat(parse("--topic.hosts=dc-hosts").hostsTopic()).isEqualTo("dc-hosts");
    }

    @Test
    void command_line_wins_over_the_file_which_wins_over_defaults() throws Exception {
        // given
        Path file = dir.resolve("producer.properties");
        Files.writeString(file, "host=from-file\ninterval.ms=2000\ntopic.cpuLoad=cpu\n");

        // when
        ProducerConfig config = parse("--config", file.toString(), "--interval.ms=500", "--jmx.port", "7299");

        // then
        assertThat(config.host()).isEqualTo("from-file");
        assertThat(config.interval()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.jmx().port()).isEqualTo(7299);
        assertThat(config.topic(Metric.CPU_LOAD)).isEqualTo("cpu");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "jmx.port        | 0          | from 1 to 65535",
                "jmx.port        | 7199x      | from 1 to 65535",
                "interval.ms     | 50         | from 100 to 3600000",
                "jmx.timeout.ms  | -1         | from 100 to 600000",
                "jmx.ssl         | yes        | true or false",
                "kafka.acks      | some       | one of [all, -1, 1, 0]",
                "memory.source   | swap       | one of [auto, meminfo, mbean]",
                "host            | bad host!  | letters, digits",
                "topic.memLoad   | mem load   | Kafka topic name",
                "topic.hosts     | ../hosts   | Kafka topic name",
                "kafka.client.properties | /no/such/file | readable",
                "jmx.ssl.truststore | /no/such/file | readable file"
            })
    void refuses_a_bad_value_naming_the_key_the_value_and_what_is_allowed(String key, String value, String allowed) {
        assertThatThrownBy(() -> parse("--" + key + "=" + value))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(key + " = '" + value + "'")
                .hasMessageContaining(allowed);
    }

    @Test
    void refuses_unknown_keys_in_the_file_and_on_the_command_line() throws IOException {
        Path file = dir.resolve("typo.properties");
        Files.writeString(file, "jmx.prot=7199\n");
        assertThatThrownBy(() -> parse("--config", file.toString())).hasMessageContaining("unknown key 'jmx.prot'");
        assertThatThrownBy(() -> parse("--intervl=1")).hasMessageContaining("Unknown option: '--intervl=1'");
        assertThatThrownBy(() -> parse("stray")).hasMessageContaining("Unmatched argument at index 0: 'stray'");
        assertThatThrownBy(() -> parse("--config", dir.resolve("missing").toString()))
                .hasMessageContaining("config = '")
                .hasMessageContaining("readable properties file");
    }

    @Test
    void takes_the_jmx_password_from_a_file_or_else_from_the_named_environment_variable() throws Exception {
        // given
        Path secret = dir.resolve("jmx.password");
        Files.writeString(secret, "s3cret\n");

        // when
        ProducerConfig fromFile = parse("--jmx.username=monitor", "--jmx.password.file=" + secret);
        ProducerConfig fromEnv = ProducerConfig.parse(
                List.of("--jmx.username=monitor"), Map.of("LOADRANK_JMX_PASSWORD", "envpass"), () -> "h");

        // then
        assertThat(fromFile.jmx().password()).isEqualTo("s3cret");
        assertThat(fromEnv.jmx().password()).isEqualTo("envpass");
        assertThat(fromFile.toString()).doesNotContain("s3cret");
        assertThat(fromFile.jmx().toString()).contains("monitor").doesNotContain("s3cret");
    }

    @Test
    void a_username_without_any_password_is_a_config_error() {
        assertThatThrownBy(() -> parse("--jmx.username=monitor"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("jmx.password.file")
                .hasMessageContaining("LOADRANK_JMX_PASSWORD");
    }

    @Test
    void an_unusable_canonical_host_name_asks_for_host() {
        assertThatThrownBy(() -> ProducerConfig.parse(List.of(), Map.of(), () -> ""))
                .hasMessageContaining("host = ''")
                .hasMessageContaining("--host");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "localhost",
                "LOCALHOST",
                "localhost.localdomain",
                "localhost6",
                "127.0.0.1",
                "127.0.1.1",
                "::1",
                "0.0.0.0"
            })
    void a_canonical_host_name_that_every_machine_shares_is_refused_with_the_fix(String resolved) {
        assertThatThrownBy(() -> ProducerConfig.parse(List.of(), Map.of(), () -> resolved))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("host = '" + resolved + "'")
                .hasMessageContaining("--host NAME")
                .hasMessageContaining("/etc/hosts");
    }

    @Test
    void a_resolver_answering_localhost_ends_the_producer_with_code_2_and_the_fix() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ProducerCommand command = new ProducerCommand(Map.of(), () -> "localhost", config -> 0);

        int code = io.loadrank.cli.Cli.execute(
                command.commandLine(),
                new java.io.PrintWriter(System.out, true),
                new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("error: bad configuration: host = 'localhost'; allowed: a name of this machine");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"db-1.example.org", "vm", "10.1.2.3", "fe80::1", "localhostess"})
    void a_canonical_host_name_of_this_machine_is_taken(String resolved) {
        assertThat(ProducerConfig.parse(List.of(), Map.of(), () -> resolved).host())
                .isEqualTo(resolved);
    }

    @Test
    void an_explicit_host_is_taken_as_given_even_when_it_is_localhost() {
        assertThat(ProducerConfig.parse(List.of("--host=localhost"), Map.of(), () -> "localhost")
                        .host())
                .isEqualTo("localhost");
    }

    @Test
    void help_lists_every_key_with_its_default_and_exits_0() throws InterruptedException {
        // given
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        // when
        int code = ProducerMain.run(
                List.of("--help"), Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        // then
        // the help wraps long lines where the terminal ends
        String help = out.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        assertThat(code).isZero();
        for (Setting<?> key : ProducerSettings.ALL) {
            String defaultValue = ProducerSettings.commandLineDefault(key);
            assertThat(help).contains("--" + key.key() + "=VALUE ");
            assertThat(help).contains("(default: " + (defaultValue.isEmpty() ? "(empty)" : defaultValue) + ")");
        }
    }

    @Test
    void a_bad_config_exits_with_code_2_and_a_message_on_stderr() throws InterruptedException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ProducerMain.run(
                List.of("--jmx.port=x"), Map.of(), System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("jmx.port = 'x'");
    }

    @Test
    void the_example_properties_file_documents_every_key_and_parses() throws Exception {
        Path example = Path.of("producer.properties");
        String text = Files.readString(example);
        for (String key : ProducerSettings.ALL.stream().map(Setting::key).toList()) {
            assertThat(text)
                    .as("example documents %s", key)
                    .containsPattern("(?m)^#? ?" + key.replace(".", "\\.") + "=");
        }
        assertThat(parse("--config", example.toString())).isNotNull();
    }
}
