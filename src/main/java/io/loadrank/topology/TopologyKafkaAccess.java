package io.loadrank.topology;

import io.loadrank.kafka.KafkaAccess;
import io.loadrank.kafka.KafkaFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.DescribeConsumerGroupsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Checks, before the topology is submitted, that Kafka accepts its credentials and lets its principal READ the
 * metric and host-info topics, WRITE the rankings, alerts and dead-letter topics, and READ its consumer group:
 * a missing right is one line at start instead of spouts that fail in every worker. A broker without an
 * authorizer allows everything, and a topic that does not exist yet is left to the spouts, which wait for it.
 */
final class TopologyKafkaAccess {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private TopologyKafkaAccess() {}

    /** Topic to the operations the topology needs on it. */
    static Map<String, Set<AclOperation>> requiredTopics(LoadRankSettings settings) {
        Map<String, Set<AclOperation>> required = new TreeMap<>();
        settings.topics().forEach(topic -> required.put(topic, Set.of(AclOperation.READ)));
        if (settings.hostsTopic() != null) {
            required.put(settings.hostsTopic(), Set.of(AclOperation.READ));
        }
        for (String output :
                new String[] {settings.rankingsTopic(), settings.alertsTopic(), settings.deadLetterTopic()}) {
            if (output != null) {
                required.put(output, Set.of(AclOperation.WRITE));
            }
        }
        return required;
    }

    /**
     * What keeps the topology from working with Kafka, as one line; empty when nothing does (or Kafka did not
     * answer within {@link #TIMEOUT}: then the result is a {@link KafkaFailure.Kind#NO_ANSWER}, not fatal).
     */
    static Optional<KafkaFailure> check(LoadRankSettings settings) {
        return KafkaAccess.ask(adminProperties(settings, TIMEOUT), admin -> {
            List<String> missing = new ArrayList<>(KafkaAccess.check(admin, requiredTopics(settings), TIMEOUT));
            groupMissing(admin, settings.consumerGroup()).ifPresent(missing::add);
            return missing;
        });
    }

    private static Properties adminProperties(LoadRankSettings settings, Duration timeout) {
        Properties properties = new Properties();
        properties.putAll(settings.kafkaProperties());
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(Math.min(5000, timeout.toMillis())));
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(timeout.toMillis()));
        return properties;
    }

    /**
     * The metric topics that do not exist on Kafka, in configuration order; empty when Kafka did not answer
     * within {@code timeout} (or refused the question: {@link #check} says why).
     */
    static Optional<List<String>> missingMetricTopics(LoadRankSettings settings, Duration timeout) {
        try (Admin admin = Admin.create(adminProperties(settings, timeout))) {
            Map<String, KafkaFuture<TopicDescription>> descriptions =
                    admin.describeTopics(settings.topics()).topicNameValues();
            List<String> missing = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            for (String topic : settings.topics()) {
                try {
                    descriptions.get(topic).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                        return Optional.empty();
                    }
                    missing.add(topic);
                }
            }
            return Optional.of(missing);
        } catch (TimeoutException | KafkaException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** What a user reads about a metric topic that does not exist. */
    static String missingTopicLine(String bootstrapServers, String topic) {
        return "metric topic " + topic + " does not exist on Kafka at " + bootstrapServers
                + ": no host is ranked on it until it is created (scripts/kafka.sh create-topics " + topic
                + ", or docs/KAFKA-TOPICS.md for your own cluster)";
    }

    private static Optional<String> groupMissing(Admin admin, String group)
            throws ExecutionException, TimeoutException, InterruptedException {
        try {
            ConsumerGroupDescription description = admin.describeConsumerGroups(
                            List.of(group), new DescribeConsumerGroupsOptions().includeAuthorizedOperations(true))
                    .describedGroups()
                    .get(group)
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Set<AclOperation> allowed = description.authorizedOperations();
            if (allowed == null || allowed.contains(AclOperation.READ) || allowed.contains(AclOperation.ALL)) {
                return Optional.empty();
            }
            return Optional.of("not authorized to READ consumer group " + group);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupAuthorizationException) {
                return Optional.of("not authorized to READ consumer group " + group);
            }
            // e.g. a group that does not exist yet on a broker that says so: the spouts will create it
            return Optional.empty();
        }
    }
}
