package io.loadrank.topology;

import org.apache.storm.tuple.Fields;

/** The names of the topology's components, streams and fields, in one place. */
public final class TopologyStreams {

    /** Fields of both spouts: the record value and the record timestamp. */
    public static final Fields RECORD_FIELDS = new Fields("message", "recordTime");

    /**
     * The read-back of a topic has read the whole window that existed at start: sent by the
     * read-back spout to every parser task, and by every parser task to every rolling task, behind
     * the samples it forwarded, so a rolling task that has it from every parser holds that history.
     */
    public static final String READBACK_DONE_STREAM = "readBackDone";

    public static final Fields READBACK_DONE_FIELDS = new Fields("topic");

    /**
     * Parsed samples in batches ({@link io.loadrank.batch.SampleBatch}), sent directly to the rolling
     * task that owns their hosts: fields grouping by host, done by the parser once per batch.
     */
    public static final String SAMPLE_BATCH_STREAM = "samples";

    public static final Fields SAMPLE_BATCH_FIELDS = new Fields("batch");

    /** The batch flush clock: every parser sends what it holds when this ticks. */
    public static final String FLUSH_STREAM = "flush";

    public static final Fields FLUSH_FIELDS = new Fields("tickMillis");

    /** Malformed messages for the dead-letter topic; the names are what KafkaBolt's default mapper reads. */
    public static final String MALFORMED_STREAM = "malformed";

    public static final Fields KAFKA_RECORD_FIELDS = new Fields("key", "message");

    /** Cumulative malformed counts of one parser task, per reason. */
    public static final String MALFORMED_COUNTS_STREAM = "malformedCounts";

    public static final Fields MALFORMED_COUNTS_FIELDS = new Fields("counts");

    /** The window snapshot of one rolling task. */
    public static final String WINDOW_STREAM = "window";

    public static final Fields WINDOW_FIELDS = new Fields("taskId", "snapshot");

    /** A topic ranking, towards the global ranking bolt. */
    public static final Fields TOPIC_RANKING_FIELDS = new Fields("ranking");

    /** The global ranking as JSON, towards the rankings topic. */
    public static final String RANKINGS_STREAM = "rankings";

    /** The records of the host-info topic as they are, towards the global ranking bolt. */
    public static final String HOST_INFO_STREAM = "hostInfo";

    public static final Fields HOST_INFO_FIELDS = new Fields("host", "record");

    /** Alert events as JSON, keyed by alert id, towards the alerts topic. */
    public static final String ALERTS_STREAM = "alerts";

    public static final String GLOBAL_RANKING = "global-ranking";
    public static final String HOST_INFO_SPOUT = "host-info-spout";
    public static final String ALERTS_KAFKA_BOLT = "alerts-kafka-bolt";
    public static final String BATCH_FLUSH_CLOCK = "batch-flush-clock";
    public static final String RANKINGS_KAFKA_BOLT = "rankings-kafka-bolt";
    public static final String DEADLETTER_KAFKA_BOLT = "deadletter-kafka-bolt";

    private TopologyStreams() {}

    public static String kafkaSpout(String topic) {
        return "kafka-spout-" + topic;
    }

    public static String readBackSpout(String topic) {
        return "readback-spout-" + topic;
    }

    public static String parser(String topic) {
        return "parser-" + topic;
    }

    public static String rolling(String topic) {
        return "rolling-" + topic;
    }

    public static String ranking(String topic) {
        return "ranking-" + topic;
    }
}
