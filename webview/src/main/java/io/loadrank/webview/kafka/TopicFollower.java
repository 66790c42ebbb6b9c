package io.loadrank.webview.kafka;

import io.loadrank.kafka.KafkaFailure;
import io.loadrank.webview.record.RecordParser;
import io.loadrank.webview.view.FleetView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
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
 * Follows the rankings topic (from the start of the history the view keeps) and the alerts topic
 * (from its beginning, so the active alerts are rebuilt), without a consumer group: the view keeps
 * nothing in Kafka and any number of views can follow. A topic that does not exist yet is looked
 * for again every few seconds; an unreadable record is counted and skipped. Kafka refusing the view (credentials,
 * certificate, a missing READ ACL), while it looks for a topic or while it follows one, is logged once per outage and
 * tried again every few seconds, and its end is logged.
 */
public final class TopicFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopicFollower.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final long LOOK_AGAIN_MILLIS = 3_000;

    private final Properties properties;
    private final String rankingsTopic;
    private final String alertsTopic;
    private final long historyMillis;
    private final FleetView view;
    private final RecordParser parser = new RecordParser();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private volatile KafkaConsumer<String, String> consumer;
    /**
     * The refusals (credentials, certificate, ACL) logged in this outage while looking for the topics, empty while
     * Kafka accepts the view.
     */
    private final Set<String> refusals = new LinkedHashSet<>();
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
            long historyMillis,
            FleetView view) {
        this.properties = new Properties();
        properties.putAll(clientProperties);
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(64 * 1024 * 1024));
        properties.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, String.valueOf(128 * 1024 * 1024));
        this.rankingsTopic = rankingsTopic;
        this.alertsTopic = alertsTopic;
        this.historyMillis = historyMillis;
        this.view = view;
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
                        parser.ranking(record.value()).ifPresent(view::ranking);
                    } else {
                        parser.alert(record.value()).ifPresent(view::alert);
                    }
                }
                view.skipped(parser.badRankings(), parser.badHosts(), parser.badAlerts());
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
        List<String> ended = followRefusals.polled(polled);
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
                if (refusals.add(refusal)) {
                    logRefusal(refusal);
                }
                continue;
            }
            if (infos == null || infos.isEmpty()) {
                missing.add(topic.getKey());
                continue;
            }
            if (!refusals.isEmpty()) {
                LOG.info("Kafka accepts the view again (was: {})", String.join("; ", refusals));
                refusals.clear();
            }
            for (PartitionInfo info : infos) {
                TopicPartition partition = new TopicPartition(info.topic(), info.partition());
                partitions.add(partition);
                if (topic.getKey().equals(rankingsTopic)) {
                    fromTime.put(partition, System.currentTimeMillis() - historyMillis);
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
            List<TopicPartition> atEnd = new ArrayList<>();
            offsets.forEach((partition, offset) -> {
                if (offset == null) {
                    atEnd.add(partition);
                } else {
                    kafka.seek(partition, offset.offset());
                }
            });
            if (!atEnd.isEmpty()) {
                kafka.seekToEnd(atEnd);
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
