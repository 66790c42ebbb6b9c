package io.loadrank.kafka;

import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javax.net.ssl.SSLException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;

/**
 * What a Kafka client error means to the user, in one line: refused credentials, a certificate not trusted (or
 * expired, which it says), a missing ACL (naming the topic or group and the operation), or no answer at all
 * (naming the likely {@code security.protocol} mismatch). Pure: it only reads the error and the settings it is given.
 *
 * @param kind    what went wrong
 * @param message one line for the log or the terminal; it never holds a secret (Kafka's messages of these
 *                errors name users, mechanisms, topics and certificates, never passwords)
 */
public record KafkaFailure(Kind kind, String message) {

    /** The kinds of failure; the first three never heal by themselves, the user has to fix a setting. */
    public enum Kind {
        /** the broker refused the user name or password (SASL) */
        AUTHENTICATION,
        /** the TLS handshake failed: certificate not trusted, expired or for another host, or TLS against plaintext */
        TLS,
        /** the principal lacks an ACL for a topic, group or the cluster */
        AUTHORIZATION,
        /** no answer within the timeout: broker down, unreachable, or a plaintext client on a TLS port */
        NO_ANSWER,
        /** anything else */
        OTHER
    }

    /** True for failures that never heal by retrying: credentials, certificates and ACLs. */
    public boolean fatal() {
        return kind == Kind.AUTHENTICATION || kind == Kind.TLS || kind == Kind.AUTHORIZATION;
    }

    @Override
    public String toString() {
        return message;
    }

    /**
     * Classifies {@code error} (or the first of its causes that Kafka threw).
     *
     * @param error            what the client threw or passed to a callback
     * @param operation        what the program tried, in ACL words: {@code WRITE}, {@code READ}, {@code DESCRIBE}
     * @param bootstrapServers the servers it talked to, for the message
     * @param securityProtocol the client's {@code security.protocol}, null for Kafka's default (PLAINTEXT)
     */
    public static KafkaFailure classify(
            Throwable error, String operation, String bootstrapServers, String securityProtocol) {
        String kafka = "Kafka at " + bootstrapServers;
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SaslAuthenticationException) {
                return new KafkaFailure(
                        Kind.AUTHENTICATION,
                        kafka + " refused the credentials (" + cause.getMessage()
                                + "): check the user name and password of sasl.jaas.config");
            }
            if (cause instanceof SslAuthenticationException || cause instanceof SSLException) {
                String validity = certificateValidity(cause);
                if (validity != null) {
                    return new KafkaFailure(
                            Kind.TLS,
                            "TLS handshake with " + kafka + " failed: " + validity + " (" + rootMessage(cause)
                                    + "); the broker needs a certificate valid now (its ssl.keystore.location),"
                                    + " and this machine's clock must be right");
                }
                return new KafkaFailure(
                        Kind.TLS,
                        "TLS handshake with " + kafka + " failed (" + rootMessage(cause)
                                + "): the broker's certificate is not trusted, expired or not for this host, or the"
                                + " listener is not TLS; check ssl.truststore.location and security.protocol");
            }
            if (cause instanceof AuthenticationException) {
                return new KafkaFailure(
                        Kind.AUTHENTICATION,
                        kafka + " refused to authenticate this client (" + cause.getMessage()
                                + "): check security.protocol, sasl.mechanism and sasl.jaas.config");
            }
            if (cause instanceof TopicAuthorizationException topics) {
                return new KafkaFailure(
                        Kind.AUTHORIZATION,
                        "not authorized to " + operation.toUpperCase(Locale.ROOT) + " topic "
                                + topicNames(topics.unauthorizedTopics()) + " on " + kafka
                                + ": the principal needs an ACL for it (docs/SECURITY.md)");
            }
            if (cause instanceof GroupAuthorizationException group) {
                return new KafkaFailure(
                        Kind.AUTHORIZATION,
                        "not authorized to use (READ) consumer group "
                                + (group.groupId() == null ? "(unnamed)" : group.groupId()) + " on " + kafka
                                + ": the principal needs an ACL for it (docs/SECURITY.md)");
            }
            if (cause instanceof ClusterAuthorizationException) {
                return new KafkaFailure(
                        Kind.AUTHORIZATION,
                        "not authorized for a cluster operation on " + kafka + " (" + cause.getMessage() + ")");
            }
            if (cause instanceof AuthorizationException) {
                return new KafkaFailure(
                        Kind.AUTHORIZATION,
                        "not authorized to " + operation.toUpperCase(Locale.ROOT) + " on " + kafka + " ("
                                + cause.getMessage() + ")");
            }
            if (cause instanceof TimeoutException || cause instanceof java.util.concurrent.TimeoutException) {
                return new KafkaFailure(Kind.NO_ANSWER, noAnswer(kafka, securityProtocol, cause));
            }
        }
        return new KafkaFailure(Kind.OTHER, kafka + " failed: " + error);
    }

    private static String noAnswer(String kafka, String securityProtocol, Throwable cause) {
        String protocol = securityProtocol == null || securityProtocol.isBlank()
                ? "PLAINTEXT"
                : securityProtocol.trim().toUpperCase(Locale.ROOT);
        String hint = protocol.equals("PLAINTEXT") || protocol.equals("SASL_PLAINTEXT")
                ? "; is it running and reachable? A " + protocol + " client never gets an answer from a TLS"
                        + " listener: if the broker uses TLS, set security.protocol=SASL_SSL (or SSL)"
                : "; is it running and reachable, and does its listener speak " + protocol + "?";
        return kafka + " did not answer (" + cause.getMessage() + ")" + hint;
    }

    private static String topicNames(Set<String> topics) {
        if (topics == null || topics.isEmpty()) {
            return "(not named by the broker)";
        }
        return String.join(", ", new TreeSet<>(topics));
    }

    /**
     * "the broker's certificate has expired" or "... is not valid yet" when the handshake failed on a date
     * (PKIX: {@code CertPathValidatorException: validity check failed} caused by {@code CertificateExpiredException}
     * or {@code CertificateNotYetValidException}); null when it failed for another reason.
     */
    private static String certificateValidity(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateExpiredException
                    || (cause instanceof CertPathValidatorException path
                            && path.getReason() == CertPathValidatorException.BasicReason.EXPIRED)) {
                return "the broker's certificate has expired";
            }
            if (cause instanceof CertificateNotYetValidException
                    || (cause instanceof CertPathValidatorException path
                            && path.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID)) {
                return "the broker's certificate is not valid yet";
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
