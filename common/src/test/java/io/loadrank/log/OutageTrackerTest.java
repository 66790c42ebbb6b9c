package io.loadrank.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One outage, one begin, one end: each row is a series of failures and successes of keys, one a second
 * from 0 s, and what each of them tells the log.
 */
class OutageTrackerTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # given a single dependency, when it fails, fails again and recovers, then one begin and one end
            fail a; fail a; fail a; ok a                 | BEGINS; AGAIN; AGAIN; ended after 3 s, 3 failures
            # given nothing failing, when a key succeeds, then nothing is said
            ok a; fail a; ok a; ok a                     | -; BEGINS; ended after 1 s, 1 failures; -
            # given an outage that ended, when the key fails again, then a second outage begins, its count anew
            fail a; ok a; fail a; fail a; ok a           | BEGINS; ended after 1 s, 1 failures; BEGINS; AGAIN; ended after 2 s, 2 failures
            # given several keys failing, when all but one succeed, then the outage goes on until the last
            fail a; fail b; fail a; ok a; ok b           | BEGINS; NEW_KEY; AGAIN; -; ended after 4 s, 3 failures
            # given one key that keeps failing while others succeed, then it is one outage, not a line each time
            fail a; ok b; fail a; ok b; fail a           | BEGINS; -; AGAIN; -; AGAIN
            # given a key that recovered while others fail, when it fails again, then it is new in the outage
            fail a; fail b; ok a; fail a; ok a; ok b     | BEGINS; NEW_KEY; -; NEW_KEY; -; ended after 5 s, 3 failures
            """)
    void givenFailuresAndSuccesses_whenTracked_thenEachOutageIsToldOnceWhenItBeginsAndOnceWhenItEnds(
            String steps, String expected) {
        OutageTracker<String> outage = new OutageTracker<>();
        List<String> told = new ArrayList<>();
        long now = 0;
        for (String step : steps.split(";")) {
            String[] words = step.trim().split(" ");
            if (words[0].equals("fail")) {
                told.add(outage.failed(words[1], now).name());
            } else {
                told.add(outage.succeeded(words[1], now)
                        .map(end -> "ended after " + end.seconds() + " s, " + end.failures() + " failures")
                        .orElse("-"));
            }
            now += 1_000;
        }
        assertThat(String.join("; ", told)).isEqualTo(expected.trim());
    }

    @ParameterizedTest(name = "recovering {0}")
    @CsvSource(delimiter = '|', textBlock = """
            # given keys x1, y1, x2 failing in that order, when those a predicate accepts recover, then they
            # come back in the order they failed, and the outage ends only when none is left
            x   | x1, x2 | going on
            y   | y1     | going on
            1   | x1, y1 | going on
            ''  | x1, y1, x2 | ended
            z   | ''     | going on
            """)
    void givenFailingKeys_whenThoseAPredicateAcceptsRecover_thenTheyAreToldInTheOrderTheyFailed(
            String contained, String recovered, String state) {
        OutageTracker<String> outage = new OutageTracker<>();
        outage.failed("x1", 0);
        outage.failed("y1", 1_000);
        outage.failed("x2", 2_000);

        OutageTracker.Recovery<String> recovery = outage.recovered(key -> key.contains(contained), 3_000);

        assertThat(String.join(", ", recovery.keys())).isEqualTo(recovered);
        assertThat(recovery.ended().isPresent() ? "ended" : "going on").isEqualTo(state);
        assertThat(outage.ongoing()).isEqualTo(state.equals("going on"));
    }

    @ParameterizedTest(name = "{0} outages")
    @CsvSource({"0", "1", "3"})
    void givenOutagesThatBeganAndEnded_whenCounted_thenEachIsCountedOnce(int outages) {
        OutageTracker<String> outage = new OutageTracker<>();
        for (int i = 0; i < outages; i++) {
            outage.failed("a", i);
            outage.failed("a", i);
            outage.succeeded("a", i);
        }

        assertThat(outage.outages()).isEqualTo(outages);
        assertThat(outage.ongoing()).isFalse();
    }
}
