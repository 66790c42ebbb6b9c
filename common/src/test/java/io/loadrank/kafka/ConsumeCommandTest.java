package io.loadrank.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.cli.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** consume's line format and command line, up to where it would reach for a broker. */
class ConsumeCommandTest {

    @Test
    void a_record_is_printed_with_its_time_in_utc_its_key_and_its_value() {
        assertThat(ConsumeCommand.line(1_767_607_201_000L, "db-1", "db-1,41.5,1767607201000"))
                .isEqualTo("2026-01-05T10:00:01Z\tdb-1\tdb-1,41.5,1767607201000");
        assertThat(ConsumeCommand.line(0, null, null)).isEqualTo("1970-01-01T00:00:00Z\t(none)\t(none)");
    }

    @Test
    void bad_usage_exits_2_naming_the_option_and_the_value() {
        StringWriter err = new StringWriter();
        int code = Cli.execute(
                new ConsumeCommand(),
                new PrintWriter(new StringWriter()),
                new PrintWriter(err),
                "--bootstrap-server",
                "b:1",
                "--max",
                "-1",
                "t");

        assertThat(code).isEqualTo(Cli.EXIT_USAGE);
        assertThat(err.toString()).startsWith("error: --max = '-1'; allowed: a whole number");
    }
}
