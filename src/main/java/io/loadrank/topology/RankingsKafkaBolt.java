package io.loadrank.topology;

import com.codahale.metrics.Counter;
import io.loadrank.log.OutageTracker;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.storm.task.OutputCollector;
import org.apache.storm.task.TopologyContext;
import org.apache.storm.topology.OutputFieldsDeclarer;
import org.apache.storm.topology.base.BaseRichBolt;
import org.apache.storm.tuple.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the slice records of the global ranking bolt to the rankings topic (docs/OUTPUT.md): each
 * tuple {@code (key, value)} one record, a null value a tombstone, every part of a slice on the
 * partition {@link SlicePartitioner} names.
 *
 * <p>A failed send is not retried from here: the next emit sends a newer ranking of the slice within
 * seconds. It is counted ({@code loadrank.rankings.sendFailures} in Storm's metrics, and logged once
 * per outage with its reason and, when the outage ends, with the number of records that failed in
 * it): Storm's own KafkaBolt reports an error per failed record, which at 100 slices an emit floods
 * the log. The tuple is acked either way, so a Kafka outage never replays rankings.
 */
public final class RankingsKafkaBolt extends BaseRichBolt {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(RankingsKafkaBolt.class);

    private final String topic;
    private final String bootstrapServers;
    private final Map<String, String> kafkaProperties;

    private transient KafkaProducer<String, String> producer;
    private transient OutputCollector collector;
    /** Keyed by record key, like the files of an output directory. */
    private transient OutageTracker<String> outage;

    private transient Counter sent;
    private transient Counter failures;

    RankingsKafkaBolt(String topic, String bootstrapServers, Map<String, String> kafkaProperties) {
        this.topic = topic;
        this.bootstrapServers = bootstrapServers;
        this.kafkaProperties = Map.copyOf(kafkaProperties);
    }

    /** The producer's settings: the user's client properties, then what this bolt needs. */
    static Properties producerProperties(String bootstrapServers, Map<String, String> kafkaProperties) {
        Properties properties = new Properties();
        properties.putAll(kafkaProperties);
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.PARTITIONER_CLASS_CONFIG, SlicePartitioner.class.getName());
        properties.put(ProducerConfig.ACKS_CONFIG, "1");
        // a slice's parts together can pass the default 1 ms batching: let them leave in batches
        properties.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "5");
        return properties;
    }

    @Override
    public void prepare(Map<String, Object> conf, TopologyContext context, OutputCollector collector) {
        this.collector = collector;
        this.producer = new KafkaProducer<>(producerProperties(bootstrapServers, kafkaProperties));
        this.outage = new OutageTracker<>();
        this.sent = context.registerCounter("loadrank.rankings.sent");
        this.failures = context.registerCounter("loadrank.rankings.sendFailures");
    }

    @Override
    public void execute(Tuple tuple) {
        String key = tuple.getString(0);
        String value = (String) tuple.getValue(1);
        try {
            producer.send(new ProducerRecord<>(topic, key, value), (metadata, error) -> sent(key, error));
        } catch (RuntimeException e) {
            // refused before it left, e.g. a record too large for max.request.size or no metadata in time
            sent(key, e);
        }
        collector.ack(tuple);
    }

    /** On the producer's thread: counts and logs the outcome of one record. */
    private void sent(String key, Exception error) {
        if (error == null) {
            sent.inc();
            outage.succeeded(key, System.currentTimeMillis())
                    .ifPresent(ended -> LOG.info(
                            "rankings topic {}: records are sent again; {} failed meanwhile", topic, ended.failures()));
            return;
        }
        failures.inc();
        if (outage.failed(key, System.currentTimeMillis()).begins()) {
            LOG.warn(
                    "rankings topic {}: cannot send the slice records ({}); the files are still written, readers"
                            + " of the topic keep the last ranking they have until sends succeed again",
                    topic,
                    error.toString());
        }
    }

    @Override
    public void cleanup() {
        if (producer != null) {
            producer.close();
        }
    }

    @Override
    public void declareOutputFields(OutputFieldsDeclarer declarer) {}
}
