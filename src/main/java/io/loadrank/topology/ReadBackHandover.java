package io.loadrank.topology;

import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * When the read-back may stop without leaving a gap before the KafkaSpout (docs/WINDOWS.md: no
 * sample appended to Kafka is lost).
 *
 * <p>The KafkaSpout of a new topology starts at the end of each partition (LATEST), but it takes
 * that position only at its first successful poll, which may be long after the worker started if
 * Kafka was unreachable then. Stopping the read-back at the end offsets of some fixed moment lost
 * every record appended between that moment and the KafkaSpout's late start (found by
 * KafkaBrokerFaultIT). What the KafkaSpout has committed for this topology is at or past where it
 * started, so a read-back that has reached the committed offset of every partition has read
 * everything before the KafkaSpout's start. The KafkaSpout tags its commits with the topology id;
 * commits of an earlier topology with the same consumer group do not count.
 */
final class ReadBackHandover {

    private ReadBackHandover() {}

    /**
     * True if, in every partition, the KafkaSpout of {@code topologyId} has committed an offset and
     * the read-back's position has reached it.
     *
     * @param positions the read-back consumer's position in each partition of the topic
     * @param committed the consumer group's committed offsets (null or missing: none)
     */
    static boolean reachedSpoutStart(
            Map<TopicPartition, Long> positions, Map<TopicPartition, OffsetAndMetadata> committed, String topologyId) {
        if (positions.isEmpty()) {
            return false;
        }
        for (Map.Entry<TopicPartition, Long> position : positions.entrySet()) {
            OffsetAndMetadata commit = committed == null ? null : committed.get(position.getKey());
            if (commit == null
                    || commit.metadata() == null
                    || !commit.metadata().contains(topologyId)
                    || position.getValue() < commit.offset()) {
                return false;
            }
        }
        return true;
    }
}
