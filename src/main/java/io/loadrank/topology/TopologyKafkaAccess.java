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
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.GroupAuthorizationException;

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
        Properties properties = new Properties();
        properties.putAll(settings.kafkaProperties());
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(TIMEOUT.toMillis()));
        return KafkaAccess.ask(properties, admin -> {
            List<String> missing = new ArrayList<>(KafkaAccess.check(admin, requiredTopics(settings), TIMEOUT));
            groupMissing(admin, settings.consumerGroup()).ifPresent(missing::add);
            return missing;
        });
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
