package io.loadrank.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doubles_up_to_the_maximum_and_starts_again_after_a_success() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10));
        assertThat(new long[] {backoff.failed(), backoff.failed(), backoff.failed(), backoff.failed(), backoff.failed()
                })
                .containsExactly(1_000, 2_000, 4_000, 8_000, 10_000);
        backoff.succeeded();
        assertThat(backoff.failed()).isEqualTo(1_000);
    }
}
