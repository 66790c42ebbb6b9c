package io.loadrank.kafka;

import io.loadrank.cli.Cli;
import io.loadrank.cli.LoadrankVersion;
import io.loadrank.cli.OptionValues;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code consume}: prints a topic's records, one line each, {@code TIME<tab>KEY<tab>VALUE} (the record's
 * timestamp in UTC), to see what reaches Kafka. Joins no consumer group and commits nothing. scripts/kafka.sh runs
 * it; exit 0 after {@code --max} records (or Ctrl-C), 1 when the topic does not exist, 2 on bad usage.
 */
@Command(
        name = "consume",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        versionProvider = LoadrankVersion.class,
        description = "Prints the records of a Kafka topic as TIME<tab>KEY<tab>VALUE, the newest from now on "
                + "unless --from-beginning.")
public final class ConsumeCommand implements Callable<Integer> {

    @Mixin
    KafkaToolOptions kafka;

    @Option(names = "--from-beginning", description = "start at the oldest record kept, not at the end")
    boolean fromBeginning;

    @Option(
            names = "--max",
            paramLabel = "N",
            defaultValue = "0",
            description = "stop after N records; 0: until Ctrl-C (default: ${DEFAULT-VALUE})")
    long max;

    @Parameters(paramLabel = "TOPIC", description = "the topic")
    String topic;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(Cli.execute(new ConsumeCommand(), args));
    }

    @Override
    public Integer call() {
        OptionValues.inRange("--max", max, 0, Long.MAX_VALUE);
        PrintWriter out = spec.commandLine().getOut();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(consumerProperties(), new StringDeserializer(), new StringDeserializer())) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (partitions == null || partitions.isEmpty()) {
                spec.commandLine()
                        .getErr()
                        .println("error: topic " + topic + " does not exist on Kafka at " + kafka.bootstrapServers());
                return 1;
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(partition -> new TopicPartition(topic, partition.partition()))
                    .toList();
            consumer.assign(assigned);
            if (fromBeginning) {
                consumer.seekToBeginning(assigned);
            } else {
                consumer.seekToEnd(assigned);
            }
            long printed = 0;
            while (max == 0 || printed < max) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    out.println(line(record.timestamp(), record.key(), record.value()));
                    out.flush();
                    if (++printed == max) {
                        break;
                    }
                }
            }
        }
        return 0;
    }

    private Map<String, Object> consumerProperties() {
        Map<String, Object> client = kafka.clientProperties();
        client.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        client.put(ConsumerConfig.CLIENT_ID_CONFIG, "loadrank-consume");
        return client;
    }

    /** One record as printed: its time in UTC, its key and its value, tab-separated; "(none)" for a null. */
    static String line(long timestampMillis, String key, String value) {
        return Instant.ofEpochMilli(timestampMillis) + "\t" + (key == null ? "(none)" : key) + "\t"
                + (value == null ? "(none)" : value);
    }
}
