package io.loadrank.bench;

import io.loadrank.cli.LoadrankVersion;
import io.loadrank.cli.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The report of a benchmark session: reads the session's settings ({@code session.properties})
 * and the figures of every run ({@code runs/*.properties}, see {@link ResultFile}), writes the
 * per-run figures as CSV and the markdown report (docs/BENCHMARKS.md: a table of figures per fleet
 * size, each the median and min-max over the runs, the targets at 100,000 hosts, the machine, the
 * date and the exact command), and prints the report.
 *
 * <pre>
 *   java -cp bench/target/loadrank-bench.jar io.loadrank.bench.BenchReport --session DIR --out report.md --csv runs.csv
 * </pre>
 */
public final class BenchReport {

    /** The CSV's first columns, in this order; any other figure follows, sorted by name. */
    static final List<String> CSV_COLUMNS = List.of(
            "hosts",
            "run",
            "failure",
            "prefill.rounds",
            "prefill.rate_hz",
            "prefill.seconds",
            "kafka.messages",
            "consumer.records",
            "consumer.seconds",
            "consumer.msgs_per_s",
            "ceiling.msgs_per_s",
            "ceiling.seconds",
            "topology.msgs_per_s",
            "topology.measured_messages",
            "topology.measured_seconds",
            "topology.wall_seconds",
            "ingest.counted",
            "ingest.accepted",
            "ingest.duplicates",
            "ingest.late",
            "ingest.early",
            "ingest.malformed",
            "live.seconds",
            "live.rate_hz",
            "live.warmup_s",
            "emit.count",
            "emit.median_ms",
            "emit.p99_ms",
            "emit.max_ms",
            "freshness.global.p50_s",
            "freshness.global.p99_s",
            "freshness.global.max_s",
            "freshness.global.samples",
            "freshness.global.never_visible",
            "freshness.rankings.p50_s",
            "freshness.rankings.p99_s",
            "freshness.rankings.samples",
            "freshness.rankings.never_visible",
            "rankings.emit.count",
            "rankings.emit.median_ms",
            "rankings.emit.p99_ms",
            "rankings.emit_sent.p99_ms",
            "rankings.records_per_emit",
            "rankings.bytes_per_host",
            "files.bytes_per_host",
            "heap.used_after_gc_mib",
            "watcher.cpu_s",
            "watcher.core_share");

    /** The fleet sizes whose runs are held against the performance targets of docs/BENCHMARKS.md, one table each. */
    private static final List<Long> TARGET_HOSTS = List.of(10_000L, 100_000L);

    private BenchReport() {}

    public static void main(String[] args) {
        BenchMain.run(new Options(), args);
    }

    @Command(
            name = "BenchReport",
            mixinStandardHelpOptions = true,
            versionProvider = LoadrankVersion.class,
            sortOptions = false,
            description = "The markdown report and the CSV of a benchmark session.")
    static final class Options implements Callable<Integer> {
        @Option(
                names = "--session",
                paramLabel = "DIR",
                required = true,
                description = "the session directory: session.properties and runs/*.properties")
        Path session;

        @Option(
                names = "--out",
                paramLabel = "FILE",
                required = true,
                description = "where to write the markdown report")
        Path out;

        @Option(
                names = "--csv",
                paramLabel = "FILE",
                required = true,
                description = "where to write every run's figures")
        Path csv;

        @Override
        public Integer call() throws IOException {
            if (!Files.isDirectory(session)) {
                throw UsageException.invalidValue("--session", session, "a session directory");
            }
            return report(session, out, csv);
        }
    }

    private static int report(Path session, Path out, Path csv) throws IOException {
        Map<String, String> settings = load(session.resolve("session.properties"));
        List<Map<String, String>> runs = new ArrayList<>();
        Path runsDir = session.resolve("runs");
        if (Files.isDirectory(runsDir)) {
            try (Stream<Path> files = Files.list(runsDir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".properties"))
                        .sorted()
                        .toList()) {
                    runs.add(load(file));
                }
            }
        }
        runs.sort(Comparator.comparingLong(
                        (Map<String, String> r) -> number(r, "hosts").longValue())
                .thenComparingLong(r -> number(r, "run").longValue()));
        Files.writeString(csv, csv(runs), StandardCharsets.UTF_8);
        String markdown =
                markdown(settings, runs, Machine.describe(), csv.getFileName().toString());
        Files.writeString(out, markdown, StandardCharsets.UTF_8);
        System.out.print(markdown);
        return 0;
    }

    static Map<String, String> load(Path file) throws IOException {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file);
                    Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        }
        Map<String, String> values = new TreeMap<>();
        properties.forEach((key, value) -> values.put((String) key, (String) value));
        return values;
    }

    /** One row per run, the known columns first. */
    static String csv(List<Map<String, String>> runs) {
        Set<String> columns = new LinkedHashSet<>(CSV_COLUMNS);
        runs.forEach(run -> columns.addAll(new TreeMap<>(run).keySet()));
        StringBuilder out = new StringBuilder(String.join(",", columns)).append('\n');
        for (Map<String, String> run : runs) {
            out.append(columns.stream()
                            .map(c -> csvCell(run.getOrDefault(c, "")))
                            .collect(Collectors.joining(",")))
                    .append('\n');
        }
        return out.toString();
    }

    private static String csvCell(String value) {
        return value.contains(",") || value.contains("\"") ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    /**
     * The freshness target, p99 at most emit + 1 s: a sample shows in the next emit's files, and the
     * second is what writing them may take. The one definition, for the benchmark report and the soak
     * run's verdict ({@link SoakVerdict}).
     */
    static double freshnessTargetSecs(double emitSecs) {
        return emitSecs + 1;
    }

    /** The markdown report. */
    static String markdown(
            Map<String, String> settings, List<Map<String, String>> runs, String machine, String csvName) {
        Map<Long, List<Map<String, String>>> byHosts = new TreeMap<>();
        runs.forEach(run -> byHosts.computeIfAbsent(number(run, "hosts").longValue(), h -> new ArrayList<>())
                .add(run));
        double emitSecs = number(settings, "emit_secs").doubleValue();
        StringBuilder out = new StringBuilder();
        out.append("# loadrank benchmark, ")
                .append(settings.getOrDefault("started_utc", "?"))
                .append("\n\n");
        out.append("Command: `").append(settings.getOrDefault("command", "?")).append("`");
        double elapsed = number(settings, "elapsed_secs");
        if (!Double.isNaN(elapsed)) {
            out.append(String.format(Locale.ROOT, " (took %d min %02d s)", (long) elapsed / 60, (long) elapsed % 60));
        }
        out.append("\n\n");
        out.append("Machine: ")
                .append(machine)
                .append("; load average ")
                .append(settings.getOrDefault("load_at_start", "?"))
                .append(" at the start, ")
                .append(settings.getOrDefault("load_at_end", "?"))
                .append(" at the end.\n\n");
        out.append("Setup: ").append(settings.getOrDefault("setup", "")).append("\n\n");
        out.append("Each cell: median [min–max] over the runs at that fleet size (never a single run); "
                        + "raw figures per run in ")
                .append(csvName)
                .append(".\n\n");

        out.append("| hosts | runs ok | messages per run | consumer msgs/s | Storm ceiling msgs/s | topology msgs/s "
                + "| topology / consumer (%) | topology / ceiling (%) | live load (Hz) | emit to files ms (median) "
                + "| emit to files ms (p99) | emit to rankings topic ms (p99) | freshness at files p50 s "
                + "| freshness at files p99 s | freshness at rankings topic p99 s | file bytes / host "
                + "| rankings topic bytes / host | heap MiB after GC |\n");
        out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        byHosts.forEach((hosts, group) -> {
            List<Map<String, String>> ok =
                    group.stream().filter(r -> !r.containsKey("failure")).toList();
            out.append("| ")
                    .append(thousands(hosts))
                    .append(" | ")
                    .append(ok.size())
                    .append(" of ")
                    .append(group.size())
                    .append(" | ")
                    .append(cell(group, "kafka.messages", 1, 0))
                    .append(" | ")
                    .append(cell(ok, "consumer.msgs_per_s", 1, 0))
                    .append(" | ")
                    .append(cell(ok, "ceiling.msgs_per_s", 1, 0))
                    .append(" | ")
                    .append(cell(ok, "topology.msgs_per_s", 1, 0))
                    .append(" | ")
                    .append(spread(ratio(ok, "consumer.msgs_per_s"), 0))
                    .append(" | ")
                    .append(spread(ratio(ok, "ceiling.msgs_per_s"), 0))
                    .append(" | ")
                    .append(cell(ok, "live.rate_hz", 1, 1))
                    .append(" | ")
                    .append(cell(ok, "emit.median_ms", 1, 0))
                    .append(" | ")
                    .append(cell(ok, "emit.p99_ms", 1, 0))
                    .append(" | ")
                    .append(cell(ok, "rankings.emit.p99_ms", 1, 0))
                    .append(" | ")
                    .append(cell(ok, "freshness.global.p50_s", 1, 2))
                    .append(" | ")
                    .append(cell(ok, "freshness.global.p99_s", 1, 2))
                    .append(" | ")
                    .append(cell(ok, "freshness.rankings.p99_s", 1, 2))
                    .append(" | ")
                    .append(cell(ok, "files.bytes_per_host", 1, 0))
                    .append(" | ")
                    .append(cell(ok, "rankings.bytes_per_host", 1, 0))
                    .append(" | ")
                    .append(cell(ok, "heap.used_after_gc_mib", 1, 0))
                    .append(" |\n");
        });
        out.append("\nfreshness at files: from a live sample's time to the first version of GlobalRankings.json that"
                + " showed it; at the rankings topic: to the moment a consumer of the topic held the first whole"
                + " slice record that showed it; emit to files: GlobalRankings.json's modification time (the last"
                + " file of an emit) - its windowsAtMillis (when the window snapshots it combines were taken); emit"
                + " to rankings topic: the last slice record of an emit received by a consumer - its"
                + " windowsAtMillis (the producer's acknowledgement comes before, so this bounds it from above);"
                + " bytes / host: the ranking files in the output directory at the end, and the record values of"
                + " one emit on the topic, per simulated host; topology msgs/s: messages counted between window snapshots, checked "
                + "against Kafka's totals; Storm ceiling: loadrank's shape with no window, ranking or files "
                + "(StormCeiling spout-parser-batches) over the same prefill, in the same run; live load: rounds "
                + "per second of the live phase, each round spread over its period; freshness and emit are timed "
                + "after the live phase's warm-up (live.warmup_s in the CSV).\n\n");

        for (long hosts : TARGET_HOSTS) {
            out.append(targets(hosts, byHosts.getOrDefault(hosts, List.of()), emitSecs));
        }
        out.append(checks(runs));
        return out.toString();
    }

    /**
     * The performance targets (docs/BENCHMARKS.md states them) against the runs at {@code hosts}: target,
     * measured, met or not. Judged by the median over the good runs, except the heap, which must be
     * met by every run.
     */
    static String targets(long hosts, List<Map<String, String>> runs, double emitSecs) {
        List<Map<String, String>> ok =
                runs.stream().filter(r -> !r.containsKey("failure")).toList();
        String fleet = thousands(hosts) + " hosts";
        StringBuilder out = new StringBuilder("## Performance targets at " + fleet + "\n\n");
        if (ok.isEmpty()) {
            out.append(
                    runs.isEmpty()
                            ? "Not measured: no run at " + fleet + ".\n\n"
                            : "Not measured: every run at " + fleet + " failed (see below).\n\n");
            return out.toString();
        }
        double freshnessTarget = freshnessTargetSecs(emitSecs);
        out.append("| figure | target | measured (median [min–max] of ")
                .append(ok.size())
                .append(ok.size() == 1 ? " run" : " runs")
                .append(") | target met? |\n|---|---|---|---|\n");
        target(
                out,
                "sustained ingest through the topology",
                "≥ 500,000 msgs/s",
                Stats.Spread.of(values(ok, "topology.msgs_per_s")),
                0,
                " msgs/s",
                m -> m >= 500_000);
        target(
                out,
                "topology / plain KafkaConsumer",
                "≥ 40 %",
                ratio(ok, "consumer.msgs_per_s"),
                0,
                " %",
                m -> m >= 40);
        target(
                out,
                "topology / Storm's ceiling for loadrank's shape, same run",
                "≥ 80 % where the ceiling is what limits ingest",
                ratio(ok, "ceiling.msgs_per_s"),
                0,
                " %",
                m -> m >= 80);
        target(
                out,
                "window snapshot → every slice record at a reader of the rankings topic (p99 of the emits)",
                "≤ 500 ms (acknowledged)",
                Stats.Spread.of(values(ok, "rankings.emit.p99_ms")),
                0,
                " ms",
                m -> m <= 500);
        double emitMillis = emitSecs * 1000;
        target(
                out,
                "window snapshot → every file of the emit in place (p99 of the emits)",
                String.format(Locale.ROOT, "≤ one emit interval = %s ms", plain(emitMillis)),
                Stats.Spread.of(values(ok, "emit.p99_ms")),
                0,
                " ms",
                m -> m <= emitMillis);
        target(
                out,
                "bytes of one emit's files per host",
                "≤ 600",
                Stats.Spread.of(values(ok, "files.bytes_per_host")),
                0,
                "",
                m -> m <= 600);
        target(
                out,
                "freshness p99 at the rankings topic",
                String.format(Locale.ROOT, "≤ emit + 1 s = %s s", plain(freshnessTarget)),
                Stats.Spread.of(values(ok, "freshness.rankings.p99_s")),
                2,
                " s",
                m -> m <= freshnessTarget);
        // the files may take one emit more at 100,000 hosts: writing them is most of an emit's work there
        double filesFreshnessTarget = hosts >= 100_000 ? 2 * emitSecs + 1 : freshnessTarget;
        target(
                out,
                "freshness p99 at the files",
                String.format(
                        Locale.ROOT,
                        "≤ %s = %s s",
                        hosts >= 100_000 ? "2 × emit + 1 s" : "emit + 1 s",
                        plain(filesFreshnessTarget)),
                Stats.Spread.of(values(ok, "freshness.global.p99_s")),
                2,
                " s",
                m -> m <= filesFreshnessTarget);
        Stats.Spread heap = Stats.Spread.of(values(ok, "heap.used_after_gc_mib"));
        target(out, "heap after a full GC, every run", "≤ 1 GiB (1,024 MiB)", heap, 0, " MiB", m -> heap.max() <= 1024);
        out.append('\n');
        return out.toString();
    }

    private static void target(
            StringBuilder out,
            String figure,
            String target,
            Stats.Spread measured,
            int decimals,
            String unit,
            java.util.function.DoublePredicate met) {
        out.append("| ")
                .append(figure)
                .append(" | ")
                .append(target)
                .append(" | ")
                .append(spread(measured, decimals))
                .append(measured.isEmpty() ? "" : unit)
                .append(" | ")
                .append(measured.isEmpty() ? "not measured" : met.test(measured.median()) ? "yes" : "**no**")
                .append(" |\n");
    }

    /** Per run: Kafka's total against what the topology counted, and what the watchers saw. */
    static String checks(List<Map<String, String>> runs) {
        StringBuilder out = new StringBuilder("## Checks per run\n\n");
        out.append("| hosts | run | Kafka messages | counted by the topology | accepted | duplicates | late | early "
                + "| malformed | live samples timed | not shown by the end | watcher CPU (% of a core) | result |\n");
        out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Map<String, String> run : runs) {
            String failure = run.get("failure");
            out.append("| ")
                    .append(thousands(number(run, "hosts").longValue()))
                    .append(" | ")
                    .append(run.getOrDefault("run", "?"));
            for (String key : List.of(
                    "kafka.messages",
                    "ingest.counted",
                    "ingest.accepted",
                    "ingest.duplicates",
                    "ingest.late",
                    "ingest.early",
                    "ingest.malformed",
                    "freshness.global.samples",
                    "freshness.global.never_visible")) {
                double value = number(run, key).doubleValue();
                out.append(" | ").append(Double.isNaN(value) ? "–" : thousands(Math.round(value)));
            }
            double share = number(run, "watcher.core_share").doubleValue();
            out.append(" | ").append(Double.isNaN(share) ? "–" : String.format(Locale.ROOT, "%.0f", 100 * share));
            boolean countsMatch = !Double.isNaN(number(run, "ingest.counted").doubleValue())
                    && number(run, "ingest.counted").longValue()
                            >= number(run, "kafka.messages").longValue();
            out.append(" | ")
                    .append(
                            failure != null
                                    ? "failed: " + failure.replace("|", "/")
                                    : countsMatch ? "ok (counted = Kafka)" : "ok?")
                    .append(" |\n");
        }
        out.append('\n');
        return out.toString();
    }

    /** Topology msgs/s as a percentage of the rate under {@code key} (the consumer's, the ceiling's), per run. */
    private static Stats.Spread ratio(List<Map<String, String>> runs, String key) {
        return Stats.Spread.of(runs.stream()
                .mapToDouble(r -> 100
                        * number(r, "topology.msgs_per_s").doubleValue()
                        / number(r, key).doubleValue())
                .toArray());
    }

    private static String cell(List<Map<String, String>> runs, String key, double scale, int decimals) {
        double[] values = values(runs, key);
        for (int i = 0; i < values.length; i++) {
            values[i] *= scale;
        }
        return spread(Stats.Spread.of(values), decimals);
    }

    private static double[] values(List<Map<String, String>> runs, String key) {
        return runs.stream().mapToDouble(r -> number(r, key).doubleValue()).toArray();
    }

    /** "median [min–max]", or only the value when all runs agree or there is one; "–" for none. */
    static String spread(Stats.Spread spread, int decimals) {
        if (spread.isEmpty()) {
            return "–";
        }
        Function<Double, String> format =
                v -> decimals == 0 ? thousands(Math.round(v)) : String.format(Locale.ROOT, "%,." + decimals + "f", v);
        String median = format.apply(spread.median());
        if (spread.runs() == 1 || format.apply(spread.min()).equals(format.apply(spread.max()))) {
            return median;
        }
        return median + " [" + format.apply(spread.min()) + "–" + format.apply(spread.max()) + "]";
    }

    static String thousands(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /** The number under {@code key}; NaN when absent or empty. */
    static Double number(Map<String, String> values, String key) {
        String value = values.get(key);
        if (value == null || value.isBlank()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** What this machine is, for the report. */
    static final class Machine {

        private Machine() {}

        static String describe() {
            String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name");
            String memKiB = firstValue(Path.of("/proc/meminfo"), "MemTotal");
            String memory = "?";
            if (memKiB != null) {
                memory = String.format(
                        Locale.ROOT, "%.1f GiB memory", Long.parseLong(memKiB.replaceAll("[^0-9]", "")) / 1048576.0);
            }
            return String.format(
                    Locale.ROOT,
                    "%s, %d cores, %s, %s %s, Java %s (%s)",
                    cpu == null ? "CPU unknown" : cpu,
                    Runtime.getRuntime().availableProcessors(),
                    memory,
                    System.getProperty("os.name"),
                    System.getProperty("os.version"),
                    System.getProperty("java.runtime.version"),
                    System.getProperty("java.vm.name"));
        }

        private static String firstValue(Path file, String key) {
            try (Stream<String> lines = Files.lines(file)) {
                return lines.filter(l -> l.startsWith(key))
                        .map(l -> l.substring(l.indexOf(':') + 1).trim())
                        .findFirst()
                        .orElse(null);
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
    }
}
