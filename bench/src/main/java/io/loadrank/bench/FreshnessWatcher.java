package io.loadrank.bench;

import com.sun.management.OperatingSystemMXBean;
import io.loadrank.cli.LoadrankVersion;
import io.loadrank.cli.OptionValues;
import io.loadrank.cli.UsageException;
import io.loadrank.rankingfile.RankingFileScan;
import io.loadrank.simulator.HostFleet;
import io.loadrank.simulator.SimulatedHost;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The live phase of a benchmark run, seen from the ranking files and from the rankings topic: while
 * the host simulator sends its live traffic ({@code --rate}, {@code --spread}) from {@code --live-start},
 * polls the modification time of GlobalRankings.json and follows the rankings topic until
 * {@code --until}, and measures
 *
 * <ul>
 *   <li>freshness: the delay from each live sample's time to the moment a version showing it was
 *       seen ({@link FreshnessAccounting}; the simulated fleet, rebuilt from {@code --hosts} and
 *       {@code --seed}, says which rounds each host sent), p50 and p99, at the files and at the topic
 *       ({@link RankingsTopicWatch});</li>
 *   <li>snapshot to every file in place: GlobalRankings.json's modification time - its
 *       {@code windowsAtMillis}, the moment the rolling bolts took the window snapshots it combines
 *       (the global bolt writes it last of its files); median and p99 over the emits of the live phase;</li>
 *   <li>snapshot to every slice record at a reader: the last record of an emit received by the
 *       topic's consumer - the emit's {@code windowsAtMillis} ({@link EmitArrivals}), and the bytes
 *       and records of an emit on the topic;</li>
 *   <li>the bytes of one emit's files per host, from the output directory at the end.</li>
 * </ul>
 *
 * The file and the topic are watched by a thread each, so that parsing the large global file never
 * delays noticing the other. Also reports its own CPU time, which the topology did not get.
 *
 * <pre>
 *   java -cp bench/target/loadrank-bench.jar io.loadrank.bench.FreshnessWatcher --dir OUTPUT_DIR \
 *       --bootstrap-servers HOST:PORT --rankings-topic TOPIC --hosts 1000 --live-start MILLIS --until MILLIS \
 *       --result run.properties [--seed 42] [--poll-ms 20] [--min-age-ms 5000]
 * </pre>
 */
public final class FreshnessWatcher {

    private static final String GLOBAL_FILE = "GlobalRankings.json";
    private static final long MAX_DELAY_MILLIS = 600_000;

    private FreshnessWatcher() {}

    public static void main(String[] args) {
        BenchMain.run(new Options(), args);
    }

    @Command(
            name = "FreshnessWatcher",
            mixinStandardHelpOptions = true,
            versionProvider = LoadrankVersion.class,
            sortOptions = false,
            description = "How long live samples take to show in the ranking files.")
    static final class Options implements Callable<Integer> {
        @Option(names = "--dir", paramLabel = "DIR", required = true, description = "the topology's output directory")
        Path dir;

        @Option(
                names = "--bootstrap-servers",
                paramLabel = "HOST:PORT[,...]",
                required = true,
                description = "the Kafka of the rankings topic")
        String bootstrapServers;

        @Option(
                names = "--rankings-topic",
                paramLabel = "TOPIC",
                required = true,
                description = "the topology's rankings topic, followed beside GlobalRankings.json as a reader would")
        String rankingsTopic;

        @Option(names = "--hosts", paramLabel = "N", required = true, description = "the live simulator's --hosts")
        long hosts;

        @Option(
                names = "--seed",
                paramLabel = "N",
                defaultValue = "42",
                description = "the live simulator's --seed (default: ${DEFAULT-VALUE})")
        long seed;

        @Option(
                names = "--rate",
                paramLabel = "HZ",
                defaultValue = "1",
                description =
                        "the live simulator's --rate; 1000 / rate must be whole milliseconds (default: ${DEFAULT-VALUE})")
        double rateHz;

        @Option(
                names = "--spread",
                description = "the live simulator runs with --spread: each host's samples carry its slice's time")
        boolean spread;

        @Option(
                names = "--timed-from-round",
                paramLabel = "N",
                defaultValue = "0",
                description =
                        "time only the samples of rounds N and later, and the emits from round N's time: the"
                                + " rounds before warm the topology up (its JIT compiles the live path) (default: ${DEFAULT-VALUE})")
        long timedFromRound;

        @Option(
                names = "--live-start",
                paramLabel = "EPOCH_MS",
                required = true,
                description = "the sample time of the live simulator's first round")
        long liveStart;

        @Option(names = "--until", paramLabel = "EPOCH_MS", required = true, description = "when to stop watching")
        long until;

        @Option(
                names = "--poll-ms",
                paramLabel = "MS",
                defaultValue = "20",
                description = "how often to look at the files (default: ${DEFAULT-VALUE})")
        long pollMillis;

        @Option(
                names = "--min-age-ms",
                paramLabel = "MS",
                defaultValue = "5000",
                description = "a sample never shown counts only if sent at least this long before --until "
                        + "(default: ${DEFAULT-VALUE})")
        long minAgeMillis;

        @Mixin
        BenchOptions.Result result;

        @Override
        public Integer call() throws Exception {
            OptionValues.inRange("--hosts", hosts, 1, 10_000_000);
            OptionValues.inRange("--timed-from-round", timedFromRound, 0, 1_000_000);
            double periodMillis = 1000 / rateHz;
            if (!(rateHz > 0) || periodMillis != Math.rint(periodMillis)) {
                throw UsageException.invalidValue(
                        "--rate", rateHz, "a rate whose period, 1000 / rate, is whole milliseconds (1, 0.5, 0.2, ...)");
            }
            return watch(this);
        }
    }

    /** One ranking file, watched by one thread. */
    private static final class FileWatch implements Runnable {
        final Path file;
        final boolean global;
        final long liveStart;
        final long timedFrom;
        final long until;
        final long pollMillis;
        final DelayHistogram delays = new DelayHistogram(MAX_DELAY_MILLIS);
        final FreshnessAccounting accounting;
        final List<Double> emitCostsMillis = new ArrayList<>();
        long versions;
        long slowestParseMillis;
        volatile Exception failure;

        FileWatch(
                Path file,
                boolean global,
                long liveStart,
                long timedFrom,
                long until,
                long pollMillis,
                long periodMillis,
                FreshnessAccounting.SentRounds sent,
                FreshnessAccounting.SampleOffsets offsets) {
            this.file = file;
            this.global = global;
            this.liveStart = liveStart;
            this.timedFrom = timedFrom;
            this.until = until;
            this.pollMillis = pollMillis;
            this.accounting = new FreshnessAccounting(liveStart, periodMillis, sent, offsets, delays);
        }

        /** The version there is now, as the state before the live phase; the version read. */
        RankingFiles.Version baseline() throws IOException {
            try (RankingFiles.Opened opened = RankingFiles.open(file)) {
                if (opened == null) {
                    throw new BenchMain.Failure("no " + file + " to start from: the topology has not ranked yet");
                }
                RankingFileScan.hosts(opened.reader(), accounting::baseline);
                return opened.version();
            }
        }

        @Override
        public void run() {
            try {
                RankingFiles.Version last = baseline();
                if (System.currentTimeMillis() >= liveStart) {
                    System.err.println("freshness: warning: the baseline of " + file.getFileName()
                            + " was read after the live phase began; its first samples are not counted");
                }
                while (System.currentTimeMillis() < until) {
                    RankingFiles.Version version = RankingFiles.version(file);
                    if (version != null && !version.equals(last)) {
                        last = read();
                    } else {
                        LockSupport.parkNanos(pollMillis * 1_000_000L);
                    }
                }
            } catch (Exception e) {
                failure = e;
            }
        }

        private RankingFiles.Version read() throws IOException {
            long visible = System.currentTimeMillis();
            try (RankingFiles.Opened opened = RankingFiles.open(file)) {
                Map<String, Double> numbers = RankingFileScan.hosts(
                        opened.reader(), (host, lastSeen) -> accounting.seen(host, lastSeen, visible));
                versions++;
                slowestParseMillis = Math.max(slowestParseMillis, System.currentTimeMillis() - visible);
                if (global && visible >= timedFrom) {
                    long windowsAt = RankingFileScan.requireMillis(numbers, "windowsAtMillis", file);
                    emitCostsMillis.add(opened.version().modifiedMillis() - windowsAt);
                }
                return opened.version();
            }
        }
    }

    private static int watch(Options options) throws Exception {
        Path dir = options.dir;
        int hosts = (int) options.hosts;
        long seed = options.seed;
        long liveStart = options.liveStart;
        long until = options.until;
        long pollMillis = options.pollMillis;
        long minAgeMillis = options.minAgeMillis;
        Path result = options.result.file;

        // the fleet the live simulator runs (same hosts, seed, rate): which host sent which round, when
        HostFleet fleet = HostFleet.create(hosts, seed, options.rateHz);
        Map<String, SimulatedHost> byName = new HashMap<>();
        fleet.hosts().forEach(host -> byName.put(host.name(), host));
        long timedFromRound = options.timedFromRound;
        // rounds before the timed ones count as not sent: a version that shows them times nothing
        FreshnessAccounting.SentRounds sent = (host, round) -> {
            SimulatedHost simulated = byName.get(host);
            return round >= timedFromRound && simulated != null && !fleet.silent(simulated, round);
        };

        FreshnessAccounting.SampleOffsets offsets = host -> {
            SimulatedHost simulated = byName.get(host);
            return options.spread && simulated != null ? fleet.sliceOffsetMillis(fleet.sliceOf(simulated)) : 0;
        };
        long period = fleet.periodMillis();
        long timedFrom = liveStart + timedFromRound * period;
        FileWatch global = new FileWatch(
                dir.resolve(GLOBAL_FILE), true, liveStart, timedFrom, until, pollMillis, period, sent, offsets);
        DelayHistogram topicDelays = new DelayHistogram(MAX_DELAY_MILLIS);
        RankingsTopicWatch topic = new RankingsTopicWatch(
                options.bootstrapServers,
                options.rankingsTopic,
                until,
                new FreshnessAccounting(liveStart, period, sent, offsets, topicDelays),
                topicDelays);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long wallStart = System.nanoTime();
        Thread globalThread = new Thread(global, "watch-global");
        Thread topicThread = new Thread(topic, "watch-rankings-topic");
        globalThread.start();
        topicThread.start();
        System.err.printf(
                Locale.ROOT,
                "freshness: watching %s and the rankings topic %s until %d (live samples from %d)%n",
                global.file.getFileName(),
                options.rankingsTopic,
                until,
                liveStart);
        globalThread.join();
        topicThread.join();
        double cpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
        double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
        if (global.failure != null) {
            throw global.failure;
        }
        if (topic.failure != null) {
            throw topic.failure;
        }
        global.accounting.finish(byName.keySet(), until, minAgeMillis);
        topic.accounting.finish(byName.keySet(), until, minAgeMillis);
        if (global.accounting.visibleSamples() == 0) {
            throw new BenchMain.Failure("no live sample became visible in " + global.file + " between " + liveStart
                    + " and " + until + " (" + global.versions + " versions seen)");
        }
        if (topic.accounting.visibleSamples() == 0) {
            throw new BenchMain.Failure("no live sample became visible on the rankings topic " + options.rankingsTopic
                    + " between " + liveStart + " and " + until + " (" + topic.rankings + " slice rankings read, "
                    + topic.malformed + " records malformed)");
        }

        Map<String, Object> figures = new LinkedHashMap<>();
        report(figures, "freshness.global", global.delays, global.accounting);
        figures.put("freshness.global.versions", global.versions);
        report(figures, "freshness.rankings", topicDelays, topic.accounting);
        figures.put("freshness.rankings.slice_rankings", topic.rankings);
        figures.put("freshness.rankings.malformed", topic.malformed);
        double[] costs =
                global.emitCostsMillis.stream().mapToDouble(Double::doubleValue).toArray();
        figures.put("emit.count", costs.length);
        figures.put("emit.median_ms", Stats.median(costs));
        figures.put("emit.p99_ms", Stats.percentile(99, costs));
        figures.put("emit.max_ms", Stats.percentile(100, costs));
        List<EmitArrivals.Emit> emits = topic.emits.complete(timedFrom);
        double[] toReader = emits.stream()
                .mapToDouble(EmitArrivals.Emit::toLastReceivedMillis)
                .toArray();
        double[] toSent =
                emits.stream().mapToDouble(EmitArrivals.Emit::toLastSentMillis).toArray();
        double[] emitBytes = emits.stream().mapToDouble(emit -> emit.valueBytes).toArray();
        double[] emitRecords = emits.stream().mapToDouble(emit -> emit.records).toArray();
        figures.put("rankings.emit.count", emits.size());
        figures.put("rankings.emit.median_ms", Stats.median(toReader));
        figures.put("rankings.emit.p99_ms", Stats.percentile(99, toReader));
        figures.put("rankings.emit_sent.p99_ms", Stats.percentile(99, toSent));
        figures.put("rankings.records_per_emit", Stats.median(emitRecords));
        figures.put("rankings.bytes_per_host", Stats.median(emitBytes) / hosts);
        figures.put("files.bytes_per_host", OutputBytes.ofDirectory(dir) / (double) hosts);
        figures.put("watcher.cpu_s", cpuSeconds);
        figures.put("watcher.core_share", cpuSeconds / wallSeconds);
        figures.put("watcher.slowest_parse_ms.global", global.slowestParseMillis);
        ResultFile.append(result, figures);
        System.err.printf(
                Locale.ROOT,
                "freshness: GlobalRankings.json p50 %.2f s, p99 %.2f s over %,d samples;"
                        + " rankings topic p50 %.2f s, p99 %.2f s; emit to files median %.0f ms, p99 %.0f ms over %d"
                        + " emits; emit to every slice record at a reader median %.0f ms, p99 %.0f ms over %d emits;"
                        + " watcher CPU %.1f s (%.0f %% of a core)%n",
                global.delays.percentile(50) / 1000,
                global.delays.percentile(99) / 1000,
                global.delays.count(),
                topicDelays.percentile(50) / 1000,
                topicDelays.percentile(99) / 1000,
                Stats.median(costs),
                Stats.percentile(99, costs),
                costs.length,
                Stats.median(toReader),
                Stats.percentile(99, toReader),
                toReader.length,
                cpuSeconds,
                100 * cpuSeconds / wallSeconds);
        return 0;
    }

    private static void report(
            Map<String, Object> figures, String prefix, DelayHistogram delays, FreshnessAccounting accounting) {
        figures.put(prefix + ".p50_s", delays.percentile(50) / 1000);
        figures.put(prefix + ".p99_s", delays.percentile(99) / 1000);
        figures.put(prefix + ".max_s", delays.percentile(100) / 1000);
        figures.put(prefix + ".samples", delays.count());
        figures.put(prefix + ".never_visible", accounting.neverVisibleSamples());
    }
}
