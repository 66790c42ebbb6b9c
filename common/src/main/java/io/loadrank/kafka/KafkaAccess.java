package io.loadrank.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Checks, before a program starts its work, that its principal may do on each topic what it needs: so that a
 * missing ACL is one clear line at start ("not authorized to WRITE topic cpuLoad") instead of failures deep in
 * a client loop. Asks the broker for the operations the principal is authorized for ({@code describeTopics} with
 * {@code includeAuthorizedOperations}); the comparison itself is {@link #missing}, pure.
 */
public final class KafkaAccess {

    private KafkaAccess() {}

    /**
     * What of {@code required} the principal lacks, one line per topic, in topic order.
     *
     * @param required   topic to the operations needed on it
     * @param authorized topic to the operations the broker says are allowed; a topic absent here could not be
     *                   described at all (no DESCRIBE)
     */
    public static List<String> missing(
            Map<String, Set<AclOperation>> required, Map<String, Set<AclOperation>> authorized) {
        List<String> lines = new ArrayList<>();
        new TreeMap<>(required).forEach((topic, operations) -> {
            Set<AclOperation> allowed = authorized.get(topic);
            List<String> lacking = new ArrayList<>();
            for (AclOperation operation : new java.util.TreeSet<>(operations)) {
                if (allowed == null || !(allowed.contains(operation) || allowed.contains(AclOperation.ALL))) {
                    lacking.add(operation.name());
                }
            }
            if (!lacking.isEmpty()) {
                lines.add("not authorized to " + String.join(" and ", lacking) + " topic " + topic
                        + (allowed == null ? " (not even DESCRIBE)" : ""));
            }
        });
        return lines;
    }

    /**
     * Asks the broker what the principal of {@code admin} may do on {@code required}'s topics and returns what it
     * lacks ({@link #missing}); empty when everything is allowed.
     *
     * @throws ExecutionException with the client's error (refused credentials, TLS) as its cause
     * @throws TimeoutException   when the broker does not answer within {@code timeout}
     */
    public static List<String> check(Admin admin, Map<String, Set<AclOperation>> required, Duration timeout)
            throws ExecutionException, TimeoutException, InterruptedException {
        Map<String, KafkaFuture<TopicDescription>> futures = admin.describeTopics(
                        required.keySet(),
                        new DescribeTopicsOptions()
                                .includeAuthorizedOperations(true)
                                .timeoutMs((int) timeout.toMillis()))
                .topicNameValues();
        Map<String, Set<AclOperation>> authorized = new TreeMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Map.Entry<String, KafkaFuture<TopicDescription>> entry : futures.entrySet()) {
            try {
                long left = Math.max(1, deadline - System.nanoTime());
                TopicDescription description = entry.getValue().get(left, TimeUnit.NANOSECONDS);
                Set<AclOperation> operations = description.authorizedOperations();
                // null: a broker without an authorizer, which allows everything
                authorized.put(entry.getKey(), operations == null ? Set.of(AclOperation.ALL) : operations);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                    // allowed to know it is missing: not a question of rights, the caller's sends will say so
                    authorized.put(entry.getKey(), Set.of(AclOperation.ALL));
                } else if (!(e.getCause() instanceof TopicAuthorizationException)) {
                    throw e;
                }
                // no DESCRIBE: missing() says so
            }
        }
        return missing(required, authorized);
    }

    /** A question to Kafka about the principal's rights: what it lacks, one line each, empty when nothing. */
    @FunctionalInterface
    public interface Question {
        List<String> missing(Admin admin) throws ExecutionException, TimeoutException, InterruptedException;
    }

    /**
     * Asks {@code question} through an admin client made of {@code adminProperties}, and turns the answer into at
     * most one failure, as a program says it at start: what the principal lacks
     * ({@link KafkaFailure.Kind#AUTHORIZATION}, pointing at the ACLs), or why Kafka could not be asked
     * ({@link KafkaFailure#classify}: refused credentials, TLS, no answer).
     *
     * @return empty when the principal lacks nothing
     */
    public static Optional<KafkaFailure> ask(Properties adminProperties, Question question) {
        String servers = String.valueOf(adminProperties.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
        try (Admin admin = Admin.create(adminProperties)) {
            List<String> missing = question.missing(admin);
            if (missing.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new KafkaFailure(
                    KafkaFailure.Kind.AUTHORIZATION,
                    String.join("; ", missing) + " on Kafka at " + servers
                            + ": the principal needs an ACL for it (docs/SECURITY.md)"));
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            Throwable error = e instanceof ExecutionException ? e.getCause() : e;
            Object protocol = adminProperties.get(AdminClientConfig.SECURITY_PROTOCOL_CONFIG);
            return Optional.of(
                    KafkaFailure.classify(error, "DESCRIBE", servers, protocol == null ? null : protocol.toString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(new KafkaFailure(KafkaFailure.Kind.OTHER, "interrupted while checking Kafka"));
        }
    }

    /** {@code operation} by its ACL name ({@code read}, {@code WRITE}, ...). */
    public static AclOperation operation(String name) {
        return AclOperation.valueOf(name.toUpperCase(Locale.ROOT));
    }
}
