package io.loadrank.bench;

import io.loadrank.cli.LoadrankVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The baseline of the ingest benchmark: how fast a plain {@link KafkaConsumer}, with the String
 * deserializers of the topology's KafkaSpout, reads every record of the prefilled topics on this
 * machine. Also records what Kafka holds per topic (end - beginning offsets), the totals the
 * topology's count is checked against.
 *
 * <pre>
 *   java -cp bench/target/loadrank-bench.jar io.loadrank.bench.ConsumerReadBench --bootstrap-servers 127.0.0.1:9092 \
 *       --topics a,b,c,d,e --totals-out totals.txt --result run.properties [--deadline-secs 600]
 * </pre>
 *
 * Writes {@code topic<TAB>messages} lines to the totals file and {@code kafka.messages},
 * {@code consumer.records}, {@code consumer.seconds}, {@code consumer.msgs_per_s} to the result file.
 */
public final class ConsumerReadBench {

    private ConsumerReadBench() {}

    public static void main(String[] args) {
        BenchMain.run(new Options(), args);
    }

    @Command(
            name = "ConsumerReadBench",
            mixinStandardHelpOptions = true,
            versionProvider = LoadrankVersion.class,
            sortOptions = false,
            description = "How fast a plain KafkaConsumer reads every record of the prefilled topics.")
    static final class Options implements Callable<Integer> {
        @Mixin
        BenchOptions.Kafka kafka;

        @Option(
                names = "--totals-out",
                paramLabel = "FILE",
                required = true,
                description = "where to write topic<TAB>messages, what Kafka holds per topic")
        Path totalsOut;

        @Mixin
        BenchOptions.Result result;

        @Mixin
        BenchOptions.Deadline deadline;

        @Override
        public Integer call() throws IOException {
            return read(kafka.bootstrapServers, kafka.topics, totalsOut, result.file, deadline.seconds);
        }
    }

    /**
     * A consumer of String keys and values as the topology's KafkaSpout reads them, in no group and
     * committing nothing: the bench's readers assign their partitions themselves.
     */
    static Properties stringConsumerProperties(String bootstrap, String clientId) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        return properties;
    }

    private static int read(String bootstrap, List<String> topics, Path totalsOut, Path result, long deadlineSecs)
            throws IOException {
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(stringConsumerProperties(bootstrap, "loadrank-bench-consumer"))) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
                if (infos == null || infos.isEmpty()) {
                    throw new BenchMain.Failure("topic " + topic + " does not exist on " + bootstrap);
                }
                infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            }
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions, Duration.ofSeconds(30));
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            Map<String, Long> totals = new LinkedHashMap<>();
            topics.forEach(topic -> totals.put(topic, 0L));
            for (TopicPartition partition : partitions) {
                totals.merge(partition.topic(), end.get(partition) - beginning.get(partition), Long::sum);
            }
            long expected = totals.values().stream().mapToLong(Long::longValue).sum();
            StringBuilder lines = new StringBuilder();
            totals.forEach((topic, count) ->
                    lines.append(topic).append('\t').append(count).append('\n'));
            Files.writeString(totalsOut, lines, StandardCharsets.UTF_8);

            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Set<TopicPartition> unfinished = new HashSet<>();
            partitions.stream().filter(p -> end.get(p) > beginning.get(p)).forEach(unfinished::add);
            long records = 0;
            long bytes = 0;
            long start = System.nanoTime();
            long deadline = start + deadlineSecs * 1_000_000_000L;
            while (!unfinished.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new BenchMain.Failure("read " + records + " of " + expected + " records within "
                            + deadlineSecs + " s; still unfinished: " + unfinished);
                }
                ConsumerRecords<String, String> batch = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<String, String> record : batch) {
                    records++;
                    // use the value, as a reader does, so that nothing can be optimised away
                    bytes += record.value().length();
                }
                for (TopicPartition partition : batch.partitions()) {
                    List<ConsumerRecord<String, String>> part = batch.records(partition);
                    long last = part.get(part.size() - 1).offset();
                    if (last + 1 >= end.get(partition)) {
                        unfinished.remove(partition);
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (records != expected) {
                throw new BenchMain.Failure(
                        "read " + records + " records, but Kafka holds " + expected + " (end - beginning offsets)");
            }
            double rate = records / seconds;
            System.err.printf(
                    Locale.ROOT,
                    "consumer: %,d records (%,d characters) of %d topics in %.2f s: %,.0f msgs/s%n",
                    records,
                    bytes,
                    topics.size(),
                    seconds,
                    rate);
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("kafka.messages", expected);
            figures.put("consumer.records", records);
            figures.put("consumer.seconds", seconds);
            figures.put("consumer.msgs_per_s", rate);
            ResultFile.append(result, figures);
        }
        return 0;
    }
}
