package io.loadrank.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every script under scripts/ passes shellcheck (the Debian package; scripts/test.sh installs it),
 * sourced libraries followed ({@code -x}), at every severity. A finding that is not a defect is
 * switched off where it stands, with a comment that says why.
 */
class ShellcheckTest {

    @Test
    void givenEveryScript_whenShellchecked_thenThereAreNoFindings() throws IOException, InterruptedException {
        Path shellcheck = RequiredProgram.of("ShellcheckTest").find();
        Path scripts = RepoPaths.root().resolve("scripts");
        List<String> command = new ArrayList<>(List.of(shellcheck.toString(), "-x", "-f", "gcc"));
        try (Stream<Path> files = Files.walk(scripts)) {
            files.filter(file -> file.toString().endsWith(".sh"))
                    .sorted()
                    .forEach(file -> command.add(scripts.relativize(file).toString()));
        }
        assertThat(command).hasSizeGreaterThan(4);

        Process run = new ProcessBuilder(command)
                .directory(scripts.toFile())
                .redirectErrorStream(true)
                .start();
        String findings = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(120, TimeUnit.SECONDS)).as("shellcheck ended").isTrue();

        assertThat(findings).as("shellcheck's findings").isEmpty();
        assertThat(run.exitValue()).isZero();
    }
}
