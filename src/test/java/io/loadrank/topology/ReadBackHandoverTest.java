package io.loadrank.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The read-back stops only where the KafkaSpout of this topology has taken over, in every partition. */
class ReadBackHandoverTest {

    private static final String TOPOLOGY = "loadrank-7-1764749000";
    private static final TopicPartition P0 = new TopicPartition("cpuLoad", 0);
    private static final TopicPartition P1 = new TopicPartition("cpuLoad", 1);

    private static OffsetAndMetadata commit(long offset, String topology) {
        return new OffsetAndMetadata(offset, "{\"topologyId\":\"" + topology + "\",\"taskId\":4,\"threadName\":\"t\"}");
    }

    @Test
    void givenTheSpoutCommittedInEveryPartition_whenTheReadBackReachedThoseOffsets_thenItMayStop() {
        assertThat(ReadBackHandover.reachedSpoutStart(
                        Map.of(P0, 120L, P1, 7L), Map.of(P0, commit(120, TOPOLOGY), P1, commit(5, TOPOLOGY)), TOPOLOGY))
                .isTrue();
    }

    @Test
    void givenTheReadBackBehindACommit_thenItGoesOn() {
        assertThat(ReadBackHandover.reachedSpoutStart(
                        Map.of(P0, 119L, P1, 7L), Map.of(P0, commit(120, TOPOLOGY), P1, commit(5, TOPOLOGY)), TOPOLOGY))
                .isFalse();
    }

    @Test
    void givenNoCommitYetInAPartition_becauseTheSpoutHasNotStarted_thenItGoesOn() {
        assertThat(ReadBackHandover.reachedSpoutStart(
                        Map.of(P0, 500L, P1, 500L), Map.of(P0, commit(120, TOPOLOGY)), TOPOLOGY))
                .isFalse();
        assertThat(ReadBackHandover.reachedSpoutStart(Map.of(P0, 500L), null, TOPOLOGY))
                .isFalse();
    }

    @Test
    void givenCommitsOfAnEarlierTopologyOfTheSameGroup_thenTheyDoNotCount() {
        assertThat(ReadBackHandover.reachedSpoutStart(
                        Map.of(P0, 500L), Map.of(P0, commit(120, "loadrank-6-1764740000")), TOPOLOGY))
                .isFalse();
        assertThat(ReadBackHandover.reachedSpoutStart(
                        Map.of(P0, 500L), Map.of(P0, new OffsetAndMetadata(120)), TOPOLOGY))
                .isFalse();
    }
}
