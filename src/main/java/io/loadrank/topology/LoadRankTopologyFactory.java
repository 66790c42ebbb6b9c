package io.loadrank.topology;

import io.loadrank.message.WireTextDeserializer;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.storm.generated.StormTopology;
import org.apache.storm.kafka.bolt.KafkaBolt;
import org.apache.storm.kafka.bolt.mapper.FieldNameBasedTupleToKafkaMapper;
import org.apache.storm.kafka.bolt.selector.DefaultTopicSelector;
import org.apache.storm.kafka.spout.FirstPollOffsetStrategy;
import org.apache.storm.kafka.spout.Func;
import org.apache.storm.kafka.spout.KafkaSpout;
import org.apache.storm.kafka.spout.KafkaSpoutConfig;
import org.apache.storm.topology.BoltDeclarer;
import org.apache.storm.topology.TopologyBuilder;
import org.apache.storm.tuple.Values;

/**
 * Builds the topology (docs/README.md, docs/WINDOWS.md) from the settings. Per metric topic:
 *
 * <pre>
 *   kafka-spout-T ──┐
 *                   ├─shuffle─▶ parser-T ─batches by host─▶ rolling-T ─global─▶ ranking-T ─┐
 *   readback-spout-T┘   ▲          │ malformed counts ──────────────────────▶ ranking-T   │
 *   batch-flush-clock ──┘ (all)    └ malformed ─▶ deadletter-kafka-bolt (optional)          │
 *                                                                                           ▼
 *   host-info-spout (optional) ─────────▶ global-ranking (one task) ─▶ rankings-kafka-bolt (optional)
 *                                                                  └─▶ alerts-kafka-bolt (optional)
 * </pre>
 *
 * "Batches by host" is fields grouping by host done by the parser (direct grouping of
 * {@link io.loadrank.batch.SampleBatch} tuples): Storm's cost is per tuple, and one tuple per
 * sample on this hop cost more than the window work (docs/BENCHMARKS.md).
 */
public final class LoadRankTopologyFactory {

    /** How often the KafkaSpouts commit their offsets. */
    static final long OFFSET_COMMIT_PERIOD_MS = 2_000;

    private LoadRankTopologyFactory() {}

    public static StormTopology build(LoadRankSettings settings) {
        TopologyBuilder builder = new TopologyBuilder();
        BoltDeclarer global = builder.setBolt(TopologyStreams.GLOBAL_RANKING, new GlobalRankingBolt(settings), 1);
        builder.setSpout(TopologyStreams.BATCH_FLUSH_CLOCK, new BatchFlushClockSpout(settings.batchFlushMillis()), 1);
        BoltDeclarer deadLetter = settings.deadLetterTopic() == null
                ? null
                : builder.setBolt(
                        TopologyStreams.DEADLETTER_KAFKA_BOLT, kafkaBolt(settings, settings.deadLetterTopic()), 1);

        for (String topic : settings.topics()) {
            String kafkaSpout = TopologyStreams.kafkaSpout(topic);
            String readBackSpout = TopologyStreams.readBackSpout(topic);
            String parser = TopologyStreams.parser(topic);
            String rolling = TopologyStreams.rolling(topic);
            String ranking = TopologyStreams.ranking(topic);

            builder.setSpout(
                    kafkaSpout, new KafkaSpout<>(kafkaSpoutConfig(settings, topic)), settings.spoutParallelism());
            BoltDeclarer parserBolt = builder.setBolt(
                            parser,
                            new ParserBolt(
                                    topic,
                                    rolling,
                                    settings.deadLetterTopic() != null,
                                    settings.emitSecs(),
                                    settings.batchSize()),
                            settings.parserParallelism())
                    .localOrShuffleGrouping(kafkaSpout)
                    .allGrouping(TopologyStreams.BATCH_FLUSH_CLOCK, TopologyStreams.FLUSH_STREAM);
            if (settings.readBackEnabled()) {
                builder.setSpout(
                        readBackSpout,
                        new ReadBackSpout(
                                topic,
                                settings.bootstrapServers(),
                                settings.kafkaProperties(),
                                settings.windowMillis(),
                                settings.readBackOverlapMillis(),
                                settings.consumerGroup()),
                        1);
                parserBolt
                        .localOrShuffleGrouping(readBackSpout)
                        .allGrouping(readBackSpout, TopologyStreams.READBACK_DONE_STREAM);
            }
            builder.setBolt(
                            rolling,
                            new RollingAverageBolt(
                                    topic,
                                    settings.windowMillis(),
                                    settings.futureToleranceMillis(),
                                    settings.emitSecs(),
                                    parser,
                                    settings.readBackWaitMillis()),
                            settings.rollingParallelism())
                    .directGrouping(parser, TopologyStreams.SAMPLE_BATCH_STREAM)
                    .allGrouping(parser, TopologyStreams.READBACK_DONE_STREAM);
            builder.setBolt(
                            ranking,
                            new TopicRankingBolt(
                                    topic,
                                    rolling,
                                    settings.windowMillis(),
                                    settings.emitSecs(),
                                    settings.firstRoundWaitMillis(),
                                    settings.outputDir()),
                            1)
                    .globalGrouping(rolling, TopologyStreams.WINDOW_STREAM)
                    .globalGrouping(parser, TopologyStreams.MALFORMED_COUNTS_STREAM);
            global.globalGrouping(ranking);
            if (deadLetter != null) {
                deadLetter.localOrShuffleGrouping(parser, TopologyStreams.MALFORMED_STREAM);
            }
        }
        if (settings.hostsTopic() != null) {
            builder.setSpout(
                    TopologyStreams.HOST_INFO_SPOUT,
                    new HostInfoSpout(settings.hostsTopic(), settings.bootstrapServers(), settings.kafkaProperties()),
                    1);
            global.globalGrouping(TopologyStreams.HOST_INFO_SPOUT, TopologyStreams.HOST_INFO_STREAM);
        }
        if (settings.rankingsTopic() != null) {
            builder.setBolt(
                            TopologyStreams.RANKINGS_KAFKA_BOLT,
                            new RankingsKafkaBolt(
                                    settings.rankingsTopic(), settings.bootstrapServers(), settings.kafkaProperties()),
                            1)
                    .globalGrouping(TopologyStreams.GLOBAL_RANKING, TopologyStreams.RANKINGS_STREAM);
        }
        if (settings.alertsTopic() != null) {
            builder.setBolt(TopologyStreams.ALERTS_KAFKA_BOLT, kafkaBolt(settings, settings.alertsTopic()), 1)
                    .globalGrouping(TopologyStreams.GLOBAL_RANKING, TopologyStreams.ALERTS_STREAM);
        }
        return builder.createTopology();
    }

    static KafkaSpoutConfig<String, String> kafkaSpoutConfig(LoadRankSettings settings, String topic) {
        KafkaSpoutConfig.Builder<String, String> config = KafkaSpoutConfig.builder(settings.bootstrapServers(), topic);
        settings.kafkaProperties().forEach(config::setProp);
        return config
                // a value that is not UTF-8 is malformed as such (NOT_TEXT), not as what U+FFFD makes of it
                .setProp(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, WireTextDeserializer.class.getName())
                .setProp(ConsumerConfig.GROUP_ID_CONFIG, settings.consumerGroup())
                // Kafka's default is 30 s. The read-back ends once it sees these commits in every
                // partition (ReadBackHandover), so it reads the live stream twice until the first one;
                // and after a worker crash the KafkaSpout replays from the last one
                .setOffsetCommitPeriodMs(OFFSET_COMMIT_PERIOD_MS)
                .setFirstPollOffsetStrategy(FirstPollOffsetStrategy.valueOf(settings.firstPollOffsetStrategy()))
                .setProcessingGuarantee(KafkaSpoutConfig.ProcessingGuarantee.valueOf(settings.processingGuarantee()))
                .setRecordTranslator(new RecordToMessage(), TopologyStreams.RECORD_FIELDS)
                .build();
    }

    private static KafkaBolt<String, String> kafkaBolt(LoadRankSettings settings, String topic) {
        Properties properties = new Properties();
        properties.putAll(settings.kafkaProperties());
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.ACKS_CONFIG, "1");
        return new KafkaBolt<String, String>()
                .withProducerProperties(properties)
                .withTopicSelector(new DefaultTopicSelector(topic))
                .withTupleToKafkaMapper(new FieldNameBasedTupleToKafkaMapper<>());
    }

    /** A Kafka record as the tuple (value, record timestamp); the timestamp stands in for a missing sample time. */
    static final class RecordToMessage implements Func<ConsumerRecord<String, String>, List<Object>> {
        private static final long serialVersionUID = 1L;

        @Override
        public List<Object> apply(ConsumerRecord<String, String> record) {
            return new Values(record.value(), record.timestamp());
        }
    }
}
