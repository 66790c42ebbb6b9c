package io.loadrank.webview.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecordParserTest {

    @Test
    void givenAlertEvents_whenParsed_thenOnlyFiringOrResolvedWithAnIdAreTaken() {
        RecordParser parser = new RecordParser();

        assertThat(parser.alert("{\"id\":\"hot/A\",\"state\":\"firing\",\"occurrences\":2}"))
                .hasValueSatisfying(alert -> {
                    assertThat(alert.firing()).isTrue();
                    assertThat(alert.occurrences()).isEqualTo(2);
                });
        assertThat(parser.alert("{\"id\":\"hot/A\",\"state\":\"resolved\"}")).isPresent();
        assertThat(parser.alert("{\"id\":\"hot/A\",\"state\":\"maybe\"}")).isEmpty();
        assertThat(parser.alert("{\"state\":\"firing\"}")).isEmpty();
        assertThat(parser.alert("nonsense")).isEmpty();
        assertThat(parser.badAlerts()).isEqualTo(3);
    }
}
