package io.loadrank.bench;

import io.loadrank.cli.LoadrankVersion;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The soak run's verdict as a tool for scripts/soak.sh, which starts and stops the processes and
 * measures; {@link SoakVerdict} decides. Prints each missed target on a line of its own and exits 1
 * when there is one, 0 when every target is met.
 *
 * <pre>
 *   java -cp bench/target/loadrank-bench.jar io.loadrank.bench.SoakCheck --emit-secs 2 --hosts 1000 \
 *     --watches 3 --freshness start=freshness-start.properties ... --samples settled.txt \
 *     --end-age-ms 1200 --ranked 990 --stale 10
 * </pre>
 */
public final class SoakCheck {

    private SoakCheck() {}

    public static void main(String[] args) {
        BenchMain.run(new Options(), args);
    }

    @Command(
            name = "SoakCheck",
            mixinStandardHelpOptions = true,
            versionProvider = LoadrankVersion.class,
            sortOptions = false,
            description = "The soak run's pass/fail from its measurements; each missed target on a line.")
    static final class Options implements Callable<Integer> {
        @Option(names = "--emit-secs", required = true, paramLabel = "S", description = "the topology's emit interval")
        int emitSecs;

        @Option(names = "--hosts", required = true, paramLabel = "N", description = "the simulated hosts")
        int hosts;

        @Option(names = "--watches", required = true, paramLabel = "N", description = "the freshness watches expected")
        int watches;

        @Option(
                names = "--freshness",
                paramLabel = "NAME=FILE",
                description = "a freshness watch and its result file (freshness.global.p99_s); repeat, in order")
        Map<String, Path> freshness = new LinkedHashMap<>();

        @Option(
                names = "--samples",
                required = true,
                paramLabel = "FILE",
                description = "the settled samples, one a line: PID HEAP_MIB THREADS FILES")
        Path samples;

        @Option(
                names = "--end-age-ms",
                required = true,
                paramLabel = "MS",
                description = "the ranking's age at the end; -1: none")
        long endAgeMillis;

        @Option(names = "--ranked", required = true, paramLabel = "N", description = "hosts ranked at the end")
        int ranked;

        @Option(names = "--stale", required = true, paramLabel = "N", description = "hosts stale at the end")
        int stale;

        @Override
        public Integer call() throws IOException {
            Map<String, Double> p99 = new LinkedHashMap<>();
            for (Map.Entry<String, Path> watch : freshness.entrySet()) {
                p99.put(watch.getKey(), p99(watch.getValue()));
            }
            List<String> failures = new SoakVerdict(emitSecs, hosts, watches)
                    .failures(p99, samples(samples), new SoakVerdict.Ending(endAgeMillis, ranked, stale));
            failures.forEach(System.out::println);
            return failures.isEmpty() ? 0 : BenchMain.EXIT_FAILED;
        }
    }

    private static double p99(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Double.NaN;
        }
        Properties figures = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            figures.load(reader);
        }
        String value = figures.getProperty("freshness.global.p99_s", "");
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            return Double.NaN; // not measured: the verdict names the watch
        }
    }

    private static List<SoakVerdict.Sample> samples(Path file) throws IOException {
        List<SoakVerdict.Sample> samples = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length != 4) {
                continue; // a blank line
            }
            samples.add(new SoakVerdict.Sample(
                    Long.parseLong(fields[0]),
                    Double.parseDouble(fields[1]),
                    Integer.parseInt(fields[2]),
                    Integer.parseInt(fields[3])));
        }
        return samples;
    }
}
