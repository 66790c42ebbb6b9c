package io.loadrank.bench.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.loadrank.testing.FreePorts;
import io.loadrank.testing.JsonRows;
import io.loadrank.testing.Processes;
import io.loadrank.testing.RepoPaths;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main job as a user runs it: {@code scripts/demo.sh --duration 40 --no-view} from the built tree
 * (Kafka, the host simulator, the topology in a LocalCluster, the terminal view). It must rank the
 * simulated hosts, exit 0, and leave nothing it started running or listening. It lives in the last
 * module of the build, so that every jar the demo runs is built; it refuses to run without them
 * rather than let the demo build the tree in the middle of a build.
 */
class DemoIT {

    private static final int HOSTS = 12;
    private static final long DURATION_SECS = 40;

    @TempDir
    Path work;

    @Test
    void givenTheBuiltTree_whenTheDemoRunsForItsDuration_thenItRanksTheSimulatedHostsExits0AndLeavesNothingRunning()
            throws Exception {
        Path repo = RepoPaths.root();
        for (String jar : List.of(
                "target/loadrank-topology.jar",
                "simulator/target/loadrank-simulator.jar",
                "common/target/loadrank-common.jar")) {
            assertThat(repo.resolve(jar))
                    .as("built before this test (mvn package)")
                    .isRegularFile();
        }
        Path runDir = work.resolve("run");
        Path output = work.resolve("output");
        Path log = work.resolve("demo.log");
        int kafkaPort = FreePorts.one();
        List<String> command = List.of(
                repo.resolve("scripts/demo.sh").toString(),
                "--duration",
                String.valueOf(DURATION_SECS),
                "--no-view",
                "--hosts",
                String.valueOf(HOSTS));
        ProcessBuilder demo = new ProcessBuilder(command)
                .directory(repo.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        demo.environment().put("LOADRANK_RUN_DIR", runDir.toString());
        demo.environment().put("DEMO_OUTPUT_DIR", output.toString());
        demo.environment().put("DEMO_KAFKA_PORT", String.valueOf(kafkaPort));
        demo.environment().put("DEMO_VIEW_PORT", String.valueOf(FreePorts.one()));

        Process process = demo.start();
        Thread stopOnExit = Processes.killOnExit("the demo", List.of(process.pid()));
        boolean ended;
        List<String> leftRunning;
        List<Integer> leftListening = new ArrayList<>();
        try {
            // its duration, Kafka's and the LocalCluster's start and the orderly stop of each part
            ended = process.waitFor(DURATION_SECS + 150, TimeUnit.SECONDS);
        } finally {
            if (process.isAlive()) {
                process.destroy();
                process.waitFor(60, TimeUnit.SECONDS);
            }
            // what it left is looked at first, then stopped, so that a broken demo does not outlive the test
            leftRunning = Processes.mentioning(runDir).stream()
                    .map(Processes::describe)
                    .toList();
            for (int port : new int[] {kafkaPort, kafkaPort + 1}) {
                if (listening(port)) {
                    leftListening.add(port);
                }
            }
            Processes.mentioning(runDir).forEach(ProcessHandle::destroyForcibly);
            Processes.forgetOnExit(stopOnExit);
        }
        String said = Files.readString(log, StandardCharsets.UTF_8);

        assertThat(ended).as("the demo ended by itself; it said:%n%s", said).isTrue();
        assertThat(process.exitValue()).as("exit code; it said:%n%s", said).isZero();
        assertThat(output.resolve("GlobalRankings.json"))
                .as("the ranking file; it said:%n%s", said)
                .isRegularFile();
        JsonObject ranking = JsonParser.parseString(
                        Files.readString(output.resolve("GlobalRankings.json"), StandardCharsets.UTF_8))
                .getAsJsonObject();
        List<String> ranked = new ArrayList<>();
        JsonRows.hosts(ranking)
                .forEach(host -> ranked.add(host.getAsJsonObject().get("host").getAsString()));
        assertThat(ranked).as("hosts ranked; it said:%n%s", said).isNotEmpty().allMatch(h -> h.startsWith("cass-"));
        assertThat(said).contains("hosts ranked");
        assertThat(leftRunning)
                .as("processes of its run directory after it ended")
                .isEmpty();
        assertThat(leftListening)
                .as("Kafka's ports still listening after it ended")
                .isEmpty();
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
