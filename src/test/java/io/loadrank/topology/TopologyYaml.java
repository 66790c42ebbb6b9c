package io.loadrank.topology;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A topology configuration file for a test: its broker, its output directory and the test's own lines. */
final class TopologyYaml {

    private TopologyYaml() {}

    static Path write(Path file, String bootstrapServers, Path outputDir, String... lines) throws IOException {
        List<String> all = new ArrayList<>();
        all.add("loadrank.kafka.bootstrap.servers: \"" + bootstrapServers + "\"");
        all.add("loadrank.output.dir: " + outputDir);
        all.addAll(List.of(lines));
        all.add("");
        return Files.writeString(file, String.join("\n", all), StandardCharsets.UTF_8);
    }
}
