package io.loadrank.webview.kafka;

import io.loadrank.kafka.KafkaFailure;
import io.loadrank.webview.record.RecordParser;
import io.loadrank.webview.record.SkipLog;
import io.loadrank.webview.record.SliceFeed;
import io.loadrank.webview.view.FleetView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows every partition of the rankings topic (one record per slice and emit, compacted; where it
 * starts: {@link #START_BACK_MILLIS}) and the alerts topic (from its beginning, so the active alerts are
 * rebuilt), without a consumer group: the view keeps
 * nothing in Kafka and any number of views can follow. A topic that does not exist yet is looked
 * for again every few seconds; an unreadable record is counted and skipped. Kafka refusing the view (credentials,
 * certificate, a missing READ ACL), while it looks for a topic or while it follows one, is logged once per outage and
 * tried again every few seconds, and its end is logged.
 */
public final class TopicFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopicFollower.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final long LOOK_AGAIN_MILLIS = 3_000;
    /**
     * How far back from now the view starts reading each partition of the rankings topic. Every slice is
     * sent at every emit, so the records of the last few emits hold the newest ranking of every slice:
     * reading them shows the whole fleet at once. From the beginning would be right too, the topic being
     * compacted, but the head Kafka has not compacted yet can hold hours of emits (at 100,000 hosts, about
     * 10 MB each), to be read and parsed before the page shows the present; and the view keeps no
     * history from before its start, so older emits would be thrown away anyway. 10 s is five emits at
     * the default emit interval of 2 s. A partition with no record in that time (the topology stopped,
     * or an emit interval longer than this) is read from its beginning: its compacted records are the
     * newest ranking of each of its slices, however old. A slice whose record of this time came just
     * before the start, in an emit cut by it, shows at the next emit.
     */
    static final long START_BACK_MILLIS = 10_000;

    private final Properties properties;
    private final String rankingsTopic;
    private final String alertsTopic;
    private final FleetView view;
    private final RecordParser parser = new RecordParser();
    private final SliceFeed slices;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private volatile KafkaConsumer<String, String> consumer;
    /**
     * The refusals (credentials, certificate, ACL) logged in this outage while looking for the topics, empty while
     * Kafka accepts the view.
     */
    private final FollowRefusals lookRefusals = new FollowRefusals();
    /** The same while following the topics found (a right taken away). */
    private final FollowRefusals followRefusals = new FollowRefusals();

    /**
     * @param alertsTopic null: no alerts
     */
    public TopicFollower(
            String bootstrapServers,
            Map<String, String> clientProperties,
            String rankingsTopic,
            String alertsTopic,
            FleetView view) {
        this.properties = new Properties();
        properties.putAll(clientProperties);
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        // larger fetches than the defaults: a record is at most about 1 MB, but an emit of a large fleet is
        // many of them, and at start a quiet partition is read from its beginning
        properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(16 * 1024 * 1024));
        properties.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, String.valueOf(64 * 1024 * 1024));
        this.rankingsTopic = rankingsTopic;
        this.alertsTopic = alertsTopic;
        this.view = view;
        this.slices = new SliceFeed(new SkipLog("topic " + rankingsTopic, System::currentTimeMillis));
        this.thread = new Thread(this::run, "webview-kafka");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(properties)) {
            consumer = kafka;
            Map<String, Boolean> assigned = new HashMap<>();
            assigned.put(rankingsTopic, false);
            if (alertsTopic != null) {
                assigned.put(alertsTopic, false);
            }
            long lookedAt = 0;
            boolean reportedMissing = false;
            while (running.get()) {
                if (assigned.containsValue(false) && System.currentTimeMillis() - lookedAt >= LOOK_AGAIN_MILLIS) {
                    lookedAt = System.currentTimeMillis();
                    List<String> missing = assign(kafka, assigned);
                    if (!missing.isEmpty() && !reportedMissing) {
                        LOG.warn(
                                "topic {} not found on Kafka yet (or Kafka unreachable); looking again every {} s",
                                missing,
                                LOOK_AGAIN_MILLIS / 1000);
                        reportedMissing = true;
                    }
                }
                if (kafka.assignment().isEmpty()) {
                    pause(POLL.toMillis());
                    continue;
                }
                ConsumerRecords<String, String> records;
                try {
                    records = kafka.poll(POLL);
                } catch (WakeupException e) {
                    throw e;
                } catch (KafkaException e) {
                    // a right taken away while following: one line per outage, then try again after a while
                    String refusal = refusal(e);
                    if (followRefusals.refused(refusal, refusedTopics(e))) {
                        logRefusal(refusal);
                    }
                    pause(LOOK_AGAIN_MILLIS);
                    continue;
                }
                acceptedAgain(records);
                for (ConsumerRecord<String, String> record : records) {
                    if (record.topic().equals(rankingsTopic)) {
                        view.take(slices.accept(record.key(), record.value()));
                    } else {
                        parser.alert(record.value()).ifPresent(view::alert);
                    }
                }
                view.skipped(slices.skipped(), parser.badAlerts());
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("following Kafka failed; the view shows what it had", e);
        }
    }

    /**
     * The one line of Kafka refusing the view for good (credentials, certificate, a missing READ ACL), naming the
     * cause, the topic and the operation; it is logged once per outage, and the topic looked for (or polled) again
     * later, so fixing the ACL or the credentials needs no restart. Anything else is rethrown.
     */
    private String refusal(KafkaException error) {
        KafkaFailure failure = KafkaFailure.classify(
                error,
                "READ",
                properties.getProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG),
                properties.getProperty(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG));
        if (!failure.fatal()) {
            throw error;
        }
        return failure.message();
    }

    private static void logRefusal(String refusal) {
        LOG.error("{}; looking again every {} s", refusal, LOOK_AGAIN_MILLIS / 1000);
    }

    /** The topics a refusal names (a missing topic ACL), none for credentials or a certificate. */
    private static Set<String> refusedTopics(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof TopicAuthorizationException topics && topics.unauthorizedTopics() != null) {
                return Set.copyOf(topics.unauthorizedTopics());
            }
        }
        return Set.of();
    }

    /** Logs the end of the refusals that {@code records} prove over ({@link FollowRefusals}). */
    private void acceptedAgain(ConsumerRecords<String, String> records) {
        if (followRefusals.isEmpty() || records.isEmpty()) {
            return;
        }
        Set<String> polled = new HashSet<>();
        records.partitions().forEach(partition -> polled.add(partition.topic()));
        logAcceptedAgain(followRefusals.polled(polled));
    }

    private static void logAcceptedAgain(List<String> ended) {
        if (!ended.isEmpty()) {
            LOG.info("Kafka accepts the view again (was: {})", String.join("; ", ended));
        }
    }

    /** Assigns the partitions of every topic found; returns the topics not found. */
    private List<String> assign(KafkaConsumer<String, String> kafka, Map<String, Boolean> assigned) {
        List<String> missing = new ArrayList<>();
        List<TopicPartition> partitions = new ArrayList<>(kafka.assignment());
        Map<TopicPartition, Long> fromTime = new HashMap<>();
        List<TopicPartition> fromBeginning = new ArrayList<>();
        for (Map.Entry<String, Boolean> topic : assigned.entrySet()) {
            if (topic.getValue()) {
                continue;
            }
            List<PartitionInfo> infos;
            try {
                infos = kafka.partitionsFor(topic.getKey(), Duration.ofSeconds(2));
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                infos = List.of();
            } catch (KafkaException e) {
                String refusal = refusal(e);
                if (lookRefusals.refused(refusal, refusedTopics(e))) {
                    logRefusal(refusal);
                }
                continue;
            }
            if (infos == null || infos.isEmpty()) {
                missing.add(topic.getKey());
                continue;
            }
            logAcceptedAgain(lookRefusals.accepted());
            for (PartitionInfo info : infos) {
                TopicPartition partition = new TopicPartition(info.topic(), info.partition());
                partitions.add(partition);
                if (topic.getKey().equals(rankingsTopic)) {
                    fromTime.put(partition, System.currentTimeMillis() - START_BACK_MILLIS);
                } else {
                    fromBeginning.add(partition);
                }
            }
            topic.setValue(true);
            LOG.info("following {} ({} partitions)", topic.getKey(), infos.size());
        }
        kafka.assign(partitions);
        // an empty list would mean every assigned partition to seekToBeginning and seekToEnd
        if (!fromBeginning.isEmpty()) {
            kafka.seekToBeginning(fromBeginning);
        }
        if (!fromTime.isEmpty()) {
            Map<TopicPartition, OffsetAndTimestamp> offsets = kafka.offsetsForTimes(fromTime, Duration.ofSeconds(10));
            List<TopicPartition> quiet = new ArrayList<>();
            offsets.forEach((partition, offset) -> {
                if (offset == null) {
                    quiet.add(partition); // nothing sent lately: its compacted records are its slices' newest
                } else {
                    kafka.seek(partition, offset.offset());
                }
            });
            if (!quiet.isEmpty()) {
                kafka.seekToBeginning(quiet);
            }
        }
        return missing;
    }

    private void pause(long millis) {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        // in steps, so that close() need not wait for a whole pause
        while (running.get() && System.nanoTime() < until) {
            LockSupport.parkNanos(Math.min(POLL.toNanos(), until - System.nanoTime()));
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        KafkaConsumer<String, String> kafka = consumer;
        if (kafka != null) {
            kafka.wakeup();
        }
        thread.join(10_000);
    }
}
