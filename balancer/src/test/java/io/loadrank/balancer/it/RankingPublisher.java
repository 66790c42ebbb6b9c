package io.loadrank.balancer.it;

import io.loadrank.slice.Slice;
import io.loadrank.slice.SliceHost;
import io.loadrank.slice.SliceKey;
import io.loadrank.slice.SliceRanking;
import io.loadrank.slice.SliceRecordFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plays the topology's part for one slice: sends the slice's ranking (its record values, in parts when
 * it is large) every 500 ms, stamped with the time of sending, to the partition the slice's records go
 * to, with Kafka's default producer limits, until told to stop.
 */
final class RankingPublisher implements AutoCloseable {

    /** A ranked host: matched by {@code hostId} when given, else by {@code host} against node addresses. */
    record Host(String host, String hostId, String address, double score) {

        Host(String host, String hostId, double score) {
            this(host, hostId, null, score);
        }
    }

    static final List<String> TOPICS = List.of("cpuLoad", "memLoad", "pendingTasks", "readLatency", "writeLatency");

    private final String topic;
    private final Slice slice;
    private final int partition;
    private final KafkaProducer<String, String> producer;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "rankings-publisher");
        thread.setDaemon(true);
        return thread;
    });
    private volatile List<Host> hosts;
    private volatile int lastParts;

    /**
     * @param partitions the topic's partition count: the slice's records go to {@link SliceKey#partition}
     *                   of it, as the topology's partitioner sends them
     */
    RankingPublisher(String bootstrapServers, String topic, int partitions, Slice slice) {
        this.topic = topic;
        this.slice = slice;
        this.partition = SliceKey.partition(slice, partitions);
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        this.producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
        timer.scheduleAtFixedRate(this::send, 0, 500, TimeUnit.MILLISECONDS);
    }

    /** From now on, send a ranking of these hosts (null: send nothing). */
    synchronized void rank(List<Host> ranked) {
        hosts = ranked;
    }

    /** The partition this slice's records go to. */
    int partition() {
        return partition;
    }

    /** How many records the last ranking sent took. */
    int lastParts() {
        return lastParts;
    }

    /** Sends one record of any key and value (null: a tombstone) to the slice's partition, and waits for it. */
    void sendNow(String key, String value) throws InterruptedException, ExecutionException, TimeoutException {
        producer.send(new ProducerRecord<>(topic, partition, key, value)).get(10, TimeUnit.SECONDS);
    }

    /** Synchronized with {@link #rank}: once {@code rank(null)} returns, no ranking is being sent. */
    private synchronized void send() {
        List<Host> current = hosts;
        if (current == null) {
            return;
        }
        List<String> values = SliceRecordFormat.write(ranking(slice, current, System.currentTimeMillis()));
        for (int part = 0; part < values.size(); part++) {
            producer.send(new ProducerRecord<>(topic, partition, new SliceKey(slice, part).text(), values.get(part)));
        }
        lastParts = values.size();
    }

    /** The slice's ranking of these hosts, highest score first, with the five topics' averages. */
    static SliceRanking ranking(Slice slice, List<Host> hosts, long rankedAtMillis) {
        List<Host> ordered = hosts.stream()
                .sorted((a, b) -> Double.compare(b.score(), a.score()))
                .toList();
        double mean = 100.0 / Math.max(1, hosts.size());
        List<SliceHost> ranked = new ArrayList<>(ordered.size());
        int rank = 1;
        for (Host host : ordered) {
            ranked.add(new SliceHost(
                    host.host(),
                    rank++,
                    host.score(),
                    host.score() / mean,
                    0,
                    Double.NaN,
                    false,
                    host.hostId(),
                    host.address(),
                    "rack1",
                    new double[] {42.5, 61.25, 3, 812.5, 455.75},
                    0));
        }
        return new SliceRanking(
                slice, rankedAtMillis, 60, 2, TOPICS, new double[] {1, 1, 1, 1, 1}, ranked, List.of(), 0);
    }

    /** A slice of another cluster whose records go to the same partition as {@code slice}'s. */
    static Slice sharingThePartitionOf(Slice slice, int partitions) {
        int wanted = SliceKey.partition(slice, partitions);
        for (int i = 0; ; i++) {
            Slice other = new Slice("other-" + i, slice.datacenter());
            if (SliceKey.partition(other, partitions) == wanted) {
                return other;
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        producer.close(Duration.ofSeconds(2));
    }
}
