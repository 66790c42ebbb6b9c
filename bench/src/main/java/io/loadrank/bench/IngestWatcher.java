package io.loadrank.bench;

import io.loadrank.cli.LoadrankVersion;
import io.loadrank.rankingfile.RankingFileScan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Watches the topology consume the prefilled topics: polls the topic ranking files (opened only
 * when their modification time changes, and then only their head and tail), until every topic's
 * ingest counters add up to what Kafka holds, and reports the topology's messages per second
 * ({@link IngestProgress}). Fails, saying what is missing, if that does not happen by the
 * deadline or if the topology's process exits.
 *
 * <pre>
 *   java -cp bench/target/loadrank-bench.jar io.loadrank.bench.IngestWatcher --dir OUTPUT_DIR --totals totals.txt \
 *       --result run.properties --deadline-secs 260 [--pid TOPOLOGY_PID] [--poll-ms 100]
 * </pre>
 */
public final class IngestWatcher {

    private static final long PROGRESS_EVERY_NANOS = 10_000_000_000L;

    private IngestWatcher() {}

    public static void main(String[] args) {
        BenchMain.run(new Options(), args);
    }

    @Command(
            name = "IngestWatcher",
            mixinStandardHelpOptions = true,
            versionProvider = LoadrankVersion.class,
            sortOptions = false,
            description = "Watches the topology consume the prefilled topics; its messages per second.")
    static final class Options implements Callable<Integer> {
        @Option(names = "--dir", paramLabel = "DIR", required = true, description = "the topology's output directory")
        Path dir;

        @Option(
                names = "--totals",
                paramLabel = "FILE",
                required = true,
                description = "what Kafka holds per topic, as ConsumerReadBench --totals-out wrote it")
        Path totals;

        @Mixin
        BenchOptions.Result result;

        @Option(
                names = "--deadline-secs",
                paramLabel = "SECONDS",
                required = true,
                description = "fail if the topology has not consumed everything after this many seconds")
        long deadlineSecs;

        @Option(
                names = "--pid",
                paramLabel = "PID",
                defaultValue = "0",
                description =
                        "the topology's process: fail early if it exits; 0 = not watched (default: ${DEFAULT-VALUE})")
        long pid;

        @Option(
                names = "--poll-ms",
                paramLabel = "MS",
                defaultValue = "100",
                description = "how often to look at the files (default: ${DEFAULT-VALUE})")
        long pollMs;

        @Override
        public Integer call() throws IOException {
            return watch(dir, readTotals(totals), result.file, deadlineSecs, pid, pollMs);
        }
    }

    /** The {@code topic<TAB>messages} lines of {@link ConsumerReadBench}. */
    static Map<String, Long> readTotals(Path file) throws IOException {
        Map<String, Long> totals = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                String[] parts = line.split("\t");
                totals.put(parts[0], Long.parseLong(parts[1].trim()));
            }
        }
        return totals;
    }

    private static int watch(Path dir, Map<String, Long> totals, Path result, long deadlineSecs, long pid, long pollMs)
            throws IOException {
        IngestProgress progress = new IngestProgress(totals);
        Map<String, RankingFiles.Version> seen = new HashMap<>();
        long start = System.nanoTime();
        long deadline = start + deadlineSecs * 1_000_000_000L;
        long nextProgress = start + PROGRESS_EVERY_NANOS;
        while (!progress.complete()) {
            for (String topic : totals.keySet()) {
                Path file = dir.resolve(topic + ".json");
                RankingFiles.Version version = RankingFiles.version(file);
                if (version == null || version.equals(seen.get(topic))) {
                    continue;
                }
                try (RankingFiles.Opened opened = RankingFiles.open(file)) {
                    if (opened == null) {
                        continue;
                    }
                    Map<String, Double> numbers = RankingFileScan.summary(opened.channel(), "windowAtMillis");
                    long windowAt = RankingFileScan.requireMillis(numbers, "windowAtMillis", file);
                    progress.snapshot(
                            topic,
                            windowAt,
                            new IngestProgress.Counts(
                                    count(numbers, "ingest.accepted"),
                                    count(numbers, "ingest.duplicates"),
                                    count(numbers, "ingest.late"),
                                    count(numbers, "ingest.early"),
                                    count(numbers, "ingest.malformedTotal")));
                    seen.put(topic, opened.version());
                }
            }
            if (progress.complete()) {
                break;
            }
            long now = System.nanoTime();
            if (now >= nextProgress) {
                System.err.printf(
                        Locale.ROOT,
                        "ingest: %,d of %,d messages counted after %.0f s%n",
                        progress.counted().counted(),
                        progress.total(),
                        (now - start) / 1e9);
                nextProgress = now + PROGRESS_EVERY_NANOS;
            }
            if (pid > 0 && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true)) {
                throw new BenchMain.Failure("the topology (pid " + pid + ") exited before it had counted the prefill: "
                        + progress.missing());
            }
            if (now > deadline) {
                throw new BenchMain.Failure(String.format(
                        Locale.ROOT,
                        "the topology did not count all %,d prefilled messages within %d s (%,d counted); per topic: %s",
                        progress.total(),
                        deadlineSecs,
                        progress.counted().counted(),
                        progress.missing()));
            }
            LockSupport.parkNanos(pollMs * 1_000_000L);
        }
        double wallSeconds = (System.nanoTime() - start) / 1e9;
        IngestProgress.Counts counted = progress.counted();
        double rate = progress.messagesPerSecond();
        System.err.printf(
                Locale.ROOT,
                "ingest: all %,d messages counted (accepted %,d, duplicates %,d, late %,d, early %,d,"
                        + " malformed %,d); %,d of them in %.1f s between window snapshots: %,.0f msgs/s%n",
                progress.total(),
                counted.accepted(),
                counted.duplicates(),
                counted.late(),
                counted.early(),
                counted.malformed(),
                progress.measuredMessages(),
                progress.measuredMillis() / 1000,
                rate);
        if (counted.accepted() != progress.total()) {
            System.err.printf(
                    Locale.ROOT,
                    "ingest: warning: %,d of %,d prefilled samples were accepted into the window"
                            + " (late ones waited longer than the window before the topology read them)%n",
                    counted.accepted(),
                    progress.total());
        }
        if (Double.isNaN(rate)) {
            System.err.println("ingest: warning: everything was counted within one emit interval, so there is no rate;"
                    + " prefill more messages (--messages)");
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("topology.msgs_per_s", rate);
        figures.put("topology.measured_messages", progress.measuredMessages());
        figures.put("topology.measured_seconds", progress.measuredMillis() / 1000);
        figures.put("topology.wall_seconds", wallSeconds);
        figures.put("ingest.counted", counted.counted());
        figures.put("ingest.accepted", counted.accepted());
        figures.put("ingest.duplicates", counted.duplicates());
        figures.put("ingest.late", counted.late());
        figures.put("ingest.early", counted.early());
        figures.put("ingest.malformed", counted.malformed());
        ResultFile.append(result, figures);
        return 0;
    }

    private static long count(Map<String, Double> numbers, String key) {
        Double value = numbers.get(key);
        if (value == null) {
            throw new BenchMain.Failure("a topic ranking file has no " + key);
        }
        return value.longValue();
    }
}
