package io.loadrank.producer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class OutageLogTest {

    @Test
    void logs_once_when_an_outage_begins_and_once_when_it_ends() {
        // given
        OutageLog outage = new OutageLog(LoggerFactory.getLogger(OutageLogTest.class), "test dependency");

        // when / then
        assertThat(outage.succeeded(0, "")).as("up while up: silent").isFalse();
        assertThat(outage.failed(1_000, "refused")).as("first failure").isTrue();
        assertThat(outage.failed(2_000, "refused")).as("still down").isFalse();
        assertThat(outage.failed(3_000, "timeout"))
                .as("still down, other reason")
                .isFalse();
        assertThat(outage.isDown()).isTrue();
        assertThat(outage.succeeded(4_000, "")).as("recovered").isTrue();
        assertThat(outage.succeeded(5_000, "")).isFalse();
        assertThat(outage.failed(6_000, "refused")).as("a second outage").isTrue();
        assertThat(outage.outages()).isEqualTo(2);
    }
}
