package io.loadrank.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RankingRoundTest {

    private static final long EMIT = 2_000;
    private static final long FIRST_WAIT = 62_000;

    @Test
    void givenNoReport_whenTheTickComes_thenNothingIsLate() {
        RankingRound round = new RankingRound(EMIT, FIRST_WAIT);

        assertThat(round.isLate(1_000_000)).isFalse();
    }

    @ParameterizedTest(name = "first round, report at {0}, tick at {1}: late {2}")
    @CsvSource({
        "1000, 1000,  false",
        "1000, 62999, false",
        "1000, 63000, true",
        "1000, 90000, true",
    })
    void givenTheFirstRound_whenAReportIsMissing_thenItIsLateOnlyAfterTheReadBackWait(
            long reportAt, long tickAt, boolean late) {
        RankingRound round = new RankingRound(EMIT, FIRST_WAIT);

        round.reported(reportAt);

        assertThat(round.isLate(tickAt)).isEqualTo(late);
    }

    @ParameterizedTest(name = "later round opened at {0}, second report at {1}, tick at {2}: late {3}")
    @CsvSource({
        "100000, 100500, 101999, false",
        "100000, 101500, 102000, true", // counted from the opening, not from the last report
        "100000, 100000, 105000, true",
    })
    void givenALaterRound_whenAReportIsMissing_thenItIsLateOneEmitAfterTheRoundOpened(
            long openedAt, long secondAt, long tickAt, boolean late) {
        RankingRound round = new RankingRound(EMIT, FIRST_WAIT);
        round.reported(0);
        round.published();

        round.reported(openedAt);
        round.reported(secondAt);

        assertThat(round.isLate(tickAt)).isEqualTo(late);
    }

    @Test
    void givenAPublishedRound_whenNoNewReportCame_thenTheTickPublishesNothing() {
        RankingRound round = new RankingRound(EMIT, FIRST_WAIT);
        round.reported(0);
        round.published();

        assertThat(round.isLate(1_000_000)).isFalse();
    }

    @ParameterizedTest(name = "published at {0}, next round complete at {1}: too soon {2}")
    @CsvSource({
        // emit 2 s: a round completing less than half an emit after the last publication waits
        "100000, 100000, true",
        "100000, 100999, true",
        "100000, 101000, false",
        "100000, 102000, false",
    })
    void givenACompleteRound_whenItCompletesRightAfterAPublication_thenItIsTooSoon(
            long publishedAt, long completeAt, boolean tooSoon) {
        RankingRound round = new RankingRound(EMIT, FIRST_WAIT);
        round.reported(publishedAt - 10);
        round.published(publishedAt);
        round.reported(completeAt);

        assertThat(round.tooSoon(completeAt)).isEqualTo(tooSoon);
    }

    @Test
    void givenNothingPublishedYet_whenTheFirstRoundCompletes_thenItIsNotTooSoon() {
        RankingRound round = new RankingRound(EMIT, FIRST_WAIT);
        round.reported(0);

        assertThat(round.tooSoon(0)).isFalse();
    }
}
