package io.loadrank.bench;

import io.loadrank.slice.SliceAssembler;
import io.loadrank.slice.SliceHost;
import io.loadrank.slice.SliceKey;
import io.loadrank.slice.SlicePart;
import io.loadrank.slice.SliceRecordException;
import io.loadrank.slice.SliceRecordFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The live phase seen from the rankings topic, as an application's reader sees it: a consumer with no
 * group reads every partition from the beginning (the slices' newest rankings before the live phase
 * are the baseline), then follows the topic until the watch ends. Every slice ranking it holds whole
 * (all parts of one emit, {@link SliceAssembler}) shows its hosts' newest samples
 * ({@code lastSeenMillis}) at the moment the consumer received its last part: the freshness of live
 * samples at the topic. Every record also counts for its emit ({@link EmitArrivals}).
 */
final class RankingsTopicWatch implements Runnable {

    private final String bootstrapServers;
    private final String topic;
    private final long until;
    final FreshnessAccounting accounting;
    final DelayHistogram delays;
    final EmitArrivals emits = new EmitArrivals();
    long rankings;
    long malformed;
    volatile Exception failure;

    RankingsTopicWatch(
            String bootstrapServers, String topic, long until, FreshnessAccounting accounting, DelayHistogram delays) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.until = until;
        this.accounting = accounting;
        this.delays = delays;
    }

    @Override
    public void run() {
        Properties properties =
                ConsumerReadBench.stringConsumerProperties(bootstrapServers, "loadrank-bench-rankings-watch");
        // a reader that wants its ranking at once: the broker answers a fetch as soon as it has a byte
        properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "20");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            if (partitions.isEmpty()) {
                throw new BenchMain.Failure("the rankings topic " + topic + " has no partitions");
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> baselineEnd = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            SliceAssembler assembler = new SliceAssembler();
            boolean live = false;
            while (System.currentTimeMillis() < until) {
                var records = consumer.poll(Duration.ofMillis(100));
                long received = System.currentTimeMillis();
                for (ConsumerRecord<String, String> record : records) {
                    boolean baseline =
                            !live && record.offset() < baselineEnd.get(new TopicPartition(topic, record.partition()));
                    take(assembler, record, received, baseline);
                }
                if (!live) {
                    live = partitions.stream().allMatch(p -> consumer.position(p) >= baselineEnd.get(p));
                }
            }
        } catch (Exception e) {
            failure = e;
        }
    }

    private void take(
            SliceAssembler assembler, ConsumerRecord<String, String> record, long received, boolean baseline) {
        SliceKey key = SliceKey.parse(record.key());
        if (key == null) {
            return; // the check record a topic is created with
        }
        if (record.value() == null) {
            assembler.tombstone(key);
            return;
        }
        SlicePart part;
        try {
            part = SliceRecordFormat.read(key, record.value());
        } catch (SliceRecordException e) {
            malformed++;
            return;
        }
        if (!baseline) {
            emits.record(
                    part.ranking().rankedAtMillis(),
                    part.ranking().windowsAtMillis(),
                    record.timestamp(),
                    received,
                    SliceRecordFormat.utf8Length(record.value()));
        }
        if (assembler.accept(part) instanceof SliceAssembler.Outcome.Complete complete) {
            rankings++;
            for (SliceHost host : complete.ranking().hosts()) {
                if (baseline) {
                    accounting.baseline(host.host(), host.lastSeenMillis());
                } else {
                    accounting.seen(host.host(), host.lastSeenMillis(), received);
                }
            }
        }
    }
}
