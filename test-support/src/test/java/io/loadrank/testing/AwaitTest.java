package io.loadrank.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AwaitTest {

    private static final Duration SHORT = Duration.ofMillis(200);
    private static final Duration LONG = Duration.ofSeconds(10);

    @Test
    void givenAConditionThatBecomesTrue_whenAwaited_thenItReturnsAfterPollingAgain() {
        AtomicInteger polls = new AtomicInteger();

        Await.until(LONG, "the third poll", () -> polls.incrementAndGet() >= 3);

        assertThat(polls).hasValue(3);
    }

    @Test
    void givenAConditionThatNeverHolds_whenAwaited_thenItFailsNamingWhatItWaitedFor() {
        assertThatThrownBy(() -> Await.until(SHORT, "the moon to turn blue", () -> false))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("the moon to turn blue")
                .hasMessageContaining("PT0.2S");
    }

    @Test
    void givenAProbeThatYieldsAValue_whenAwaited_thenTheValueIsReturned() {
        AtomicInteger polls = new AtomicInteger();

        String value = Await.value(
                LONG, "a value", () -> polls.incrementAndGet() < 2 ? Optional.empty() : Optional.of("ready"));

        assertThat(value).isEqualTo("ready");
    }

    @Test
    void givenAProbeThatKeepsThrowing_whenTheDeadlinePasses_thenTheLastExceptionIsTheCause() {
        assertThatThrownBy(() -> Await.value(SHORT, "a broker", () -> {
                    throw new IllegalStateException("connection refused");
                }))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("a broker")
                .hasMessageContaining("connection refused")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void givenAProbeThatThrowsAtFirst_whenItLaterSucceeds_thenTheValueIsReturned() {
        AtomicInteger polls = new AtomicInteger();

        int value = Await.value(LONG, "a recovering probe", () -> {
            if (polls.incrementAndGet() < 3) {
                throw new IllegalStateException("not yet");
            }
            return Optional.of(polls.get());
        });

        assertThat(value).isEqualTo(3);
    }
}
