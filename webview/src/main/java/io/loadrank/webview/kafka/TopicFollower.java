package io.loadrank.webview.kafka;

import io.loadrank.kafka.GroupFreeFollower;
import io.loadrank.kafka.KafkaFailure;
import io.loadrank.webview.record.RecordParser;
import io.loadrank.webview.record.SkipLog;
import io.loadrank.webview.record.SliceFeed;
import io.loadrank.webview.view.FleetView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows every partition of the rankings topic (one record per slice and emit, compacted; where it
 * starts: {@link #START_BACK_MILLIS}) and the alerts topic (from its beginning, so the active alerts are
 * rebuilt), without a consumer group ({@link GroupFreeFollower}): the view keeps nothing in Kafka and any
 * number of views can follow. A topic that does not exist yet is looked
 * for again every few seconds; an unreadable record is counted and skipped. Kafka refusing the view (credentials,
 * certificate, a missing READ ACL), while it looks for a topic or while it follows one, is logged once per outage and
 * tried again every few seconds, and its end is logged.
 */
public final class TopicFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopicFollower.class);
    private static final long LOOK_AGAIN_MILLIS = 3_000;
    /** Polls of 500 ms; a topic not found, or a refusal, is tried again every 3 s. */
    private static final GroupFreeFollower.Pace PACE = new GroupFreeFollower.Pace(
            Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofMillis(LOOK_AGAIN_MILLIS), null);
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

    private final String rankingsTopic;
    /** The client's {@code security.protocol}, for the line of a broker that does not answer. */
    private final String securityProtocol;

    private final FleetView view;
    private final RecordParser parser = new RecordParser();
    private final SliceFeed slices;
    private final GroupFreeFollower follower;
    /**
     * Kafka's refusals (credentials, certificate, ACL) in this outage, while looking for the topics or
     * following them (a right taken away); empty while Kafka accepts the view.
     */
    private final FollowRefusals refusals = new FollowRefusals();

    private boolean reportedMissing;

    /**
     * @param alertsTopic null: no alerts
     */
    public TopicFollower(
            String bootstrapServers,
            Map<String, String> clientProperties,
            String rankingsTopic,
            String alertsTopic,
            FleetView view) {
        Properties properties = new Properties();
        properties.putAll(clientProperties);
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        // larger fetches than the defaults: a record is at most about 1 MB, but an emit of a large fleet is
        // many of them, and at start a quiet partition is read from its beginning
        properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(16 * 1024 * 1024));
        properties.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, String.valueOf(64 * 1024 * 1024));
        this.securityProtocol = properties.getProperty(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG);
        this.rankingsTopic = rankingsTopic;
        this.view = view;
        this.slices = new SliceFeed(new SkipLog("topic " + rankingsTopic, System::currentTimeMillis));
        List<GroupFreeFollower.Followed> topics = new ArrayList<>();
        topics.add(new GroupFreeFollower.Followed(
                rankingsTopic,
                GroupFreeFollower.PartitionChoice.all(),
                GroupFreeFollower.Start.timeBack(
                        Duration.ofMillis(START_BACK_MILLIS), GroupFreeFollower.Start.WhenQuiet.BEGINNING)));
        if (alertsTopic != null) {
            // from the beginning, so that the active alerts are rebuilt
            topics.add(new GroupFreeFollower.Followed(
                    alertsTopic, GroupFreeFollower.PartitionChoice.all(), GroupFreeFollower.Start.fromBeginning()));
        }
        this.follower = new GroupFreeFollower(topics, properties, PACE, new Listener(), "webview-kafka");
    }

    public void start() {
        follower.start();
    }

    /** What the follower tells the view, on its thread. */
    private final class Listener implements GroupFreeFollower.Listener {

        @Override
        public void records(ConsumerRecords<String, String> records) {
            for (ConsumerRecord<String, String> record : records) {
                if (record.topic().equals(rankingsTopic)) {
                    view.take(slices.accept(record.key(), record.value()));
                } else {
                    parser.alert(record.value()).ifPresent(view::alert);
                }
            }
            view.skipped(slices.skipped(), parser.badAlerts());
        }

        @Override
        public void following(String topic, int partitionCount, Map<TopicPartition, Long> starts) {
            LOG.info("following {} ({} partitions)", topic, partitionCount);
        }

        @Override
        public void notFound(List<String> topics) {
            if (!reportedMissing) {
                LOG.warn(
                        "topic {} not found on Kafka yet (or Kafka unreachable); looking again every {} s",
                        topics,
                        LOOK_AGAIN_MILLIS / 1000);
                reportedMissing = true;
            }
        }

        /** Logs the end of the refusals that an answer for {@code topics} proves over ({@link FollowRefusals}). */
        @Override
        public void answered(Set<String> topics) {
            List<String> ended = refusals.answered(topics);
            if (!ended.isEmpty()) {
                LOG.info("Kafka accepts the view again (was: {})", String.join("; ", ended));
            }
        }

        /**
         * Kafka refusing the view for good (credentials, certificate, a missing READ ACL) is one line per outage,
         * naming the cause, the topic and the operation; the follower tries again later, so fixing the ACL or the
         * credentials needs no restart. No answer in time is a topic not found yet. Anything else ends following.
         */
        @Override
        public void failed(RuntimeException error) {
            if (!(error instanceof KafkaException)) {
                throw error;
            }
            KafkaFailure failure = KafkaFailure.classify(error, "READ", follower.bootstrapServers(), securityProtocol);
            if (failure.kind() == KafkaFailure.Kind.NO_ANSWER) {
                // as a topic not found: Kafka may be starting
                if (!reportedMissing) {
                    LOG.warn("{}; looking again every {} s", failure.message(), LOOK_AGAIN_MILLIS / 1000);
                    reportedMissing = true;
                }
                return;
            }
            if (!failure.fatal()) {
                throw error;
            }
            if (refusals.refused(failure.message(), refusedTopics(error))) {
                LOG.error("{}; looking again every {} s", failure.message(), LOOK_AGAIN_MILLIS / 1000);
            }
        }

        @Override
        public void stopped(RuntimeException cause) {
            LOG.error("following Kafka failed; the view shows what it had", cause);
        }
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

    @Override
    public void close() throws InterruptedException {
        follower.stop(Duration.ofSeconds(10));
    }
}
