package io.loadrank.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import io.loadrank.alert.AlertEvent;
import io.loadrank.alert.AlertKind;
import io.loadrank.alerts.AlertRecord;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The alerts topic's record as written is the shared {@link AlertRecord} a reader gets back. */
class AlertJsonTest {

    private static final AlertKind KIND =
            Arrays.stream(AlertKind.values()).findFirst().orElseThrow();

    @Test
    void givenAFiringEvent_whenWrittenAndReadBack_thenTheReaderGetsItsRecord() {
        AlertEvent event = event(2.5);

        AlertRecord read = new Gson().fromJson(AlertJson.event(event), AlertRecord.class);

        assertThat(read).isEqualTo(AlertJson.record(event));
        assertThat(read.firing()).isTrue();
        assertThat(read.isComplete()).isTrue();
    }

    @Test
    void givenAnEventWithoutThreshold_whenWrittenAndReadBack_thenTheThresholdIsNull() {
        AlertRecord read = new Gson().fromJson(AlertJson.event(event(Double.NaN)), AlertRecord.class);

        assertThat(read.threshold()).isNull();
        assertThat(read).isEqualTo(AlertJson.record(event(Double.NaN)));
    }

    private static AlertEvent event(double threshold) {
        return new AlertEvent(
                "hot/cass-1",
                AlertEvent.State.FIRING,
                "hot",
                KIND,
                "cass-1",
                "cass-1",
                "eu-west",
                "cpuLoad",
                threshold,
                3.25,
                1_000L,
                2_000L,
                2,
                true,
                3_000L,
                "cass-1 is hot");
    }
}
