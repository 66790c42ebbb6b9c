package io.loadrank.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLHandshakeException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

class KafkaFailureTest {

    private static final String SERVERS = "127.0.0.1:9093";

    @Test
    void givenRefusedCredentials_whenClassified_thenAuthenticationNamingTheJaasConfig() {
        KafkaFailure failure = KafkaFailure.classify(
                new SaslAuthenticationException(
                        "Authentication failed during authentication due to invalid credentials with SASL mechanism"
                                + " SCRAM-SHA-512"),
                "WRITE",
                SERVERS,
                "SASL_SSL");

        assertThat(failure.kind()).isEqualTo(KafkaFailure.Kind.AUTHENTICATION);
        assertThat(failure.fatal()).isTrue();
        assertThat(failure.message())
                .startsWith("Kafka at 127.0.0.1:9093 refused the credentials")
                .contains("invalid credentials", "sasl.jaas.config");
    }

    @Test
    void givenAnUntrustedCertificateWrappedInExecutionException_whenClassified_thenTlsWithTheRootReason() {
        Exception error = new ExecutionException(new SslAuthenticationException(
                "SSL handshake failed",
                new SSLHandshakeException("PKIX path building failed: unable to find valid certification path")));

        KafkaFailure failure = KafkaFailure.classify(error, "READ", SERVERS, "SASL_SSL");

        assertThat(failure.kind()).isEqualTo(KafkaFailure.Kind.TLS);
        assertThat(failure.fatal()).isTrue();
        assertThat(failure.message())
                .startsWith("TLS handshake with Kafka at 127.0.0.1:9093 failed (PKIX path building failed")
                .contains("ssl.truststore.location");
    }

    @Test
    void givenAnExpiredBrokerCertificate_whenClassified_thenTlsSayingTheCertificateHasExpired() {
        // what the JDK's PKIX trust manager throws for an expired certificate, as the Kafka client wraps it
        CertificateExpiredException expired = new CertificateExpiredException("NotAfter: Tue Nov 24 12:55:20 UTC 2026");
        CertPathValidatorException path = new CertPathValidatorException(
                "validity check failed", expired, null, -1, CertPathValidatorException.BasicReason.EXPIRED);
        SSLHandshakeException handshake = new SSLHandshakeException(
                "PKIX path validation failed: java.security.cert.CertPathValidatorException: validity check failed");
        handshake.initCause(new CertificateException("PKIX path validation failed", path));
        Exception error = new ExecutionException(new SslAuthenticationException("SSL handshake failed", handshake));

        KafkaFailure failure = KafkaFailure.classify(error, "WRITE", SERVERS, "SASL_SSL");

        assertThat(failure.kind()).isEqualTo(KafkaFailure.Kind.TLS);
        assertThat(failure.fatal()).isTrue();
        assertThat(failure.message())
                .startsWith("TLS handshake with Kafka at 127.0.0.1:9093 failed: the broker's certificate has expired"
                        + " (NotAfter: Tue Nov 24 12:55:20 UTC 2026)")
                .doesNotContain("not trusted")
                .doesNotContain("\n");
    }

    @Test
    void givenABrokerCertificateNotValidYet_whenClassified_thenTlsSayingSoAndNamingTheClock() {
        CertPathValidatorException path = new CertPathValidatorException(
                "validity check failed",
                new CertificateNotYetValidException("NotBefore: Sat Dec 12 12:55:20 UTC 2026"),
                null,
                -1,
                CertPathValidatorException.BasicReason.NOT_YET_VALID);
        SSLHandshakeException handshake = new SSLHandshakeException("PKIX path validation failed");
        handshake.initCause(path);

        KafkaFailure failure = KafkaFailure.classify(
                new SslAuthenticationException("SSL handshake failed", handshake), "READ", SERVERS, "SASL_SSL");

        assertThat(failure.kind()).isEqualTo(KafkaFailure.Kind.TLS);
        assertThat(failure.message())
                .contains("the broker's certificate is not valid yet (NotBefore:")
                .contains("clock");
    }

    @Test
    void givenAMissingTopicAcl_whenClassified_thenAuthorizationNamingTopicsAndOperation() {
        KafkaFailure failure = KafkaFailure.classify(
                new KafkaException(new TopicAuthorizationException(Set.of("memLoad", "cpuLoad"))),
                "write",
                SERVERS,
                "SASL_SSL");

        assertThat(failure.kind()).isEqualTo(KafkaFailure.Kind.AUTHORIZATION);
        assertThat(failure.message())
                .startsWith("not authorized to WRITE topic cpuLoad, memLoad on Kafka at 127.0.0.1:9093");
    }

    @Test
    void givenAMissingGroupAcl_whenClassified_thenAuthorizationNamingTheGroup() {
        KafkaFailure failure = KafkaFailure.classify(
                new GroupAuthorizationException("Not authorized to access group: loadrank", "loadrank"),
                "READ",
                SERVERS,
                "SASL_SSL");

        assertThat(failure.kind()).isEqualTo(KafkaFailure.Kind.AUTHORIZATION);
        assertThat(failure.message()).startsWith("not authorized to use (READ) consumer group loadrank on Kafka");
    }

    @Test
    void givenATimeoutOfAPlaintextClient_whenClassified_thenNoAnswerHintingAtTls() {
        KafkaFailure failure = KafkaFailure.classify(
                new TimeoutException("Topic cpuLoad not present in metadata after 10000 ms."), "WRITE", SERVERS, null);

        assertThat(failure.kind()).isEqualTo(KafkaFailure.Kind.NO_ANSWER);
        assertThat(failure.fatal()).isFalse();
        assertThat(failure.message())
                .startsWith("Kafka at 127.0.0.1:9093 did not answer (Topic cpuLoad not present")
                .contains("A PLAINTEXT client never gets an answer from a TLS listener", "security.protocol=SASL_SSL");
    }

    @Test
    void givenATimeoutOfATlsClient_whenClassified_thenNoAnswerWithoutTheTlsHint() {
        KafkaFailure failure = KafkaFailure.classify(
                new java.util.concurrent.TimeoutException("timed out"), "WRITE", SERVERS, "sasl_ssl");

        assertThat(failure.kind()).isEqualTo(KafkaFailure.Kind.NO_ANSWER);
        assertThat(failure.message()).contains("does its listener speak SASL_SSL?");
    }

    @Test
    void givenAnyOtherError_whenClassified_thenOtherAndNotFatal() {
        KafkaFailure failure = KafkaFailure.classify(new IllegalStateException("boom"), "WRITE", SERVERS, null);

        assertThat(failure.kind()).isEqualTo(KafkaFailure.Kind.OTHER);
        assertThat(failure.fatal()).isFalse();
        assertThat(failure.toString())
                .isEqualTo("Kafka at 127.0.0.1:9093 failed: java.lang.IllegalStateException: boom");
    }
}
