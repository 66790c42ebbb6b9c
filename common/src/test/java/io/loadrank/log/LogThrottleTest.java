package io.loadrank.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogThrottleTest {

    @Test
    void givenAFloodOfLines_whenThrottled_thenOnePerIntervalPassesWithTheCountHeldBack() {
        LogThrottle throttle = new LogThrottle(10_000);

        assertThat(throttle.tryAcquire(0)).isZero();
        assertThat(throttle.tryAcquire(1)).isEqualTo(-1);
        assertThat(throttle.tryAcquire(9_999)).isEqualTo(-1);
        assertThat(throttle.tryAcquire(10_000)).isEqualTo(2);
        assertThat(throttle.tryAcquire(25_000)).isZero();
    }
}
