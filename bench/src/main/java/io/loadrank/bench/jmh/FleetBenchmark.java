package io.loadrank.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The settings every loadrank benchmark shares, in one place (JMH reads them from the superclass;
 * a benchmark class overrides one by annotating itself): the mean time of an operation, one fork
 * with a fixed 2 GiB heap (the fixtures hold up to 5 topics of 100,000 hosts), 3 warm-up and 5
 * measured iterations of 2 s, and the fixture built once per run, so that the suite takes about
 * 6 minutes. Command-line options ({@code -f}, {@code -wi}, {@code -i}, ...) override them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public abstract class FleetBenchmark {}
