package io.loadrank.topology;

import io.loadrank.slice.SliceKey;
import java.util.Map;
import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.utils.Utils;

/**
 * The rankings topic's partitioner: every part of a slice goes to the partition
 * {@link SliceKey#partition} names for the slice, so that a reader of one slice reads one partition.
 * Kafka's default partitioner would hash each part's own key and spread a slice's parts. A key that is
 * not a slice key (none is sent) is hashed as Kafka hashes any key.
 */
public final class SlicePartitioner implements Partitioner {

    @Override
    public int partition(String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes, Cluster cluster) {
        int partitions = cluster.partitionCountForTopic(topic);
        SliceKey slice = key instanceof String text ? SliceKey.parse(text) : null;
        if (slice == null) {
            return keyBytes == null ? 0 : Utils.toPositive(Utils.murmur2(keyBytes)) % partitions;
        }
        return SliceKey.partition(slice.slice(), partitions);
    }

    @Override
    public void close() {}

    @Override
    public void configure(Map<String, ?> configs) {}
}
