package io.loadrank.webview.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.alerts.AlertRecord;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A case is a list of events {@code "firing a"} and the ids expected active and recently resolved. */
class ActiveAlertsTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "given a firing event, then the alert is active", List.of("firing a"), List.of("a"), List.of()),
                Arguments.of(
                        "given firing then resolved, then it is resolved only",
                        List.of("firing a", "resolved a"),
                        List.of(),
                        List.of("a")),
                Arguments.of(
                        "given a second firing of the same alert, then it is active once",
                        List.of("firing a", "firing b", "firing a"),
                        List.of("b", "a"),
                        List.of()),
                Arguments.of(
                        "given a resolved event without its firing (read from the middle), then nothing is active",
                        List.of("resolved a"),
                        List.of(),
                        List.of("a")),
                Arguments.of(
                        "given more resolved alerts than kept, then the newest are kept",
                        List.of("resolved a", "resolved b", "resolved c"),
                        List.of(),
                        List.of("c", "b")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void givenEvents_whenApplied_thenActiveAndResolvedAreAsExpected(
            String name, List<String> events, List<String> active, List<String> resolved) {
        ActiveAlerts alerts = new ActiveAlerts(2);
        for (String event : events) {
            String[] parts = event.split(" ");
            alerts.apply(new AlertRecord(
                    parts[1], parts[0], "r", "score", parts[1], parts[1], null, null, 1.0, 2.0, 1, true, 1L, 1L, 1L,
                    "m"));
        }

        assertThat(alerts.active()).extracting(AlertRecord::id).isEqualTo(active);
        assertThat(alerts.recentlyResolved()).extracting(AlertRecord::id).isEqualTo(resolved);
    }
}
