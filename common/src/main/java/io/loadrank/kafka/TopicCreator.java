package io.loadrank.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates Kafka topics and returns only once every partition of every topic has a leader and has
 * taken a write, so that whoever sends next cannot lose its first batch.
 *
 * <p>Why a write and not only a leader: right after a topic is created, the broker's metadata can
 * name a leader before that leader serves the partition. Kafka's idempotent producer (the default
 * since Kafka 3.0) can then get NOT_LEADER_OR_FOLLOWER for its first batch and retry it with
 * OUT_OF_ORDER_SEQUENCE_NUMBER until {@code delivery.timeout.ms}, losing or badly delaying it
 * (KAFKA-15591, KAFKA-14359). A write that a non-idempotent producer got acknowledged proves the
 * leader serves the partition; from then on every producer is safe. See docs/KAFKA-TOPICS.md.
 *
 * <p>The write leaves nothing a reader sees: on a fresh partition the probe is the record at
 * offset 0, and deleting the records before offset 1 removes it and nothing else. A compacted
 * topic refuses record deletion, so there the probe is a tombstone (null value) under a key no
 * host can have, which readers of a compacted topic skip as they skip every tombstone of an
 * unknown key. A partition that already holds records has taken writes and is left as it is.
 */
public final class TopicCreator {

    /** The probe's key: a space is allowed in no host name, so no reader mistakes it for a host. */
    public static final String PROBE_KEY = "loadrank topic check";

    private static final Logger LOG = LoggerFactory.getLogger(TopicCreator.class);
    private static final long RETRY_PAUSE_MILLIS = 100;

    /** A topic to create: its name, partition count and whether it is compacted. */
    public record TopicSpec(String name, int partitions, boolean compacted) {

        public TopicSpec {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("a topic needs a name");
            }
            if (partitions < 1) {
                throw new IllegalArgumentException(
                        "topic " + name + " needs at least one partition, got " + partitions);
            }
        }

        /** A topic with the default (delete) cleanup policy. */
        public static TopicSpec of(String name, int partitions) {
            return new TopicSpec(name, partitions, false);
        }
    }

    private final Admin admin;
    private final Producer<byte[], byte[]> probe;
    private final short replicationFactor;
    private final Duration timeout;
    private final LongSupplier nanoClock;

    /**
     * @param admin             the admin client of the cluster (not closed here)
     * @param probe             a producer with idempotence off and acks=all (see {@link #probeProducerProperties}); not closed here
     * @param replicationFactor replicas of each new topic
     * @param timeout           how long {@link #create} may take in all before it fails
     */
    public TopicCreator(Admin admin, Producer<byte[], byte[]> probe, short replicationFactor, Duration timeout) {
        this(admin, probe, replicationFactor, timeout, System::nanoTime);
    }

    TopicCreator(
            Admin admin,
            Producer<byte[], byte[]> probe,
            short replicationFactor,
            Duration timeout,
            LongSupplier nanoClock) {
        this.admin = admin;
        this.probe = probe;
        this.replicationFactor = replicationFactor;
        this.timeout = timeout;
        this.nanoClock = nanoClock;
    }

    /**
     * Creates the topics and waits until each of their partitions has a leader and has taken a
     * write. Topics that exist already are kept as they are (their partitions are checked the same
     * way). Fails with an {@link IllegalStateException} naming the topic after the timeout.
     */
    public void create(List<TopicSpec> topics) {
        long deadline = nanoClock.getAsLong() + timeout.toNanos();
        Map<String, TopicSpec> byName = new LinkedHashMap<>();
        topics.forEach(topic -> byName.put(topic.name(), topic));
        requestCreation(byName, deadline);
        Map<String, List<TopicPartitionInfo>> partitions = awaitLeaders(byName.keySet(), deadline);
        for (Map.Entry<String, List<TopicPartitionInfo>> topic : partitions.entrySet()) {
            for (TopicPartitionInfo partition : topic.getValue()) {
                awaitWrite(
                        byName.get(topic.getKey()),
                        new TopicPartition(topic.getKey(), partition.partition()),
                        deadline);
            }
        }
    }

    /** Properties for the probe producer: idempotence off (the defect is in its sequence numbers), acks=all. */
    public static Properties probeProducerProperties(Map<String, ?> clientProperties) {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "loadrank-topic-creator");
        // each probe is retried here, with a deadline of our own, rather than inside the producer
        props.put(ProducerConfig.RETRIES_CONFIG, "0");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "10000");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        return props;
    }

    /** A probe producer for these client properties (bootstrap servers, security settings). */
    public static Producer<byte[], byte[]> probeProducer(Map<String, ?> clientProperties) {
        return new KafkaProducer<>(
                probeProducerProperties(clientProperties), new ByteArraySerializer(), new ByteArraySerializer());
    }

    private void requestCreation(Map<String, TopicSpec> topics, long deadline) {
        List<NewTopic> requests = new ArrayList<>();
        for (TopicSpec topic : topics.values()) {
            NewTopic request = new NewTopic(topic.name(), topic.partitions(), replicationFactor);
            if (topic.compacted()) {
                request.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            }
            requests.add(request);
        }
        admin.createTopics(requests).values().forEach((name, created) -> {
            try {
                created.get(remainingMillis(deadline, name), TimeUnit.MILLISECONDS);
                LOG.info(
                        "created topic {} ({} partitions{})",
                        name,
                        topics.get(name).partitions(),
                        topics.get(name).compacted() ? ", compacted" : "");
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create topic " + name + ": " + e.getCause(), e.getCause());
                }
            } catch (TimeoutException e) {
                throw new IllegalStateException("topic " + name + " was not created within " + timeout, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while creating topic " + name, e);
            }
        });
    }

    private Map<String, List<TopicPartitionInfo>> awaitLeaders(Set<String> names, long deadline) {
        while (true) {
            String missing;
            try {
                Map<String, TopicDescription> descriptions = admin.describeTopics(names)
                        .allTopicNames()
                        .get(remainingMillis(deadline, names.toString()), TimeUnit.MILLISECONDS);
                missing = firstPartitionWithoutLeader(descriptions);
                if (missing == null) {
                    Map<String, List<TopicPartitionInfo>> partitions = new LinkedHashMap<>();
                    names.forEach(
                            name -> partitions.put(name, descriptions.get(name).partitions()));
                    return partitions;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException
                        || e.getCause() instanceof RetriableException)) {
                    throw new IllegalStateException(
                            "cannot describe topics " + names + ": " + e.getCause(), e.getCause());
                }
                missing = e.getCause().toString();
            } catch (TimeoutException e) {
                missing = "no answer";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the leaders of " + names, e);
            }
            pauseBeforeRetry(deadline, "every partition of " + names + " to have a leader (last: " + missing + ")");
        }
    }

    private static String firstPartitionWithoutLeader(Map<String, TopicDescription> descriptions) {
        for (TopicDescription description : descriptions.values()) {
            for (TopicPartitionInfo partition : description.partitions()) {
                if (partition.leader() == null || partition.leader().isEmpty()) {
                    return description.name() + "-" + partition.partition() + " has no leader";
                }
            }
        }
        return null;
    }

    private void awaitWrite(TopicSpec topic, TopicPartition partition, long deadline) {
        while (true) {
            String failure;
            try {
                if (endOffset(partition, deadline) > 0) {
                    return; // it has taken writes already: a topic that existed, or a probe of an earlier try
                }
                RecordMetadata written = probe.send(new ProducerRecord<>(
                                partition.topic(),
                                partition.partition(),
                                PROBE_KEY.getBytes(StandardCharsets.UTF_8),
                                null))
                        .get(remainingMillis(deadline, partition.toString()), TimeUnit.MILLISECONDS);
                if (!topic.compacted()) {
                    removeProbe(partition, written.offset(), deadline);
                }
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RetriableException)) {
                    throw new IllegalStateException("cannot write to " + partition + ": " + e.getCause(), e.getCause());
                }
                failure = e.getCause().toString();
            } catch (TimeoutException e) {
                failure = "no answer";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while checking that " + partition + " takes a write", e);
            }
            pauseBeforeRetry(deadline, partition + " to take a write (last: " + failure + ")");
        }
    }

    private long endOffset(TopicPartition partition, long deadline)
            throws ExecutionException, TimeoutException, InterruptedException {
        return admin.listOffsets(Map.of(partition, OffsetSpec.latest()))
                .partitionResult(partition)
                .get(remainingMillis(deadline, partition.toString()), TimeUnit.MILLISECONDS)
                .offset();
    }

    /**
     * Deletes the records before offset 1 when the probe is at offset 0: exactly the probe, even if
     * another producer appended behind it meanwhile. A probe behind another producer's record
     * cannot be removed without removing that record too, so it stays (and is logged).
     */
    private void removeProbe(TopicPartition partition, long probeOffset, long deadline)
            throws ExecutionException, TimeoutException, InterruptedException {
        if (probeOffset != 0) {
            LOG.warn("the write check of {} stays at offset {}: another producer wrote first", partition, probeOffset);
            return;
        }
        Map<TopicPartition, RecordsToDelete> before = new HashMap<>();
        before.put(partition, RecordsToDelete.beforeOffset(1));
        admin.deleteRecords(before).all().get(remainingMillis(deadline, partition.toString()), TimeUnit.MILLISECONDS);
    }

    private long remainingMillis(long deadline, String what) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - nanoClock.getAsLong());
        if (left <= 0) {
            throw new IllegalStateException("topics not ready within " + timeout + ": " + what);
        }
        return left;
    }

    private void pauseBeforeRetry(long deadline, String waitingFor) {
        if (nanoClock.getAsLong() + TimeUnit.MILLISECONDS.toNanos(RETRY_PAUSE_MILLIS) >= deadline) {
            throw new IllegalStateException("timed out after " + timeout + " waiting for " + waitingFor);
        }
        try {
            Thread.sleep(RETRY_PAUSE_MILLIS); // a poll interval against a deadline, not a guess
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + waitingFor, e);
        }
    }
}
