package io.loadrank.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IsoInstantsTest {

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource({
        "1763806502000, 2025-11-22T10:15:02Z",
        "1763806502001, 2025-11-22T10:15:02.001Z",
        "1763806502010, 2025-11-22T10:15:02.010Z",
        "1763806502250, 2025-11-22T10:15:02.250Z",
        "1763806502999, 2025-11-22T10:15:02.999Z",
        "0, 1970-01-01T00:00:00Z",
        "-1, 1969-12-31T23:59:59.999Z",
        "253402300800000, +10000-01-01T00:00:00Z",
    })
    void givenEpochMillis_whenFormatted_thenTheTextIsInstantToString(long millis, String expected) {
        assertThat(new IsoInstants().format(millis))
                .isEqualTo(expected)
                .isEqualTo(Instant.ofEpochMilli(millis).toString());
    }

    @Test
    void givenTimesInAndAcrossSeconds_whenFormattedInAnyOrder_thenEachIsInstantToString() {
        IsoInstants instants = new IsoInstants();
        long base = 1_763_806_502_000L;
        // base and base + 64 s share a cache slot, so they take turns in it
        long[] times = {
            base,
            base + 999,
            base + 1000,
            base - 1,
            base + 17,
            base + 86_400_000,
            base + 5,
            base + 64_000,
            base + 3,
            base + 64_250
        };

        for (long time : times) {
            assertThat(instants.format(time))
                    .as("time %d", time)
                    .isEqualTo(Instant.ofEpochMilli(time).toString());
        }
    }
}
