package io.loadrank.producer.hostinfo;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.hostinfo.HostInfo;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostInfoScheduleTest {

    private static final HostInfo EU = new HostInfo("h", "eu-west", "r1", null, null, null);
    private static final HostInfo EU_R2 = new HostInfo("h", "eu-west", "r2", null, null, null);

    /**
     * A run of polls, one per step: {@code millis/connection/info} where info is {@code eu},
     * {@code eu2} (another rack) or {@code none} (the node did not say). Expected: for each step,
     * {@code -} not read, {@code r} read but not sent, {@code S} read and sent.
     */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "start: read and sent at once                  | 0/1/eu                                  | S",
                "polls in between are not read                 | 0/1/eu 1000/1/eu 9999/1/eu              | S - -",
                "read every 10 s, not sent while unchanged     | 0/1/eu 10000/1/eu 20000/1/eu            | S r r",
                "sent again every 60 s                         | 0/1/eu 10000/1/eu 50000/1/eu 60000/1/eu | S r r S",
                "a change is sent at the next read             | 0/1/eu 10000/1/eu2 20000/1/eu2          | S S r",
                "after a reconnect: read and sent at once      | 0/1/eu 1000/2/eu 2000/2/eu              | S S -",
                "a node that does not say: nothing sent        | 0/1/none 10000/1/none                   | r r",
                "first answer after silence is sent            | 0/1/none 10000/1/eu                     | r S",
                "a reconnect to a silent node: read, not sent  | 0/1/eu 1000/2/none 11000/2/eu           | S r S",
            })
    void givenAPollSequence_whenScheduled_thenReadsAndSendsHappenAsSpecified(
            String what, String steps, String expected) {
        HostInfoSchedule schedule = new HostInfoSchedule(Duration.ofSeconds(10), Duration.ofSeconds(60));
        StringBuilder actual = new StringBuilder();
        for (String step : steps.trim().split(" +")) {
            String[] parts = step.split("/");
            long now = Long.parseLong(parts[0]);
            long connection = Long.parseLong(parts[1]);
            HostInfo info = switch (parts[2]) {
                case "eu" -> EU;
                case "eu2" -> EU_R2;
                default -> null;
            };
            if (actual.length() > 0) {
                actual.append(' ');
            }
            if (!schedule.readDue(connection, now)) {
                actual.append('-');
            } else {
                actual.append(schedule.sendDue(info, connection, now) ? 'S' : 'r');
            }
        }

        assertThat(actual.toString()).as(what).isEqualTo(expected.trim());
    }
}
