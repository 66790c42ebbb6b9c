package io.loadrank.kafka;

import static org.apache.kafka.common.acl.AclOperation.ALL;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE;
import static org.apache.kafka.common.acl.AclOperation.READ;
import static org.apache.kafka.common.acl.AclOperation.WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.SaslAuthenticationException;
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

    /** Admin properties of a Kafka nobody listens on: the client is made, the questions below never reach it. */
    private static Properties nowhere() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        return properties;
    }

    @Test
    void givenNothingMissing_whenAsked_thenNoFailure() {
        assertThat(KafkaAccess.ask(nowhere(), admin -> List.of())).isEmpty();
    }

    @Test
    void givenMissingRights_whenAsked_thenOneAuthorizationFailureListsThemAndTheBroker() {
        assertThat(KafkaAccess.ask(
                        nowhere(),
                        admin -> List.of("not authorized to WRITE topic cpuLoad", "not authorized to READ group g")))
                .contains(new KafkaFailure(
                        KafkaFailure.Kind.AUTHORIZATION,
                        "not authorized to WRITE topic cpuLoad; not authorized to READ group g on Kafka at 127.0.0.1:9"
                                + ": the principal needs an ACL for it (docs/SECURITY.md)"));
    }

    @Test
    void givenRefusedCredentials_whenAsked_thenTheFailureIsClassifiedFromTheCause() {
        assertThat(KafkaAccess.ask(nowhere(), admin -> {
                    throw new ExecutionException(new SaslAuthenticationException("bad password"));
                }))
                .hasValueSatisfying(failure -> {
                    assertThat(failure.kind()).isEqualTo(KafkaFailure.Kind.AUTHENTICATION);
                    assertThat(failure.message()).startsWith("Kafka at 127.0.0.1:9 refused the credentials");
                });
    }

    @Test
    void givenNoAnswer_whenAsked_thenNoAnswerFailure() {
        assertThat(KafkaAccess.ask(nowhere(), admin -> {
                    throw new TimeoutException("no answer");
                }))
                .hasValueSatisfying(failure -> assertThat(failure.kind()).isEqualTo(KafkaFailure.Kind.NO_ANSWER));
    }
}
