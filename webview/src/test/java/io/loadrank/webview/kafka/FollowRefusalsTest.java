package io.loadrank.webview.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** What proves a refusal over (logging it once is the outage tracker's, tested in common). */
class FollowRefusalsTest {

    private static final String RANKINGS_REFUSED =
            "not authorized to READ topic loadRankings on Kafka at 127.0.0.1:9093";
    private static final String CREDENTIALS_REFUSED = "Kafka at 127.0.0.1:9093 refused the credentials";

    private final FollowRefusals refusals = new FollowRefusals();

    @Test
    void givenARefusedTopic_whenOnlyRecordsOfAnotherTopicArrive_thenTheRefusalIsNotOver() {
        refusals.refused(RANKINGS_REFUSED, Set.of("loadRankings"));

        assertThat(refusals.answered(Set.of("loadAlerts"))).isEmpty();
        assertThat(refusals.answered(Set.of())).isEmpty();
        assertThat(refusals.isEmpty()).isFalse();
        // and it is still logged once: the outage goes on
        assertThat(refusals.refused(RANKINGS_REFUSED, Set.of("loadRankings"))).isFalse();
    }

    @Test
    void givenARefusedTopic_whenItsRecordsArrive_thenTheRefusalIsOverOnceAndANewOneIsNewAgain() {
        refusals.refused(RANKINGS_REFUSED, Set.of("loadRankings"));

        assertThat(refusals.answered(Set.of("loadRankings", "loadAlerts"))).containsExactly(RANKINGS_REFUSED);
        assertThat(refusals.answered(Set.of("loadRankings"))).isEmpty();
        assertThat(refusals.isEmpty()).isTrue();
        assertThat(refusals.refused(RANKINGS_REFUSED, Set.of("loadRankings"))).isTrue();
    }

    @Test
    void givenARefusalNamingNoTopic_whenRecordsOfAnyTopicArrive_thenItIsOver() {
        refusals.refused(CREDENTIALS_REFUSED, Set.of());
        refusals.refused(RANKINGS_REFUSED, Set.of("loadRankings"));

        assertThat(refusals.answered(Set.of("loadAlerts"))).containsExactly(CREDENTIALS_REFUSED);
        assertThat(refusals.isEmpty()).isFalse();
    }
}
