package io.loadrank.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.testing.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault C of docs/RELIABILITY-faults.md (docs/RELIABILITY.md, "output directory missing or unwritable"): the
 * topology runs in its own JVM (scripts/run-local.sh), fed live through a real Kafka broker, while
 * its output directory is made unwritable for 15 s twice: first made immutable ({@code chattr +i};
 * the tests run as root, whom {@code chmod} would not stop), then replaced by a plain file. Each
 * outage must give one clear error line, not one per emit or per file; rankings must resume within
 * two emits once the directory can be written again; no temporary or partial file may be left.
 */
class OutputDirectoryFaultIT {

    private static final int EMIT_SECS = 1;
    private static final Duration OUTAGE = Duration.ofSeconds(15);
    private static final Duration DEADLINE = Duration.ofSeconds(150);
    private static final List<String> TOPICS = List.of("cpuLoad", "memLoad");
    private static final String RANKING = "{A=75, B=25}";
    private static final Pattern WRITE_ERROR = Pattern.compile("cannot write ranking file");
    private static final Pattern WRITTEN_AGAIN = Pattern.compile("written again");

    @TempDir
    Path runDir;

    @Test
    void
            givenARunningTopology_whenItsOutputDirectoryIsImmutableThenAFileFor15sEach_thenOneErrorPerOutageAndRankingsResumeWithinTwoEmits()
                    throws Exception {
        try (FaultRig rig = FaultRig.start(runDir, TOPICS, 1, Map.of())) {
            Path output = rig.files().directory();
            OutputFiles files = rig.files();
            Map<String, String> settings = rig.settings(EMIT_SECS);
            settings.put("loadrank.stale.after.secs", "300");
            try (SampleFeed feed = new SampleFeed(rig.broker().bootstrapServers());
                    LiveFeed live = rig.liveFeed(feed, Map.of("A", 60.0, "B", 20.0));
                    LocalTopologyProcess topology = LocalTopologyProcess.start(runDir.resolve("topology"), settings)) {
                // given: rankings written
                awaitRanking(files, topology, 0);
                assertThat(errorLines(topology))
                        .as("no write error before the faults")
                        .isEmpty();

                // when: the directory is immutable for 15 s
                long restored = outage(topology, () -> chattr("+i", output), () -> chattr("-i", output));

                // then: one error line, one "written again" line, rankings within two emits
                assertThat(errorLines(topology))
                        .as("error lines for the immutable directory")
                        .hasSize(1)
                        .allSatisfy(line -> assertThat(line).contains(output.toString()));
                awaitRanking(files, topology, restored);
                Await.until(
                        Duration.ofSeconds(10),
                        "one 'written again' line",
                        () -> topology.logLines("WARN", "RankingFileWriter", WRITTEN_AGAIN)
                                        .size()
                                == 1);

                // when: the directory is replaced by a plain file for 15 s, then the file is removed
                Path away = runDir.resolve("output-away");
                long restoredAgain = outage(
                        topology,
                        () -> {
                            Files.move(output, away);
                            Files.writeString(output, "not a directory");
                        },
                        () -> Files.delete(output));

                // then: one more error line naming what is wrong; the topology creates the directory again
                List<String> errors = errorLines(topology);
                assertThat(errors).as("error lines after both outages").hasSize(2);
                assertThat(errors.get(1)).contains(output.toString()).contains("not a directory");
                awaitRanking(files, topology, restoredAgain);
                Await.until(
                        Duration.ofSeconds(10),
                        "a second 'written again' line",
                        () -> topology.logLines("WARN", "RankingFileWriter", WRITTEN_AGAIN)
                                        .size()
                                == 2);

                // and: only whole ranking files, no temporary file, in either directory
                for (Path directory : List.of(output, away)) {
                    try (Stream<Path> listed = Files.list(directory)) {
                        assertThat(listed.map(path -> path.getFileName().toString()))
                                .as("files in " + directory)
                                .allMatch(name -> name.matches("[A-Za-z]+\\.(txt|json)"));
                    }
                }
                assertThat(topology.isAlive()).as("the topology JVM lives on").isTrue();
            } finally {
                chattr("-i", output);
            }
        }
    }

    /**
     * Breaks the directory, waits until the outage has lasted {@link #OUTAGE} while the topology
     * keeps emitting (and failing to write), repairs it; returns when it was repaired.
     */
    private static long outage(LocalTopologyProcess topology, IoAction breakIt, IoAction repair) throws Exception {
        int errorsBefore = errorLines(topology).size();
        breakIt.run();
        long broken = System.currentTimeMillis();
        try {
            Await.until(
                    Duration.ofSeconds(30),
                    "the topology to log that it cannot write",
                    () -> errorLines(topology).size() > errorsBefore);
            // a deliberate fault duration: about 15 emits fail meanwhile
            Await.until(
                    OUTAGE.plusSeconds(5),
                    "the outage to last " + OUTAGE,
                    () -> System.currentTimeMillis() - broken >= OUTAGE.toMillis());
            assertThat(errorLines(topology))
                    .as("error lines after %s of failing emits", OUTAGE)
                    .hasSize(errorsBefore + 1);
        } finally {
            repair.run();
        }
        return System.currentTimeMillis();
    }

    /**
     * Waits for the global ranking; after a repair at {@code since}, checks that the first files
     * made after it were made within two emits (by the time the topology wrote into them, not
     * when this test saw them).
     */
    private static void awaitRanking(OutputFiles files, LocalTopologyProcess topology, long since) {
        Await.until(
                DEADLINE,
                "GlobalRankings.txt to read " + RANKING + " (" + topology.logTail() + ")",
                () -> files.globalRanking().filter(RANKING::equals).isPresent());
        if (since == 0) {
            return;
        }
        for (String file :
                Stream.concat(Stream.of("GlobalRankings"), TOPICS.stream()).toList()) {
            long rankedAt = Await.value(
                    Duration.ofSeconds(30),
                    file + ".json made after the repair",
                    () -> files.json(file + ".json")
                            .map(json -> json.get("rankedAtMillis").getAsLong())
                            .filter(millis -> millis >= since));
            assertThat(rankedAt - since)
                    .as("ms from the repair to the first %s.json made after it", file)
                    .isLessThanOrEqualTo(2_000L * EMIT_SECS);
        }
        assertThat(files.globalRanking()).hasValue(RANKING);
    }

    private static List<String> errorLines(LocalTopologyProcess topology) {
        return topology.logLines("ERROR", "RankingFileWriter", WRITE_ERROR);
    }

    private static void chattr(String flag, Path path) throws IOException, InterruptedException {
        if (!Files.isDirectory(path)) {
            return;
        }
        Process process = new ProcessBuilder("chattr", flag, path.toString())
                .redirectErrorStream(true)
                .start();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as(
                        "chattr %s %s: %s",
                        flag, path, new String(process.getInputStream().readAllBytes()))
                .isZero();
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws Exception;
    }
}
