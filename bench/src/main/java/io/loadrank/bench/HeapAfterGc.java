package io.loadrank.bench;

import io.loadrank.cli.LoadrankVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The memory figure of docs/BENCHMARKS.md and of the soak run (docs/RELIABILITY-faults.md), defined
 * here once: the heap a running JVM still holds after a full garbage collection, less its young
 * generation, measured with the JDK's {@code jcmd}: {@code GC.run} (a full GC), then
 * {@code GC.heap_info}, whose lines say how much of the heap is used and how much of it is young.
 * The young part is what the JVM allocated again in the moment between the two calls: a busy worker
 * fills several MiB of it, noise that would hide a slow growth of what it keeps.
 *
 * <pre>
 *   java -cp bench/target/loadrank-bench.jar io.loadrank.bench.HeapAfterGc --pid PID --result run.properties
 * </pre>
 */
public final class HeapAfterGc {

    /** A heap line of GC.heap_info: G1's one, or each generation of Parallel and Serial GC. */
    private static final Pattern HEAP_LINE = Pattern.compile("total (\\d+)K, used (\\d+)K");
    /** G1's young and survivor regions: {@code region size 1024K, 3 young (3072K), 0 survivors (0K)}. */
    private static final Pattern G1_YOUNG = Pattern.compile("young \\((\\d+)K\\), \\d+ survivors \\((\\d+)K\\)");
    /** The young generation of Parallel and Serial GC. */
    private static final Pattern YOUNG_GENERATION =
            Pattern.compile("(?:PSYoungGen|def new generation)\\s+total \\d+K, used (\\d+)K");

    private HeapAfterGc() {}

    public static void main(String[] args) {
        BenchMain.run(new Options(), args);
    }

    @Command(
            name = "HeapAfterGc",
            mixinStandardHelpOptions = true,
            versionProvider = LoadrankVersion.class,
            sortOptions = false,
            description = "The heap a JVM uses after a full GC, by jcmd.")
    static final class Options implements Callable<Integer> {
        @Option(names = "--pid", paramLabel = "PID", required = true, description = "the process of the JVM to measure")
        long pid;

        @Mixin
        BenchOptions.Result result;

        @Override
        public Integer call() throws IOException, InterruptedException {
            jcmd(pid, "GC.run");
            String info = jcmd(pid, "GC.heap_info");
            long used = usedBytes(info);
            System.err.printf(
                    Locale.ROOT,
                    "heap: %.1f MiB used after a full GC, young generation left out (pid %d)%n",
                    used / 1048576.0,
                    pid);
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("heap.used_after_gc_mib", used / 1048576.0);
            ResultFile.append(result.file, figures);
            return 0;
        }
    }

    /**
     * The heap in use less the young generation, according to the output of {@code jcmd PID
     * GC.heap_info}: the sum of the {@code used} of its heap lines ({@code total ...K, used ...K};
     * Metaspace lines, which have no total, are not heap), less G1's young and survivor regions or
     * the young generation's line of Parallel and Serial GC.
     */
    static long usedBytes(String heapInfo) {
        Matcher matcher = HEAP_LINE.matcher(heapInfo);
        long usedKiB = 0;
        boolean found = false;
        while (matcher.find()) {
            usedKiB += Long.parseLong(matcher.group(2));
            found = true;
        }
        if (!found) {
            throw new BenchMain.Failure("no heap figure in the output of jcmd GC.heap_info: " + heapInfo.strip());
        }
        Matcher g1Young = G1_YOUNG.matcher(heapInfo);
        if (g1Young.find()) {
            usedKiB -= Long.parseLong(g1Young.group(1)) + Long.parseLong(g1Young.group(2));
        }
        Matcher youngGeneration = YOUNG_GENERATION.matcher(heapInfo);
        if (youngGeneration.find()) {
            usedKiB -= Long.parseLong(youngGeneration.group(1));
        }
        return usedKiB * 1024;
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        String executable = Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd";
        Process process = new ProcessBuilder(List.of(executable, Long.toString(pid), command))
                .redirectErrorStream(true)
                .start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new BenchMain.Failure("jcmd " + pid + " " + command + " did not finish within 120 s");
        }
        String text = new String(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new BenchMain.Failure(
                    "jcmd " + pid + " " + command + " failed (exit " + process.exitValue() + "): " + text.strip());
        }
        return text;
    }
}
