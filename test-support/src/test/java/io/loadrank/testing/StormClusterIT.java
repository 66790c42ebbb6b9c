package io.loadrank.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real cluster of scripts/storm-cluster.sh: separate JVMs for ZooKeeper, Nimbus, the
 * Supervisor and the worker it launches, a topology jar without storm-client submitted like
 * {@code storm jar}, and nothing left running afterwards.
 */
class StormClusterIT {
    private static final String TOPOLOGY = "words-it";

    @TempDir
    Path tempDir;

    @Test
    void submittedTopologyRunsInAWorkerOfTheClusterAndNoProcessSurvivesKillAndStop() throws Exception {
        // given a topology jar that, like the real one, holds no Storm classes
        Path jar = topologyJar(tempDir.resolve("word-file-topology.jar"));
        Path output = tempDir.resolve("words.txt");
        Path config = tempDir.resolve("topology.yaml");
        Files.writeString(
                config,
                WordFileTopology.TOPOLOGY_NAME + ": \"" + TOPOLOGY + "\"\n" + WordFileTopology.OUTPUT_FILE + ": \""
                        + output + "\"\n");
        Path runDir = tempDir.resolve("run");

        long startNanos = System.nanoTime();
        try (StormClusterProcess storm = StormClusterProcess.start(runDir)) {
            long startedNanos = System.nanoTime();

            // when it is submitted through the script
            storm.submit(jar, WordFileTopology.class.getName(), config);
            long submittedNanos = System.nanoTime();

            // then a worker launched by the supervisor runs it
            Await.until(
                    Duration.ofMinutes(3),
                    "words written by the topology's worker to " + output,
                    () -> lines(output).size() >= 3);
            long runningNanos = System.nanoTime();
            System.out.printf(
                    "storm cluster start %.1fs, submit %.1fs, submit-to-output %.1fs%n",
                    (startedNanos - startNanos) / 1e9,
                    (submittedNanos - startedNanos) / 1e9,
                    (runningNanos - startedNanos) / 1e9);
            assertThat(lines(output))
                    .allSatisfy(line -> assertThat(line).matches("\\w+ storm\\.id=" + TOPOLOGY + "-\\d+-\\d+"));
            assertThat(storm.topologies()).containsExactly(TOPOLOGY);
            assertThat(workerProcessesOf(storm)).isNotEmpty();

            // and killing it removes the topology and its workers
            storm.kill(TOPOLOGY);
            assertThat(storm.topologies()).isEmpty();
            assertThat(workerProcessesOf(storm)).isEmpty();
        }

        // and stopping the cluster leaves no process of its run directory
        assertThat(Processes.mentioning(runDir)).isEmpty();
    }

    /** Worker JVMs carry -Dstorm.local.dir=<the cluster's local dir> (the daemons do not). */
    private static List<ProcessHandle> workerProcessesOf(StormClusterProcess storm) {
        return Processes.mentioning(storm.stormHome().resolve("data/storm-local")).stream()
                .filter(p -> p.info().commandLine().orElse("").contains("-Dstorm.local.dir="))
                .toList();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file)
                    ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8)
                            .lines()
                            .toList()
                    : List.of();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The compiled WordFileTopology classes (and nothing else) in a jar, as the shade plugin would package them. */
    private static Path topologyJar(Path jar) throws IOException, URISyntaxException {
        Path classes = Path.of(WordFileTopology.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        String packageDir = WordFileTopology.class.getPackageName().replace('.', '/');
        List<Path> classFiles;
        try (Stream<Path> files = Files.list(classes.resolve(packageDir))) {
            classFiles = files.filter(
                            f -> f.getFileName().toString().startsWith(WordFileTopology.class.getSimpleName()))
                    .filter(f -> f.getFileName().toString().endsWith(".class"))
                    .sorted()
                    .toList();
        }
        assertThat(classFiles).isNotEmpty();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, WordFileTopology.class.getName());
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
            for (Path classFile : classFiles) {
                jarOut.putNextEntry(new JarEntry(packageDir + "/" + classFile.getFileName()));
                Files.copy(classFile, jarOut);
                jarOut.closeEntry();
            }
        }
        List<String> entries = new ArrayList<>();
        try (JarFile jarFile = new JarFile(jar.toFile())) {
            jarFile.stream().forEach(e -> entries.add(e.getName()));
        }
        assertThat(entries).noneMatch(name -> name.startsWith("org/apache/storm/") || name.equals("defaults.yaml"));
        return jar;
    }
}
