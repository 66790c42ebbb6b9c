package io.loadrank.topology;

import io.loadrank.kafka.TopicToEnd;
import io.loadrank.output.LiveSliceKeys;
import io.loadrank.slice.SliceKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The slice keys an earlier run left live on the rankings topic, read at start on a thread of its own
 * (docs/OUTPUT.md, "After a restart"), so that the global ranking bolt can tombstone the slices that
 * left while it was down. The read is bounded by {@link #DEADLINE}; when it fails or runs out of time
 * it says so once, with the reason, and the topology goes on without: those slices keep their last
 * record on the topic.
 */
final class RankingsTopicKeys implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RankingsTopicKeys.class);

    /**
     * How long the read may take. The head of a compacted topic is not compacted, so it holds every
     * emit since its segment began (up to Kafka's segment.bytes, 1 GiB by default; an emit of 100,000
     * hosts is about 15 MB): generous, because the topology ranks meanwhile and only the tombstones wait.
     */
    static final Duration DEADLINE = Duration.ofMinutes(5);

    private final AtomicReference<Collection<SliceKey>> read = new AtomicReference<>();
    private final Thread thread;

    /** Runs {@code read} on a daemon thread named {@code threadName}; its failures are logged there. */
    RankingsTopicKeys(String threadName, String what, Callable<Collection<SliceKey>> read) {
        this.thread = new Thread(() -> run(what, read), threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Starts reading the live keys of {@code topic} with the topology's client settings (the rankings
     * producer's: bootstrap servers and {@code loadrank.kafka.properties}).
     */
    static RankingsTopicKeys start(String topic, String bootstrapServers, Map<String, String> kafkaProperties) {
        Map<String, Object> client = new HashMap<>(kafkaProperties);
        client.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        client.put(ConsumerConfig.CLIENT_ID_CONFIG, "loadrank-rankings-keys");
        return new RankingsTopicKeys(
                "loadrank-rankings-keys", "rankings topic " + topic, () -> liveKeys(client, topic, DEADLINE));
    }

    /** The live keys of {@code topic}, read to the end offsets it has now. */
    static Collection<SliceKey> liveKeys(Map<String, Object> client, String topic, Duration deadline)
            throws TimeoutException {
        long startedAt = System.currentTimeMillis();
        LiveSliceKeys keys = new LiveSliceKeys();
        TopicToEnd.read(
                client,
                topic,
                deadline,
                record -> keys.accept(
                        record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                        record.value() == null));
        Collection<SliceKey> live = keys.live();
        LOG.info(
                "rankings topic {}: read {} records in {} ms; {} slice keys an earlier run left live, tombstoned"
                        + " from the next emit unless it sends them{}",
                topic,
                keys.records(),
                System.currentTimeMillis() - startedAt,
                live.size(),
                keys.skipped() == 0
                        ? ""
                        : "; skipped " + keys.skipped() + " records whose key is no slice key (the first: "
                                + keys.firstSkipped() + ")");
        return live;
    }

    private void run(String what, Callable<Collection<SliceKey>> read) {
        try {
            this.read.set(read.call());
        } catch (TimeoutException e) {
            LOG.warn(
                    "{}: could not read the slice keys an earlier run left ({}); slices that left while the"
                            + " topology was down keep their last record there",
                    what,
                    e.getMessage());
        } catch (InterruptException | WakeupException e) {
            LOG.info("{}: reading the slice keys an earlier run left stopped: the bolt is closing", what);
        } catch (Exception e) {
            LOG.warn(
                    "{}: could not read the slice keys an earlier run left ({}); slices that left while the"
                            + " topology was down keep their last record there",
                    what,
                    e.toString(),
                    e);
        }
    }

    /** The live keys once read, then null: they are taken once. Null too while reading, or after a failure. */
    Collection<SliceKey> take() {
        return read.getAndSet(null);
    }

    /** Whether the read has ended, with keys or without. */
    boolean done() {
        return !thread.isAlive();
    }

    /** Stops the read if it still runs (the bolt is closing). */
    @Override
    public void close() {
        thread.interrupt();
    }
}
