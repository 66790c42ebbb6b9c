package io.loadrank.balancer.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.cli.Cli;
import io.loadrank.testing.CommandLineRun;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command lines of the steer demo's programs, up to the point where they would connect. */
class DemoCommandLineTest {

    private static final String CLUSTER = "--contact-points 127.0.0.1:9042,127.0.0.2:9042 --datacenter dc1 ";

    @Test
    void givenHelp_whenEitherProgramRuns_thenExit0WithEveryOptionAndItsDefault() {
        String steer = CommandLineRun.of(new SteerDemo(), "--help").out().replaceAll("\\s+", " ");
        String load = CommandLineRun.of(new WriteLoad.Command(), "--help").out().replaceAll("\\s+", " ");

        assertThat(steer)
                .contains("--contact-points=", "--datacenter=DC", "--bootstrap-servers=", "(default: loadRankings)")
                .contains("(default: steer_demo)", "--every=SECONDS", "(default: 2)");
        assertThat(load).contains("--contact-points=", "--node=HOST:PORT", "(default: 32)", "(default: steer_demo)");
    }

    @Test
    void givenTheOptionsOfTheScript_whenParsed_thenTheAddressesAndDefaultsAreRead() {
        SteerDemo steer =
                Cli.parse(new SteerDemo(), (CLUSTER + "--bootstrap-servers 127.0.0.1:9092 --topic ranks").split(" "));
        WriteLoad.Command load =
                Cli.parse(new WriteLoad.Command(), (CLUSTER + "--node 127.0.0.2:9042 --in-flight 64").split(" "));

        assertThat(steer.cluster.contactPoints)
                .containsExactly(new InetSocketAddress("127.0.0.1", 9042), new InetSocketAddress("127.0.0.2", 9042));
        assertThat(steer.cluster.keyspace).isEqualTo("steer_demo");
        assertThat(steer.topic).isEqualTo("ranks");
        assertThat(steer.everySeconds).isEqualTo(2);
        assertThat(load.node).isEqualTo(List.of(new InetSocketAddress("127.0.0.2", 9042)));
        assertThat(load.inFlight).isEqualTo(64);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "--datacenter dc1 --bootstrap-servers k:9092               | error: Missing required option: '--contact-points=",
                "--contact-points db1 --datacenter dc1 --bootstrap-servers k:9092 | --contact-points = 'db1'; allowed: host:port[,host:port...]",
                "--contact-points db1:9042 --datacenter dc1 --bootstrap-servers k:9092 --every 0 | error: --every = '0'; allowed: a whole number from 1 to 60",
                "--contact-points db1:9042 --datacenter dc1 --bootstrap-servers k:9092 --port=1 | error: Unknown option: '--port=1'",
            })
    void givenBadUsage_whenTheSteerDemoRuns_thenExit2WithOneErrorLineAndAPointerToHelp(String args, String error) {
        CommandLineRun run = CommandLineRun.of(new SteerDemo(), args.split(" "));

        assertThat(run.exitCode()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(run.errLines()).hasSize(2);
        assertThat(run.errLines().get(0)).contains(error);
        assertThat(run.errLines().get(1)).isEqualTo("try --help");
    }

    @Test
    void givenTooManyWritesInFlight_whenTheWriteLoadRuns_thenExit2NamingTheOption() {
        CommandLineRun run =
                CommandLineRun.of(new WriteLoad.Command(), (CLUSTER + "--node db2:9042 --in-flight 5000").split(" "));

        assertThat(run.exitCode()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(run.errLines().get(0))
                .isEqualTo("error: --in-flight = '5000'; allowed: a whole number from 1 to 1024");
    }
}
