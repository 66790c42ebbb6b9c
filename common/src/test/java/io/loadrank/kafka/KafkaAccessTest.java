package io.loadrank.kafka;

import static org.apache.kafka.common.acl.AclOperation.ALL;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE;
import static org.apache.kafka.common.acl.AclOperation.READ;
import static org.apache.kafka.common.acl.AclOperation.WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KafkaAccessTest {

    @Test
    void givenEverythingAllowed_whenCompared_thenNothingMissing() {
        assertThat(KafkaAccess.missing(
                        Map.of("cpuLoad", Set.of(WRITE, DESCRIBE), "hosts", Set.of(WRITE)),
                        Map.of("cpuLoad", Set.of(WRITE, DESCRIBE, READ), "hosts", Set.of(ALL))))
                .isEmpty();
    }

    @Test
    void givenAReadOnlyPrincipal_whenWriteIsNeeded_thenOneLineNamesTopicAndOperation() {
        assertThat(KafkaAccess.missing(
                        Map.of("memLoad", Set.of(WRITE, DESCRIBE), "cpuLoad", Set.of(WRITE)),
                        Map.of("memLoad", Set.of(READ, DESCRIBE), "cpuLoad", Set.of(READ, DESCRIBE))))
                .containsExactly("not authorized to WRITE topic cpuLoad", "not authorized to WRITE topic memLoad");
    }

    @Test
    void givenATopicThatCouldNotBeDescribed_whenCompared_thenEveryOperationIsMissingWithTheReason() {
        assertThat(KafkaAccess.missing(Map.of("loadRankings", Set.of(READ, DESCRIBE)), Map.of()))
                .containsExactly("not authorized to READ and DESCRIBE topic loadRankings" + " (not even DESCRIBE)");
    }

    @Test
    void givenAnOperationName_whenParsed_thenItIsTheAclOperation() {
        assertThat(KafkaAccess.operation("write")).isEqualTo(WRITE);
    }
}
