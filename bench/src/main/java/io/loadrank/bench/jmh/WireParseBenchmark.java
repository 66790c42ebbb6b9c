package io.loadrank.bench.jmh;

import io.loadrank.message.ParseResult;
import io.loadrank.message.WireFormat;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;

/**
 * The parser bolt's cost per message: {@link WireFormat#parse} of a typical valid message as the
 * producers write it, e.g. {@code cass-00042.dc1,55.25,1763800041042}. The messages cycle through
 * 1024 hosts with varied values, so branch prediction sees realistic variety.
 */
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class WireParseBenchmark extends FleetBenchmark {

    /** A power of two: the next message is picked by masking a counter. */
    private static final int MESSAGES = 1024;

    private String[] messages;
    private int next;

    @Setup(Level.Trial)
    public void encodeTheMessages() {
        String[] hosts = Fleet.hostNames(MESSAGES);
        Random random = new Random(Fleet.SEED);
        double[] levels = Fleet.loadLevels(MESSAGES, random);
        messages = new String[MESSAGES];
        for (int i = 0; i < MESSAGES; i++) {
            String topic = Fleet.TOPICS.get(i % Fleet.TOPICS.size());
            messages[i] = WireFormat.encode(
                    hosts[i], Fleet.sample(topic, levels[i], random), Fleet.sampleTime(0, i, MESSAGES));
        }
    }

    @Benchmark
    public ParseResult parse() {
        return WireFormat.parse(messages[next++ & (MESSAGES - 1)], Fleet.START);
    }
}
