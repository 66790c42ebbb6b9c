package io.loadrank.producer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What the log adds to the outage tracker (tested in common): a line at the begin and one at the end. */
class OutageLogTest {

    private final OutageLog outage = new OutageLog(LoggerFactory.getLogger(OutageLogTest.class), "test dependency");

    @Test
    void givenADependencyDownForSeveralPolls_whenItRecovers_thenItLoggedOnceWhenDownAndOnceWhenUp() {
        boolean[] logged = {
            outage.failed(1_000, "refused"), outage.failed(2_000, "timeout"), outage.succeeded(3_000, "detail")
        };

        assertThat(logged).containsExactly(true, false, true);
        assertThat(outage.isDown()).isFalse();
        assertThat(outage.outages()).isEqualTo(1);
    }

    @Test
    void givenADependencyUp_whenAPollSucceeds_thenNothingIsLogged() {
        boolean logged = outage.succeeded(0, "");

        assertThat(logged).isFalse();
        assertThat(outage.isDown()).isFalse();
    }
}
