package io.loadrank.bench;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The options that several bench tools share, each defined once (picocli mixins). */
final class BenchOptions {

    private BenchOptions() {}

    /** Where a tool appends its figures ({@link ResultFile}). */
    static final class Result {
        @Option(
                names = "--result",
                paramLabel = "FILE",
                required = true,
                description = "the run's properties file the figures are appended to")
        Path file;
    }

    /** The Kafka topics a tool reads. */
    static final class Kafka {
        @Option(
                names = "--bootstrap-servers",
                paramLabel = "HOST:PORT[,...]",
                required = true,
                description = "Kafka bootstrap servers")
        String bootstrapServers;

        @Option(
                names = "--topics",
                paramLabel = "T1,T2,...",
                required = true,
                split = ",",
                description = "the prefilled topics, comma-separated")
        List<String> topics;
    }

    /** How long a tool waits before it gives up. */
    static final class Deadline {
        @Option(
                names = "--deadline-secs",
                paramLabel = "SECONDS",
                defaultValue = "600",
                description = "give up after this many seconds (default: ${DEFAULT-VALUE})")
        long seconds;
    }
}
