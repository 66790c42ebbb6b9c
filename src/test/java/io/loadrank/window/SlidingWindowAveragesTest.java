package io.loadrank.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlidingWindowAveragesTest {

    private static final long WINDOW = 60_000;
    private static final long TOLERANCE = 5_000;
    private static final long T0 = 1_763_800_000_000L;

    private final SlidingWindowAverages window = new SlidingWindowAverages(WINDOW, TOLERANCE);

    private static List<HostAverage> sorted(WindowSnapshot snapshot) {
        return snapshot.averages().stream()
                .sorted(Comparator.comparing(HostAverage::host))
                .toList();
    }

    @Test
    void givenSamplesInTheWindow_whenSnapshotTaken_thenEachHostHasTheFloatingPointMean() {
        window.add("A", 1, T0, T0);
        window.add("A", 2, T0 + 1000, T0 + 1000);
        window.add("B", 7, T0 + 1000, T0 + 1000);

        WindowSnapshot snapshot = window.snapshot(T0 + 2000);

        assertThat(sorted(snapshot))
                .containsExactly(new HostAverage("A", 1.5, 2, T0 + 1000), new HostAverage("B", 7.0, 1, T0 + 1000));
    }

    @ParameterizedTest(name = "[{index}] at now = T0 + {0} ms the window holds {1} samples averaging {2}")
    @CsvSource({
        // samples at T0, T0+10s, ..., T0+50s with values 0, 10, ..., 50; the window is 60 s
        "50000, 6, 25",
        "60000, 5, 30", // T0 is exactly 60 s old: out (the window is now-60s exclusive .. now]
        "69999, 5, 30",
        "70000, 4, 35",
        "109999, 1, 50",
    })
    void givenTime_whenItPasses_thenTheWindowIsCutBySampleTimeNotByCount(long elapsed, int samples, double mean) {
        for (int i = 0; i <= 5; i++) {
            window.add("A", i * 10, T0 + i * 10_000L, T0 + i * 10_000L);
        }

        WindowSnapshot snapshot = window.snapshot(T0 + elapsed);

        assertThat(snapshot.averages()).singleElement().satisfies(average -> {
            assertThat(average.samples()).isEqualTo(samples);
            assertThat(average.average()).isEqualTo(mean);
        });
    }

    @Test
    void givenAHostReportingOnlyZeros_whenSnapshotTaken_thenItKeepsItsPlaceWithAverageZero() {
        for (int i = 0; i < 30; i++) {
            window.add("idle", 0, T0 + i * 1000L, T0 + i * 1000L);
        }

        WindowSnapshot snapshot = window.snapshot(T0 + 30_000);

        assertThat(snapshot.averages()).containsExactly(new HostAverage("idle", 0.0, 30, T0 + 29_000));
    }

    @Test
    void givenASilentHost_whenOneWindowPasses_thenItLeavesTheWindow() {
        window.add("gone", 5, T0, T0);
        window.add("alive", 5, T0, T0);

        window.add("alive", 5, T0 + WINDOW, T0 + WINDOW);
        WindowSnapshot stillThere = window.snapshot(T0 + WINDOW - 1);
        WindowSnapshot afterWindow = window.snapshot(T0 + WINDOW);

        assertThat(stillThere.averages()).extracting(HostAverage::host).containsExactlyInAnyOrder("gone", "alive");
        assertThat(afterWindow.averages()).extracting(HostAverage::host).containsExactly("alive");
        assertThat(window.hostCount()).isEqualTo(1);
    }

    @Test
    void givenTheSameSampleTwice_whenAdded_thenItIsCountedOnce() {
        assertThat(window.add("A", 10, T0, T0)).isEqualTo(SampleOutcome.ACCEPTED);
        assertThat(window.add("A", 20, T0 + 1000, T0 + 1000)).isEqualTo(SampleOutcome.ACCEPTED);

        assertThat(window.add("A", 10, T0, T0 + 1500)).isEqualTo(SampleOutcome.DUPLICATE);
        assertThat(window.add("A", 20, T0 + 1000, T0 + 1500)).isEqualTo(SampleOutcome.DUPLICATE);

        assertThat(window.snapshot(T0 + 2000).averages()).containsExactly(new HostAverage("A", 15, 2, T0 + 1000));
        assertThat(window.counters()).isEqualTo(new WindowCounters(2, 2, 0, 0));
    }

    @Test
    void givenSamplesOutOfOrder_whenAdded_thenTheyAreKeptInTimeOrderAndDeduplicated() {
        long now = T0 + 10_000;
        for (long offset : new long[] {5000, 1000, 3000, 9000, 2000, 3000, 1000}) {
            window.add("A", offset / 1000.0, T0 + offset, now);
        }

        WindowSnapshot snapshot = window.snapshot(now);

        assertThat(snapshot.averages()).containsExactly(new HostAverage("A", 4.0, 5, T0 + 9000));
        assertThat(window.counters().duplicates()).isEqualTo(2);
        // the oldest is expired first: proves the order is kept
        assertThat(window.snapshot(T0 + 1000 + WINDOW).averages())
                .containsExactly(new HostAverage("A", 4.75, 4, T0 + 9000));
    }

    @Test
    void givenASampleOlderThanTheWindow_whenAdded_thenItIsIgnoredAsLate() {
        window.add("A", 10, T0 + WINDOW, T0 + WINDOW);

        SampleOutcome outcome = window.add("A", 1000, T0, T0 + WINDOW);

        assertThat(outcome).isEqualTo(SampleOutcome.LATE);
        assertThat(window.snapshot(T0 + WINDOW).averages()).containsExactly(new HostAverage("A", 10, 1, T0 + WINDOW));
        assertThat(window.counters().late()).isEqualTo(1);
    }

    @Test
    void givenASampleFurtherAheadThanTheTolerance_whenAdded_thenItIsIgnoredAsEarly() {
        assertThat(window.add("A", 1, T0 + TOLERANCE, T0)).isEqualTo(SampleOutcome.ACCEPTED);
        assertThat(window.add("A", 1, T0 + TOLERANCE + 1, T0)).isEqualTo(SampleOutcome.EARLY);
        assertThat(window.counters().early()).isEqualTo(1);
    }

    @Test
    void givenAHostWhoseSamplesKeepFallingOutside_whenAdded_thenItIsReportedOnceAsAClockSuspect() {
        window.add("good", 1, T0, T0);
        for (int i = 0; i < 2 * SlidingWindowAverages.SUSPECT_STREAK; i++) {
            window.add("skewed", 1, T0 - 3_600_000, T0);
            window.add("good", 1, T0 - 3_600_000, T0); // an occasional late sample is no streak...
            window.add("good", 1, T0 + i + 1, T0); // ...when good samples come in between
        }

        assertThat(window.drainNewClockSuspects()).containsExactly("skewed");
        assertThat(window.drainNewClockSuspects()).isEmpty();
    }

    @Test
    void givenAYoungTopic_whenSnapshotTaken_thenTheCoveredLengthIsTheHistoryThatExists() {
        assertThat(window.snapshot(T0).coveredMillis()).isZero();
        window.add("A", 1, T0, T0);

        assertThat(window.snapshot(T0 + 20_000).coveredMillis()).isEqualTo(20_000);
        assertThat(window.snapshot(T0 + 600_000).coveredMillis()).isEqualTo(WINDOW);
    }

    @Test
    void givenManySamplesForOneHost_whenTheRingGrows_thenNothingIsLost() {
        for (int i = 0; i < 1000; i++) {
            window.add("A", i, T0 + i * 50L, T0 + i * 50L);
        }

        WindowSnapshot snapshot = window.snapshot(T0 + 999 * 50L);

        assertThat(snapshot.averages()).containsExactly(new HostAverage("A", 499.5, 1000, T0 + 999 * 50L));
    }

    @Test
    void givenABadWindowLength_whenCreated_thenItIsRefused() {
        assertThatThrownBy(() -> new SlidingWindowAverages(0, 0)).hasMessageContaining("window must be positive");
        assertThatThrownBy(() -> new SlidingWindowAverages(1, -1)).hasMessageContaining("tolerance");
    }
}
