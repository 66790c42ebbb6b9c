package io.loadrank.topology;

import static org.apache.kafka.common.acl.AclOperation.READ;
import static org.apache.kafka.common.acl.AclOperation.WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopologyKafkaAccessTest {

    @Test
    void givenTheDefaults_whenRequiredTopicsAreListed_thenItReadsTheMetricAndHostInfoTopics() {
        assertThat(TopologyKafkaAccess.requiredTopics(LoadRankSettings.from(Map.of())))
                .containsOnlyKeys("cpuLoad", "memLoad", "pendingTasks", "readLatency", "writeLatency", "hosts")
                .allSatisfy((topic, operations) -> assertThat(operations).containsExactly(READ));
    }

    @Test
    void givenRankingsAlertsAndDeadLetterTopics_whenRequiredTopicsAreListed_thenItWritesThem() {
        LoadRankSettings settings = LoadRankSettings.from(Map.of(
                LoadRankSettings.RANKINGS_TOPIC.key(), "loadRankings",
                LoadRankSettings.ALERTS_TOPIC.key(), "loadAlerts",
                LoadRankSettings.DEADLETTER_TOPIC.key(), "loadDeadLetter",
                LoadRankSettings.HOSTS_TOPIC.key(), ""));

        Map<String, Set<org.apache.kafka.common.acl.AclOperation>> required =
                TopologyKafkaAccess.requiredTopics(settings);

        assertThat(required)
                .containsEntry("loadRankings", Set.of(WRITE))
                .containsEntry("loadAlerts", Set.of(WRITE))
                .containsEntry("loadDeadLetter", Set.of(WRITE))
                .doesNotContainKey("hosts");
    }
}
