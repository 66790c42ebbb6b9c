package io.loadrank.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows topics without a consumer group, on one daemon thread: it assigns itself the partitions it
 * is told (every one of a topic, or those a choice names), seeks each to where it is told to start (the
 * beginning, or a time back), polls, and hands what happens to a {@link Listener}. Nothing is kept in
 * Kafka, so any number of followers read the same records. The one definition of following a topic for
 * the programs that read loadrank's topics live (the web view, the driver balancer).
 *
 * <p>A topic not found is looked for again every {@link Pace#retry()}, while the topics found are
 * followed. Any failure (Kafka refusing or not answering, or a listener's own) goes to
 * {@link Listener#failed}, after which the follower waits {@link Pace#retry()} and goes on where it was;
 * a listener that throws from there stops it. {@link #close} wakes the consumer, so it returns within
 * a poll even while the thread waits on Kafka. What to log, and when an outage is over, is the
 * listener's ({@link Listener#answered} says which topics Kafka answered for).
 */
public final class GroupFreeFollower implements AutoCloseable {

    /** A probe of a quiet assignment waits this long for an answer. */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    /**
     * How the follower paces itself.
     *
     * @param poll       longest wait of one poll, so {@link Listener#afterPoll} runs at least this often
     * @param metadata   longest wait for the partitions and the start offsets of a topic
     * @param retry      wait after a failure, and between looks for a topic not found
     * @param probeAfter after how long without a record to ask Kafka for the end offsets, because a poll
     *                   says nothing when the broker is gone (a failed probe goes to {@link Listener#failed});
     *                   null: never
     */
    public record Pace(Duration poll, Duration metadata, Duration retry, Duration probeAfter) {}

    /**
     * Where reading a partition starts.
     *
     * @param back      how far back in time from when it is assigned; null: from its beginning
     * @param whenQuiet where to start a partition with no record that young
     */
    public record Start(Duration back, WhenQuiet whenQuiet) {

        /** Where a partition with no record young enough starts. */
        public enum WhenQuiet {
            /** its first record: a compacted topic's newest record of each key, however old */
            BEGINNING,
            /** its end: only what comes from now on */
            END
        }

        public static Start fromBeginning() {
            return new Start(null, WhenQuiet.BEGINNING);
        }

        public static Start timeBack(Duration back, WhenQuiet whenQuiet) {
            return new Start(back, whenQuiet);
        }
    }

    /** Which of a topic's partitions to follow. */
    @FunctionalInterface
    public interface PartitionChoice {

        /** The partition numbers, given how many the topic has. */
        List<Integer> of(int partitionCount);

        static PartitionChoice all() {
            return count -> IntStream.range(0, count).boxed().toList();
        }
    }

    /**
     * One topic to follow.
     *
     * @param topic      its name
     * @param partitions which of its partitions
     * @param start      where each of them starts
     */
    public record Followed(String topic, PartitionChoice partitions, Start start) {}

    /** What the follower tells its user, all on its thread. */
    public interface Listener {

        /** The records of one poll, never empty, after {@link #answered} for their topics. */
        void records(ConsumerRecords<String, String> records);

        /** After each round of the loop: a poll, a look for a topic, or a failure. */
        default void afterPoll() {}

        /**
         * A topic is followed from now on.
         *
         * @param partitionCount how many partitions the topic has
         * @param starts         the partitions followed and the offset each starts at
         */
        default void following(String topic, int partitionCount, Map<TopicPartition, Long> starts) {}

        /** Kafka says these topics do not exist (yet); they are looked for again after a while. */
        default void notFound(List<String> topics) {}

        /** Kafka answered for these topics: their partitions were found, records came, or a probe answered. */
        default void answered(Set<String> topics) {}

        /**
         * Following failed ({@link org.apache.kafka.common.KafkaException} for Kafka's failures, among them
         * refusals and no answer in time; any other for a bug); the follower tries again after a while.
         *
         * @throws RuntimeException to stop following: it goes to {@link #stopped}
         */
        void failed(RuntimeException error);

        /**
         * Following stopped for {@code cause}, thrown from {@link #failed} or {@link #afterPoll}, or closing
         * the consumer at the end failed.
         */
        default void stopped(RuntimeException cause) {}
    }

    private final List<Followed> topics;
    private final Properties properties;
    private final Pace pace;
    private final Listener listener;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Thread thread;

    private volatile KafkaConsumer<String, String> consumer;
    /** The topics not assigned yet, in the order given. */
    private final Map<String, Followed> unassigned = new LinkedHashMap<>();

    private long nextLookNanos;
    private long lastContactNanos;

    /**
     * @param clientProperties bootstrap servers and any client properties (SASL, SSL, fetch sizes); what
     *                         the follower depends on is forced ({@link #consumerProperties})
     * @param threadName       names the thread
     */
    public GroupFreeFollower(
            List<Followed> topics, Properties clientProperties, Pace pace, Listener listener, String threadName) {
        this.topics = List.copyOf(topics);
        this.properties = consumerProperties(clientProperties);
        this.pace = pace;
        this.listener = listener;
        this.thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
    }

    /**
     * The consumer's properties: {@code given}, with what following depends on forced: no group, no
     * commits, text keys and values.
     */
    public static Properties consumerProperties(Properties given) {
        Properties properties = new Properties();
        properties.putAll(given);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return properties;
    }

    /** The bootstrap servers it reads from, for log lines. */
    public String bootstrapServers() {
        return properties.getProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG);
    }

    public void start() {
        thread.start();
    }

    /**
     * Stops the thread and closes the consumer.
     *
     * @return true if the thread stopped within {@code wait}; a thread that did not is a daemon thread
     *     and does not keep the JVM alive
     */
    public boolean stop(Duration wait) throws InterruptedException {
        closing.countDown();
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        thread.join(Math.max(1, wait.toMillis()));
        return !thread.isAlive();
    }

    /** {@link #stop} waiting up to 10 s; an interrupt is kept for the caller. */
    @Override
    public void close() {
        try {
            stop(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean closing() {
        return closing.getCount() == 0;
    }

    private void run() {
        topics.forEach(topic -> unassigned.put(topic.topic(), topic));
        nextLookNanos = System.nanoTime();
        try {
            while (!closing()) {
                try {
                    if (consumer == null) {
                        consumer = new KafkaConsumer<>(properties);
                    }
                    round(consumer);
                } catch (WakeupException e) {
                    // close() woke the consumer: the loop condition ends it
                } catch (Stop e) {
                    throw e;
                } catch (RuntimeException e) {
                    fail(e);
                    pause(pace.retry());
                }
                listener.afterPoll();
            }
        } catch (Stop e) {
            listener.stopped(e.thrown);
        } catch (RuntimeException e) {
            listener.stopped(e);
        } finally {
            KafkaConsumer<String, String> current = consumer;
            if (current != null) {
                try {
                    current.close(Duration.ofSeconds(2));
                } catch (RuntimeException e) {
                    listener.stopped(e);
                }
            }
        }
    }

    /** The listener's stop: what it threw from {@link Listener#failed}. */
    private static final class Stop extends RuntimeException {

        private final RuntimeException thrown;

        Stop(RuntimeException thrown) {
            super(thrown);
            this.thrown = thrown;
        }
    }

    /** Tells the listener of a failure; what it throws stops following. */
    private void fail(RuntimeException error) {
        try {
            listener.failed(error);
        } catch (RuntimeException thrown) {
            throw new Stop(thrown);
        }
    }

    /** Looks for the topics not found yet when it is time, then polls what is assigned. */
    private void round(KafkaConsumer<String, String> kafka) {
        if (!unassigned.isEmpty() && System.nanoTime() - nextLookNanos >= 0) {
            nextLookNanos = System.nanoTime() + pace.retry().toNanos();
            look(kafka);
        }
        if (kafka.assignment().isEmpty()) {
            pause(pace.retry());
            return;
        }
        ConsumerRecords<String, String> records = kafka.poll(pace.poll());
        if (!records.isEmpty()) {
            lastContactNanos = System.nanoTime();
            listener.answered(
                    records.partitions().stream().map(TopicPartition::topic).collect(Collectors.toSet()));
            listener.records(records);
        } else if (pace.probeAfter() != null
                && System.nanoTime() - lastContactNanos > pace.probeAfter().toNanos()) {
            kafka.endOffsets(kafka.assignment(), PROBE_TIMEOUT);
            lastContactNanos = System.nanoTime();
            listener.answered(topicsOf(kafka.assignment()));
        }
    }

    /**
     * Assigns the chosen partitions of every topic found, each at its start. A topic's failure (a refusal
     * of that topic, say) goes to the listener and the others are looked at all the same; the assignment
     * grows only once a topic's starts are known, so a failure half-way leaves nothing half-done.
     */
    private void look(KafkaConsumer<String, String> kafka) {
        List<String> missing = new ArrayList<>();
        for (Followed topic : List.copyOf(unassigned.values())) {
            try {
                if (!assign(kafka, topic)) {
                    missing.add(topic.topic());
                }
            } catch (WakeupException e) {
                throw e;
            } catch (KafkaException e) {
                fail(e);
            }
        }
        if (!missing.isEmpty()) {
            listener.notFound(missing);
        }
    }

    /** Assigns the chosen partitions of {@code topic}; false if Kafka says it has none. */
    private boolean assign(KafkaConsumer<String, String> kafka, Followed topic) {
        List<PartitionInfo> infos = kafka.partitionsFor(topic.topic(), pace.metadata());
        if (infos == null || infos.isEmpty()) {
            return false;
        }
        List<TopicPartition> chosen = new ArrayList<>();
        for (int partition : topic.partitions().of(infos.size())) {
            chosen.add(new TopicPartition(topic.topic(), partition));
        }
        Map<TopicPartition, Long> starts = starts(kafka, chosen, topic.start());
        List<TopicPartition> assignment = new ArrayList<>(kafka.assignment());
        assignment.addAll(chosen);
        kafka.assign(assignment);
        starts.forEach(kafka::seek);
        unassigned.remove(topic.topic());
        lastContactNanos = System.nanoTime();
        listener.answered(Set.of(topic.topic()));
        listener.following(topic.topic(), infos.size(), starts);
        return true;
    }

    /** The offset each partition starts at. */
    private Map<TopicPartition, Long> starts(
            KafkaConsumer<String, String> kafka, List<TopicPartition> partitions, Start start) {
        if (start.back() == null) {
            return new LinkedHashMap<>(kafka.beginningOffsets(partitions, pace.metadata()));
        }
        long since = System.currentTimeMillis() - start.back().toMillis();
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(partition -> times.put(partition, since));
        Map<TopicPartition, OffsetAndTimestamp> found = kafka.offsetsForTimes(times, pace.metadata());
        Map<TopicPartition, Long> starts = new LinkedHashMap<>();
        List<TopicPartition> quiet = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp offset = found.get(partition);
            if (offset == null) {
                quiet.add(partition);
            } else {
                starts.put(partition, offset.offset());
            }
        }
        if (!quiet.isEmpty()) {
            starts.putAll(
                    start.whenQuiet() == Start.WhenQuiet.BEGINNING
                            ? kafka.beginningOffsets(quiet, pace.metadata())
                            : kafka.endOffsets(quiet, pace.metadata()));
        }
        return starts;
    }

    private static Set<String> topicsOf(Set<TopicPartition> partitions) {
        Set<String> names = new LinkedHashSet<>();
        partitions.forEach(partition -> names.add(partition.topic()));
        return names;
    }

    private void pause(Duration duration) {
        try {
            closing.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closing.countDown();
        }
    }
}
