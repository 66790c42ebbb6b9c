package io.loadrank.webview.kafka;

import io.loadrank.kafka.KafkaFailure;
import io.loadrank.webview.record.RecordParser;
import io.loadrank.webview.view.FleetView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the rankings topic (from the start of the history the view keeps) and the alerts topic
 * (from its beginning, so the active alerts are rebuilt), without a consumer group: the view keeps
 * nothing in Kafka and any number of views can follow. A topic that does not exist yet is looked
 * for again every few seconds; an unreadable record is counted and skipped.
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
    /** The refusals logged in this outage (credentials, certificate, ACL), empty while Kafka accepts the view. */
    private final java.util.Set<String> refusals = new java.util.LinkedHashSet<>();

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
                    pause();
                    continue;
                }
                for (ConsumerRecord<String, String> record : kafka.poll(POLL)) {
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
     * Kafka refused the view for good (credentials, certificate, a missing READ ACL): one line naming the cause,
     * the topic and the operation, once per outage (per topic); the topic is looked for again later,
     * so fixing the ACL or the credentials needs no restart. Anything else is rethrown.
     */
    private void refused(KafkaException error) {
        KafkaFailure failure = KafkaFailure.classify(
                error,
                "READ",
                properties.getProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG),
                properties.getProperty(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG));
        if (!failure.fatal()) {
            throw error;
        }
        if (refusals.add(failure.message())) {
            LOG.error("{}; looking again every {} s", failure.message(), LOOK_AGAIN_MILLIS / 1000);
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
                refused(e);
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

    private void pause() {
        java.util.concurrent.locks.LockSupport.parkNanos(POLL.toNanos());
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
