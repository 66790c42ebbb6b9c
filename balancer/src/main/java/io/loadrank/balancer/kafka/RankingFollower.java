package io.loadrank.balancer.kafka;

import io.loadrank.balancer.log.RateLimitedLog;
import io.loadrank.kafka.GroupFreeFollower;
import io.loadrank.log.OutageTracker;
import io.loadrank.slice.Slice;
import io.loadrank.slice.SliceKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the partition of the rankings topic that one slice's records go to, on one daemon thread
 * ({@link GroupFreeFollower}), and hands every record's key and value to a callback; queries never wait
 * for it. It assigns itself that
 * partition alone (no consumer group, nothing committed: every application instance reads its slice's
 * rankings), starts a bounded time back so the latest whole ranking is known at once, and polls with
 * short timeouts so that {@code afterPoll} runs several times a second (the policy uses it to notice a
 * ranking growing old). Other slices' records on the same partition reach the callback too, which tells
 * them by their key.
 *
 * <p>Kafka unreachable is one warning when it starts and one info line when it ends, whatever the number
 * of attempts in between ({@link OutageTracker}). While it is not reachable, the rankings simply grow old.
 */
public final class RankingFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RankingFollower.class);

    /**
     * Polls of 200 ms; after 3 s without a record the broker is asked whether it is still there; a
     * failure is tried again after 1 s.
     */
    private static final GroupFreeFollower.Pace PACE = new GroupFreeFollower.Pace(
            Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(3));
    /** The one thing whose outage is logged. */
    private static final String KAFKA = "Kafka";

    private final String topic;
    private final Slice slice;
    private final BiConsumer<String, String> onRecord;
    private final Runnable afterPoll;
    private final String name;
    private final RateLimitedLog callbackFailures = new RateLimitedLog(LOG, 60, TimeUnit.SECONDS);
    private final OutageTracker<String> outage = new OutageTracker<>();
    private final GroupFreeFollower follower;

    private volatile long recordsRead;

    /**
     * @param slice              the slice whose partition is read
     * @param lookBack           how far back in time to start reading: the first record written {@code lookBack}
     *                           ago, or the end when none is that young. Not a count of records before the
     *                           end: other slices share the partition and a slice may come in many parts, so no
     *                           count is sure to hold a whole ranking of this slice. Time is: the topology sends
     *                           every slice at every emit (every 2 s by default), so a look-back of twice
     *                           max-age holds several whole rankings of the slice whenever the topology runs,
     *                           and nothing older could be used anyway (a ranking older than max-age demotes
     *                           nothing). Compaction does not get in the way: it only drops a record once a
     *                           newer one of its key exists, and the newest ranking's parts are the newest of
     *                           their keys. What the start reads is bounded by the emits in the look-back times
     *                           the records of the partition's slices, not by the topic's history. Record times
     *                           are the topology's clock, which max-age already requires to agree with ours.
     * @param consumerProperties Kafka client properties: bootstrap servers and any SASL/SSL settings
     * @param onRecord           gets each record's key and value (null for a tombstone); an exception it
     *                           throws is logged, never fatal
     * @param afterPoll          runs after every poll, records or not
     * @param name               names the thread and the log lines (e.g. the driver session and profile)
     */
    public RankingFollower(
            String topic,
            Slice slice,
            Duration lookBack,
            Properties consumerProperties,
            BiConsumer<String, String> onRecord,
            Runnable afterPoll,
            String name) {
        this.topic = topic;
        this.slice = slice;
        this.onRecord = onRecord;
        this.afterPoll = afterPoll;
        this.name = name;
        this.follower = new GroupFreeFollower(
                List.of(new GroupFreeFollower.Followed(
                        topic,
                        count -> List.of(SliceKey.partition(slice, count)),
                        GroupFreeFollower.Start.timeBack(lookBack, GroupFreeFollower.Start.WhenQuiet.END))),
                consumerSettings(consumerProperties, name),
                PACE,
                new Listener(),
                "loadrank-rankings-" + name);
    }

    /**
     * The consumer's properties: the caller's, with what the follower depends on forced (no group, no
     * commits, text values), and a client id naming the follower unless one is given.
     */
    public static Properties consumerSettings(Properties given, String name) {
        Properties properties = GroupFreeFollower.consumerProperties(given);
        properties.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "loadrank-balancer-" + name);
        return properties;
    }

    public void start() {
        follower.start();
    }

    /** False from the first failed contact with Kafka until the next successful one. */
    public boolean kafkaReachable() {
        return !outage.ongoing();
    }

    /** Outages seen so far (each logged once). */
    public long outages() {
        return outage.outages();
    }

    public long recordsRead() {
        return recordsRead;
    }

    /** Stops the thread and closes the consumer; returns within a few seconds. */
    @Override
    public void close() {
        boolean stopped;
        try {
            stopped = follower.stop(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (!stopped) {
            LOG.warn(
                    "[{}] loadrank balancer: the rankings follower did not stop within 10 s; it is a daemon thread and will not keep the JVM alive",
                    name);
        }
    }

    /** What the follower tells the balancer, on its thread. */
    private final class Listener implements GroupFreeFollower.Listener {

        @Override
        public void records(ConsumerRecords<String, String> records) {
            for (ConsumerRecord<String, String> record : records) {
                recordsRead++;
                try {
                    onRecord.accept(record.key(), record.value());
                } catch (RuntimeException e) {
                    callbackFailures.warn(
                            "[" + name + "] loadrank balancer: a rankings record could not be used (offset "
                                    + record.offset() + " of " + record.topic() + "-" + record.partition() + ")",
                            e);
                }
            }
        }

        @Override
        public void afterPoll() {
            try {
                afterPoll.run();
            } catch (RuntimeException e) {
                callbackFailures.warn("[" + name + "] loadrank balancer: refreshing the demoted nodes failed", e);
            }
        }

        @Override
        public void following(String followed, int partitionCount, Map<TopicPartition, Long> starts) {
            starts.forEach((partition, start) -> LOG.info(
                    "[{}] loadrank balancer: following slice {} on partition {} of {} ({} partitions) on {}, from offset {}",
                    name,
                    slice,
                    partition.partition(),
                    followed,
                    partitionCount,
                    follower.bootstrapServers(),
                    start));
        }

        @Override
        public void notFound(List<String> topics) {
            lost(new KafkaException("topic " + topic + " does not exist (yet)"));
        }

        @Override
        public void answered(Set<String> topics) {
            outage.succeeded(KAFKA, System.currentTimeMillis())
                    .ifPresent(ended -> LOG.info(
                            "[{}] loadrank balancer: Kafka reachable again after {} s; following {} again",
                            name,
                            ended.seconds(),
                            topic));
        }

        @Override
        public void failed(RuntimeException error) {
            if (error instanceof KafkaException kafka) {
                lost(kafka);
            } else {
                // not Kafka's: a bug of ours must not end the thread, and must be seen
                callbackFailures.warn(
                        "[" + name + "] loadrank balancer: unexpected failure following " + topic + "; retrying in "
                                + PACE.retry().toMillis() + " ms",
                        error);
            }
        }

        @Override
        public void stopped(RuntimeException cause) {
            LOG.warn("[{}] loadrank balancer: following {} stopped", name, topic, cause);
        }

        private void lost(KafkaException cause) {
            if (outage.failed(KAFKA, System.currentTimeMillis()).begins()) {
                LOG.warn(
                        "[{}] loadrank balancer: cannot read the rankings topic {} from {} ({}); queries go on with the driver's "
                                + "plain plans once the latest ranking is older than max-age; retrying quietly",
                        name,
                        topic,
                        follower.bootstrapServers(),
                        cause.toString());
            }
        }
    }
}
