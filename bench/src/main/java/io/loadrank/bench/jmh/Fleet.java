package io.loadrank.bench.jmh;

import io.loadrank.hostinfo.HostInfo;
import io.loadrank.ranking.TopicRanking;
import io.loadrank.ranking.TopicRankingAssembler;
import io.loadrank.scoring.GlobalScorer;
import io.loadrank.window.SlidingWindowAverages;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The simulated fleet every benchmark works on: hosts named {@code cass-00001.dc1},
 * {@code cass-00002.dc1}, ..., each sending one sample a second per metric, with values drawn
 * from a seeded {@link Random} so that every run sees the same data.
 *
 * <p>The fixtures are built through the topology's own public processing steps (window, snapshot,
 * assembler, scorer) rather than by constructing their records, so that they stay realistic (hash
 * order of the snapshot, real sample counts and ingest counters) and keep compiling when the
 * records behind those steps change.
 *
 * <p>Time: sample {@code round} of host {@code i} of {@code n} is taken at
 * {@code START + round * 1000 + i * 1000 / n}, so the hosts' samples are spread evenly over each
 * second, as independent producers' samples are.
 */
final class Fleet {

    /** The default fleet size of the benchmarks: the 100,000-host fleet of docs/BENCHMARKS.md. */
    static final String DEFAULT_HOSTS = "100000";

    /** The default window and sample rate of the topology: 60 s at 1 sample/s. */
    static final long WINDOW_MILLIS = 60_000;

    static final int SAMPLES_PER_WINDOW = 60;
    static final long FUTURE_TOLERANCE_MILLIS = 10_000;
    static final long STALE_AFTER_MILLIS = 10_000;
    static final long EMIT_MILLIS = 2_000;

    /** The metric topics (docs/MESSAGES.md), in the default configuration order. */
    static final List<String> TOPICS = List.of("cpuLoad", "memLoad", "pendingTasks", "readLatency", "writeLatency");

    /** 2025-11-22T08:26:40Z, a whole second. */
    static final long START = 1_763_800_000_000L;

    /** The seed of every random draw, so that runs are comparable. */
    static final long SEED = 20_251_122L;

    /** One host in this many stopped reporting half a window ago (stale, but still in the window). */
    private static final int SILENT_EVERY = 1000;

    /** One host in this many never reports pendingTasks (incomplete in the global ranking). */
    private static final int NO_PENDING_TASKS_EVERY = 1000;

    private Fleet() {}

    static String[] hostNames(int count) {
        String[] hosts = new String[count];
        for (int i = 0; i < count; i++) {
            hosts[i] = String.format("cass-%05d.dc1", i + 1);
        }
        return hosts;
    }

    /** When sample {@code round} of host {@code host} of {@code hostCount} is taken. */
    static long sampleTime(long round, int host, int hostCount) {
        return START + round * 1000 + host * 1000L / hostCount;
    }

    /** The moment just after every host sent its sample of {@code rounds - 1}. */
    static long endOfRound(long rounds) {
        return START + rounds * 1000 - 1;
    }

    /** The moment the fixtures are ranked: right after a full window of samples. */
    static long now() {
        return endOfRound(SAMPLES_PER_WINDOW);
    }

    /** Each host's load level in [0, 1): most hosts moderately loaded, a few hot ones. */
    static double[] loadLevels(int hostCount, Random random) {
        double[] levels = new double[hostCount];
        for (int i = 0; i < hostCount; i++) {
            levels[i] = Math.min(0.999, Math.abs(random.nextGaussian() * 0.25 + 0.35));
        }
        return levels;
    }

    /**
     * One sample of {@code topic} for a host at load {@code level}, in the metric's unit and with the
     * precision a producer sends (docs/MESSAGES.md).
     */
    static double sample(String topic, double level, Random random) {
        double noise = random.nextGaussian();
        switch (topic) {
            case "cpuLoad":
                return hundredths(clamp(100 * level + 5 * noise, 0, 100));
            case "memLoad":
                return hundredths(clamp(30 + 60 * level + noise, 0, 100));
            case "pendingTasks":
                // idle most of the time: many hosts average exactly 0
                return level < 0.5 ? 0 : Math.max(0, Math.round(40 * (level - 0.5) + 3 * noise));
            case "readLatency":
                return hundredths(Math.max(50, 300 + 4000 * level * level + 100 * noise));
            default:
                return hundredths(Math.max(30, 150 + 1500 * level * level + 40 * noise));
        }
    }

    /**
     * A window of {@code topic} holding a full window of samples (60, one a second) of each of
     * {@code hosts}, as the rolling bolt has it in steady state at {@link #now()}.
     *
     * @param withSilentHosts true to let one host in {@value #SILENT_EVERY} stop reporting half a
     *                        window ago, and one in {@value #NO_PENDING_TASKS_EVERY} never report
     *                        pendingTasks, as in a real fleet
     */
    static SlidingWindowAverages fullWindow(String topic, String[] hosts, boolean withSilentHosts) {
        return fullWindow(topic, hosts, withSilentHosts, 0, 1);
    }

    /**
     * Like {@link #fullWindow(String, String[], boolean)}, for the share of the hosts that one of
     * {@code tasks} rolling tasks holds: the hosts whose index modulo {@code tasks} is {@code task}.
     */
    static SlidingWindowAverages fullWindow(
            String topic, String[] hosts, boolean withSilentHosts, int task, int tasks) {
        Random random = new Random(SEED + topic.hashCode());
        double[] levels = loadLevels(hosts.length, random);
        SlidingWindowAverages window = new SlidingWindowAverages(WINDOW_MILLIS, FUTURE_TOLERANCE_MILLIS);
        // host by host rather than second by second: the same window in the end, but each host's
        // samples stay in the cache while it is filled, so a 100,000-host fixture takes seconds, not
        // tens of seconds (the clock of each add is its own sample time, so nothing is late)
        for (int i = task; i < hosts.length; i += tasks) {
            if (withSilentHosts
                    && topic.equals("pendingTasks")
                    && i % NO_PENDING_TASKS_EVERY == NO_PENDING_TASKS_EVERY / 2) {
                continue;
            }
            boolean silent = withSilentHosts && i % SILENT_EVERY == SILENT_EVERY - 1;
            int rounds = silent ? SAMPLES_PER_WINDOW / 2 : SAMPLES_PER_WINDOW;
            for (int round = 0; round < rounds; round++) {
                long time = sampleTime(round, i, hosts.length);
                window.add(hosts[i], sample(topic, levels[i], random), time, time);
            }
        }
        return window;
    }

    /**
     * Collects the garbage left by building a fixture (the windows' outgrown arrays) before the
     * measurement starts, so that the first iterations do not pay for it and the live data is
     * compact, as in a bolt that has run for a while.
     */
    static void settleHeap() {
        System.gc();
    }

    /** The ranking of {@code topic} at {@link #now()}, made as the topic ranking bolt makes it. */
    static TopicRanking topicRanking(String topic, String[] hosts) {
        TopicRankingAssembler assembler = assembler(topic);
        long now = now();
        assembler.acceptWindow(0, fullWindow(topic, hosts, true).snapshot(now));
        return assembler.rank(now);
    }

    /** An assembler as the topic ranking bolt makes it: a partial older than three emits is dropped. */
    static TopicRankingAssembler assembler(String topic) {
        return new TopicRankingAssembler(topic, 3 * EMIT_MILLIS);
    }

    /** The latest ranking of every topic of {@link #TOPICS}, as the global ranking bolt holds them. */
    static Map<String, TopicRanking> topicRankings(String[] hosts) {
        Map<String, TopicRanking> rankings = new LinkedHashMap<>();
        for (String topic : TOPICS) {
            rankings.put(topic, topicRanking(topic, hosts));
        }
        return rankings;
    }

    /** Datacenters of the fleet's host info: 100,000 hosts in 10 datacenters of 10,000. */
    static final int DATACENTERS = 10;

    /**
     * The host info of every host, as the host-info topic gives it to the global ranking bolt:
     * host {@code i} in datacenter {@code dc-(i mod 10)}, one of 3 racks, with a host id and an
     * address (docs/DATACENTERS.md).
     */
    static Map<String, HostInfo> hostInfo(String[] hosts) {
        Map<String, HostInfo> info = new HashMap<>(hosts.length * 4 / 3 + 1);
        for (int i = 0; i < hosts.length; i++) {
            String hostId = new UUID(SEED, i).toString();
            String address = "10." + (i % DATACENTERS) + "." + (i / 250 % 250) + "." + (i % 250 + 1);
            info.put(
                    hosts[i],
                    new HostInfo(
                            hosts[i],
                            "dc-" + (i % DATACENTERS),
                            "rack" + (i / DATACENTERS % 3 + 1),
                            hostId,
                            "bench",
                            address));
        }
        return info;
    }

    /** The global scorer of the default configuration: equal weights. */
    static GlobalScorer scorer() {
        double[] weights = new double[TOPICS.size()];
        Arrays.fill(weights, 1.0);
        return new GlobalScorer(TOPICS, weights, STALE_AFTER_MILLIS);
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    private static double hundredths(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
