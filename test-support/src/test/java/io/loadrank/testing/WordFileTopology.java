package io.loadrank.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.apache.storm.Config;
import org.apache.storm.StormSubmitter;
import org.apache.storm.spout.SpoutOutputCollector;
import org.apache.storm.task.TopologyContext;
import org.apache.storm.topology.BasicOutputCollector;
import org.apache.storm.topology.OutputFieldsDeclarer;
import org.apache.storm.topology.TopologyBuilder;
import org.apache.storm.topology.base.BaseBasicBolt;
import org.apache.storm.topology.base.BaseRichSpout;
import org.apache.storm.tuple.Fields;
import org.apache.storm.tuple.Tuple;
import org.apache.storm.tuple.Values;
import org.apache.storm.utils.Utils;

/**
 * A tiny topology for testing a real Storm cluster: a spout emits words, a bolt appends each word
 * to the file named by {@value #OUTPUT_FILE} in the topology configuration, with the id of the
 * topology its worker runs (so a test can tell that a worker launched by the supervisor wrote it).
 *
 * <p>Submitted like the real topology: {@code main(--remote CONFIG.yaml)} with
 * {@value #TOPOLOGY_NAME} and {@value #OUTPUT_FILE} in the YAML file. Uses storm-client only, so it
 * runs with the worker's classpath (lib-worker/), as {@code storm jar} runs it.
 */
public final class WordFileTopology {
    public static final String TOPOLOGY_NAME = "test.topology.name";
    public static final String OUTPUT_FILE = "test.output.file";

    private WordFileTopology() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !args[0].equals("--remote")) {
            throw new IllegalArgumentException("usage: WordFileTopology --remote CONFIG.yaml, got " + List.of(args));
        }
        Map<String, Object> fileConf = Utils.findAndReadConfigFile(args[1], true);
        Config conf = new Config();
        conf.putAll(fileConf);
        conf.setNumWorkers(1);
        String name = String.valueOf(fileConf.get(TOPOLOGY_NAME));
        if (fileConf.get(OUTPUT_FILE) == null) {
            throw new IllegalArgumentException(OUTPUT_FILE + " missing in " + args[1]);
        }

        TopologyBuilder builder = new TopologyBuilder();
        builder.setSpout("words", new WordSpout());
        builder.setBolt("file", new FileAppendBolt()).shuffleGrouping("words");
        StormSubmitter.submitTopology(name, conf, builder.createTopology());
    }

    /** Emits one word of a fixed list every 100 ms. */
    public static final class WordSpout extends BaseRichSpout {
        private static final String[] WORDS = {"cassandra", "kafka", "storm", "load", "rank"};
        private SpoutOutputCollector collector;
        private int next;

        @Override
        public void open(Map<String, Object> conf, TopologyContext context, SpoutOutputCollector collector) {
            this.collector = collector;
        }

        @Override
        public void nextTuple() {
            Utils.sleep(100); // pace the spout: the test needs a few words, not a busy core
            collector.emit(new Values(WORDS[next++ % WORDS.length]));
        }

        @Override
        public void declareOutputFields(OutputFieldsDeclarer declarer) {
            declarer.declare(new Fields("word"));
        }
    }

    /** Appends "WORD storm.id=TOPOLOGY-ID" lines to the configured file. */
    public static final class FileAppendBolt extends BaseBasicBolt {
        private Path file;

        @Override
        public void prepare(Map<String, Object> topoConf, TopologyContext context) {
            file = Path.of(String.valueOf(topoConf.get(OUTPUT_FILE)));
        }

        @Override
        public void execute(Tuple input, BasicOutputCollector collector) {
            String line = input.getStringByField("word") + " storm.id=" + System.getProperty("storm.id") + "\n";
            try {
                Files.writeString(
                        file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to " + file, e);
            }
        }

        @Override
        public void declareOutputFields(OutputFieldsDeclarer declarer) {}
    }
}
