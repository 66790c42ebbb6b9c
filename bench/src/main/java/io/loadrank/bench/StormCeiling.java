package io.loadrank.bench;

import io.loadrank.cli.LoadrankVersion;
import io.loadrank.cli.OptionValues;
import io.loadrank.message.ParseResult;
import io.loadrank.message.WireFormat;
import io.loadrank.topology.LoadRankSettings;
import io.loadrank.topology.LoadRankTopology;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.storm.Config;
import org.apache.storm.LocalCluster;
import org.apache.storm.kafka.spout.FirstPollOffsetStrategy;
import org.apache.storm.kafka.spout.Func;
import org.apache.storm.kafka.spout.KafkaSpout;
import org.apache.storm.kafka.spout.KafkaSpoutConfig;
import org.apache.storm.task.OutputCollector;
import org.apache.storm.task.TopologyContext;
import org.apache.storm.topology.OutputFieldsDeclarer;
import org.apache.storm.topology.TopologyBuilder;
import org.apache.storm.topology.base.BaseRichBolt;
import org.apache.storm.tuple.Fields;
import org.apache.storm.tuple.Tuple;
import org.apache.storm.tuple.Values;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What Storm itself lets through on this machine: topologies with loadrank's shape (one
 * KafkaSpout per topic, as shipped) but no window, ranking or files, reading the same prefilled
 * topics. The gap between these rates and loadrank's is loadrank's own work; the gap between them
 * and a plain KafkaConsumer is Storm's.
 *
 * <ul>
 *   <li>{@code spout}: KafkaSpouts whose record translator drops every record (counted there):
 *       Kafka's decoding and the spout's bookkeeping, no tuple;</li>
 *   <li>{@code spout-bolt}: one tuple per record into a bolt that counts;</li>
 *   <li>{@code spout-parser-bolt}: loadrank's per-sample chain before batching: a bolt that parses
 *       ({@link WireFormat}) and sends one tuple per sample, fields-grouped by host, to a counting bolt;</li>
 *   <li>{@code spout-parser-batches}: the same with the samples sent in batches of
 *       {@code loadrank.batch.size} (256 as shipped) per target
 *       task (direct grouping), as loadrank does now.</li>
 * </ul>
 *
 * <pre>
 *   java -cp STORM_CLASSPATH:bench/target/loadrank-bench.jar io.loadrank.bench.StormCeiling --mode spout-bolt \
 *       --bootstrap-servers 127.0.0.1:9092 --topics a,b,c,d,e --messages 10000000 --group g1 --result r.properties \
 *       --topology-config topology.yaml
 * </pre>
 *
 * Counts until every message of the topics was seen, then writes {@code ceiling.mode},
 * {@code ceiling.messages}, {@code ceiling.seconds} and {@code ceiling.msgs_per_s}: the rate from the
 * first message counted to the last.
 */
public final class StormCeiling {

    static final AtomicLong COUNTED = new AtomicLong();

    private StormCeiling() {}

    public static void main(String[] args) {
        BenchMain.run(new Options(), args);
    }

    @Command(
            name = "StormCeiling",
            mixinStandardHelpOptions = true,
            versionProvider = LoadrankVersion.class,
            sortOptions = false,
            description = "What Storm itself lets through: topologies of loadrank's shape doing no work.")
    static final class Options implements Callable<Integer> {
        static final List<String> MODES = List.of("spout", "spout-bolt", "spout-parser-bolt", "spout-parser-batches");

        @Option(
                names = "--mode",
                paramLabel = "SHAPE",
                required = true,
                description = "the topology's shape: spout, spout-bolt, spout-parser-bolt or spout-parser-batches")
        String mode;

        @Mixin
        BenchOptions.Kafka kafka;

        @Option(
                names = "--messages",
                paramLabel = "N",
                defaultValue = "0",
                description = "how many messages the topics hold; counting stops there (default: ${DEFAULT-VALUE})")
        long messages;

        @Option(names = "--group", paramLabel = "ID", required = true, description = "the spouts' consumer group")
        String group;

        @Option(
                names = "--topology-config",
                paramLabel = "FILE",
                required = true,
                description = "a topology configuration file (topology.yaml): its Storm settings (topology.*), "
                        + "Kafka consumer properties (loadrank.kafka.properties), parallelism and batch size "
                        + "apply to this topology as they apply to loadrank's, so that the ceiling is measured "
                        + "with the same settings")
        Path topologyConfig;

        @Mixin
        BenchOptions.Result result;

        @Mixin
        BenchOptions.Deadline deadline;

        @Override
        public Integer call() throws Exception {
            OptionValues.oneOf("--mode", mode, MODES);
            return measure(
                    mode,
                    kafka.bootstrapServers,
                    kafka.topics,
                    messages,
                    group,
                    topologyConfig,
                    result.file,
                    deadline.seconds);
        }
    }

    private static int measure(
            String mode,
            String bootstrap,
            List<String> topics,
            long messages,
            String group,
            Path topologyConfig,
            Path result,
            long deadlineSecs)
            throws Exception {
        if (messages <= 0) {
            throw new IllegalArgumentException(
                    "--messages must be the number of messages in the topics, got " + messages);
        }
        // loadrank's own reading of the file, so that a setting means here what it means there
        Map<String, Object> file = LoadRankTopology.readConfigFile(topologyConfig);
        Config conf = LoadRankTopology.stormConfig(file, Path.of(""));
        LoadRankSettings settings = LoadRankSettings.from(file);
        int spouts = settings.spoutParallelism();
        int parsers = settings.parserParallelism();
        int counters = settings.rollingParallelism();
        int batch = settings.batchSize();
        TopologyBuilder builder = new TopologyBuilder();
        for (String topic : topics) {
            KafkaSpoutConfig.Builder<String, String> spoutBuilder = KafkaSpoutConfig.builder(bootstrap, topic);
            settings.kafkaProperties().forEach(spoutBuilder::setProp);
            KafkaSpoutConfig<String, String> spoutConfig = spoutBuilder
                    .setProp(ConsumerConfig.GROUP_ID_CONFIG, group)
                    .setFirstPollOffsetStrategy(FirstPollOffsetStrategy.EARLIEST)
                    .setProcessingGuarantee(KafkaSpoutConfig.ProcessingGuarantee.NO_GUARANTEE)
                    .setRecordTranslator(
                            mode.equals("spout") ? new CountAndDrop() : new ToMessage(),
                            new Fields("message", "recordTime"))
                    .build();
            String spout = "spout-" + topic;
            // loadrank's parallelism: spouts, parsers, and the counters in place of the rolling bolts
            builder.setSpout(spout, new KafkaSpout<>(spoutConfig), spouts);
            switch (mode) {
                case "spout-bolt" ->
                    builder.setBolt("count-" + topic, new CountTuples(), parsers)
                            .localOrShuffleGrouping(spout);
                case "spout-parser-bolt" -> {
                    builder.setBolt("parser-" + topic, new ParseToTuples(), parsers)
                            .localOrShuffleGrouping(spout);
                    builder.setBolt("count-" + topic, new CountTuples(), counters)
                            .fieldsGrouping("parser-" + topic, new Fields("host"));
                }
                case "spout-parser-batches" -> {
                    builder.setBolt("parser-" + topic, new ParseToBatches("count-" + topic, batch), parsers)
                            .localOrShuffleGrouping(spout);
                    builder.setBolt("count-" + topic, new CountBatches(), counters)
                            .directGrouping("parser-" + topic);
                }
                default -> {}
            }
        }
        // without a flush clock each topic's last partial batch stays in its parser
        // (each parser task keeps at most batch - 1 samples for each counter task)
        long expected = mode.equals("spout-parser-batches")
                ? messages - (long) topics.size() * parsers * counters * (batch - 1)
                : messages;
        long deadline = System.currentTimeMillis() + deadlineSecs * 1000;
        long firstAt = 0;
        long firstCount = 0;
        long lastAt;
        try (LocalCluster cluster = new LocalCluster()) {
            cluster.submitTopology("storm-ceiling", conf, builder.createTopology());
            while (true) {
                long counted = COUNTED.get();
                long now = System.currentTimeMillis();
                if (firstAt == 0 && counted > 0) {
                    firstAt = now;
                    firstCount = counted;
                }
                if (counted >= expected) {
                    lastAt = now;
                    break;
                }
                if (now > deadline) {
                    throw new BenchMain.Failure(
                            "counted " + counted + " of " + expected + " messages within " + deadlineSecs + " s");
                }
                Thread.sleep(20); // a polling interval of the measurement, not a wait for a condition
            }
        }
        double seconds = (lastAt - firstAt) / 1000.0;
        double rate = (expected - firstCount) / seconds;
        String text = String.format(
                Locale.ROOT,
                "ceiling.mode=%s%nceiling.messages=%d%nceiling.seconds=%.3f%n" + "ceiling.msgs_per_s=%.0f%n",
                mode,
                messages,
                seconds,
                rate);
        Files.writeString(result, text, StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "%s: %d messages, %.0f msgs/s%n", mode, messages, rate);
        return 0;
    }

    /** Counts the record and emits nothing (a null tuple is skipped by the KafkaSpout). */
    static final class CountAndDrop implements Func<ConsumerRecord<String, String>, List<Object>> {
        private static final long serialVersionUID = 1L;

        @Override
        public List<Object> apply(ConsumerRecord<String, String> record) {
            COUNTED.incrementAndGet();
            return null;
        }
    }

    /** The record as loadrank's spout emits it: (value, record timestamp). */
    static final class ToMessage implements Func<ConsumerRecord<String, String>, List<Object>> {
        private static final long serialVersionUID = 1L;

        @Override
        public List<Object> apply(ConsumerRecord<String, String> record) {
            return new Values(record.value(), record.timestamp());
        }
    }

    /** Counts every tuple. */
    static final class CountTuples extends BaseRichBolt {
        private static final long serialVersionUID = 1L;

        @Override
        public void prepare(Map<String, Object> conf, TopologyContext context, OutputCollector collector) {}

        @Override
        public void execute(Tuple tuple) {
            COUNTED.incrementAndGet();
        }

        @Override
        public void declareOutputFields(OutputFieldsDeclarer declarer) {}
    }

    /** Parses each message and sends one tuple per sample. */
    static final class ParseToTuples extends BaseRichBolt {
        private static final long serialVersionUID = 1L;
        private transient OutputCollector collector;

        @Override
        public void prepare(Map<String, Object> conf, TopologyContext context, OutputCollector collector) {
            this.collector = collector;
        }

        @Override
        public void execute(Tuple tuple) {
            if (WireFormat.parse(tuple.getString(0), tuple.getLong(1)) instanceof ParseResult.Valid valid) {
                collector.emit(new Values(
                        valid.sample().host(),
                        valid.sample().value(),
                        valid.sample().timestampMillis()));
            } else {
                COUNTED.incrementAndGet(); // malformed: counted here, there are none in a prefill
            }
        }

        @Override
        public void declareOutputFields(OutputFieldsDeclarer declarer) {
            declarer.declare(new Fields("host", "value", "time"));
        }
    }

    /**
     * Parses each message and sends the samples in full batches per target task. There is no flush
     * clock: the measurement ends when all but one partial batch per topic has been counted.
     */
    static final class ParseToBatches extends BaseRichBolt {
        private static final long serialVersionUID = 1L;
        private final String target;
        private final int batchSize;
        private transient OutputCollector collector;
        private transient List<Integer> targets;
        private transient List<List<Object>> open;

        ParseToBatches(String target, int batchSize) {
            this.target = target;
            this.batchSize = batchSize;
        }

        @Override
        public void prepare(Map<String, Object> conf, TopologyContext context, OutputCollector collector) {
            this.collector = collector;
            this.targets = new ArrayList<>(context.getComponentTasks(target));
            this.open = new ArrayList<>();
            for (int i = 0; i < targets.size(); i++) {
                open.add(new ArrayList<>(batchSize));
            }
        }

        @Override
        public void execute(Tuple tuple) {
            if (WireFormat.parse(tuple.getString(0), tuple.getLong(1)) instanceof ParseResult.Valid valid) {
                int index = Math.floorMod(valid.sample().host().hashCode(), targets.size());
                List<Object> batch = open.get(index);
                batch.add(valid.sample());
                if (batch.size() == batchSize) {
                    collector.emitDirect(targets.get(index), new Values(batch));
                    open.set(index, new ArrayList<>(batchSize));
                }
            } else {
                COUNTED.incrementAndGet();
            }
        }

        @Override
        public void declareOutputFields(OutputFieldsDeclarer declarer) {
            declarer.declare(true, new Fields("batch"));
        }
    }

    /** Counts the samples of every batch. */
    static final class CountBatches extends BaseRichBolt {
        private static final long serialVersionUID = 1L;

        @Override
        public void prepare(Map<String, Object> conf, TopologyContext context, OutputCollector collector) {}

        @Override
        public void execute(Tuple tuple) {
            COUNTED.addAndGet(((List<?>) tuple.getValue(0)).size());
        }

        @Override
        public void declareOutputFields(OutputFieldsDeclarer declarer) {}
    }
}
