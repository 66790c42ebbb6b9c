package io.loadrank.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.security.auth.module.UnixSystem;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The programs scripts/test.sh installs and the tests look for: one list, in the script, and one
 * message, the same from both. The script runs here on a PATH of its own (bash, the few programs
 * it uses, and stand-ins for apt-get, sudo, Maven and the required programs), so nothing is
 * installed and Maven does not start.
 */
class RequiredProgramTest {

    private static final RequiredProgram CHROMIUM = new RequiredProgram(
            List.of("chromium", "chromium-browser", "google-chrome"), "chromium", "WebViewBrowserIT");

    @TempDir
    Path dir;

    private Path bin;
    private Path log;

    @BeforeEach
    void sandbox() throws IOException {
        bin = Files.createDirectory(dir.resolve("bin"));
        log = dir.resolve("calls.log");
        // what the script uses, and chmod for apt-get's stand-in
        for (String program : List.of("bash", "dirname", "cat", "chmod")) {
            Files.createSymbolicLink(bin.resolve(program), onRealPath(program));
        }
        // Maven's stand-in records its arguments
        fake("mvn", "echo \"mvn $*\" >>" + log);
    }

    @Test
    void givenTheScript_whenItsListIsRead_thenWebViewBrowserITNeedsChromium() {
        assertThat(RequiredProgram.of("WebViewBrowserIT")).isEqualTo(CHROMIUM);
        assertThatThrownBy(() -> RequiredProgram.of("NoSuchIT"))
                .hasMessage("scripts/test.sh lists no program for NoSuchIT in REQUIRED_PROGRAMS");
    }

    @Test
    void givenAnyOfTheNamesOnThePath_whenFound_thenThatFileIsTheProgram() throws IOException {
        Path other = Files.createDirectory(dir.resolve("other"));
        Path browser = executable(other.resolve("chromium-browser"), "");

        assertThat(CHROMIUM.find(bin + File.pathSeparator + other)).isEqualTo(browser);
    }

    @Test
    void givenNoneOfTheNamesOnThePath_whenFound_thenItFailsNamingTheProgramItsTestAndTheFix() {
        assertThatThrownBy(() -> CHROMIUM.find(bin.toString()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("chromium not found on the PATH: WebViewBrowserIT needs it; install it with apt-get"
                        + " install chromium (scripts/test.sh does this when it can)");
    }

    @Test
    void givenAProgramMissingAndNoAptGet_whenTheScriptRuns_thenItStopsBeforeMavenInTheTestsWords() throws Exception {
        Run run = script("-pl", "webview");

        assertThat(run.exitCode).isEqualTo(3);
        List<String> expected = new ArrayList<>();
        for (RequiredProgram program : RequiredProgram.all(RepoPaths.script("test.sh"))) {
            expected.add("error: " + program.missingMessage());
        }
        expected.add(
                "error: scripts/test.sh cannot install it here (no apt-get on the PATH), so it stops before Maven");
        assertThat(run.err.lines()).containsExactlyElementsOf(expected);
        assertThat(log).doesNotExist();
    }

    @Test
    void givenAProgramMissing_whenTheScriptRuns_thenItSaysWhatItInstallsInstallsItAndRunsMavenWithTheArguments()
            throws Exception {
        fakeAptGetInstalling();
        fake("sudo", "echo \"sudo\" >>" + log + "; exec \"$@\"");
        everyProgramBut(CHROMIUM);

        Run run = script("-pl", "webview", "-Dit.test=WebViewBrowserIT");

        assertThat(run.exitCode).isZero();
        boolean root = new UnixSystem().getUid() == 0;
        assertThat(run.err.lines().findFirst())
                .contains("installing chromium with " + (root ? "" : "sudo ")
                        + "apt-get, missing from the PATH: WebViewBrowserIT needs chromium");
        List<String> sudo = root ? List.of() : List.of("sudo");
        List<String> calls = new ArrayList<>(sudo);
        calls.add("apt-get update -qq");
        calls.addAll(sudo);
        calls.add("apt-get install -y -qq chromium");
        calls.add("mvn -B verify -pl webview -Dit.test=WebViewBrowserIT");
        assertThat(Files.readAllLines(log)).containsExactlyElementsOf(calls);
        assertThat(bin.resolve("chromium")).isExecutable();
    }

    @Test
    void givenAnInstallThatBringsNoProgram_whenTheScriptRuns_thenItStopsBeforeMaven() throws Exception {
        fake("apt-get", "echo \"apt-get $*\" >>" + log);
        fake("sudo", "exec \"$@\"");
        everyProgramBut(CHROMIUM);

        Run run = script();

        assertThat(run.exitCode).isEqualTo(3);
        assertThat(run.err.lines().toList())
                .contains(
                        "error: " + CHROMIUM.missingMessage(),
                        "error: scripts/test.sh cannot install it here (apt-get installed the package, yet the"
                                + " program is not on the PATH), so it stops before Maven");
        assertThat(Files.readAllLines(log)).noneMatch(line -> line.startsWith("mvn"));
    }

    @Test
    void givenEveryProgramOnThePath_whenTheScriptRuns_thenItInstallsNothingAndRunsMaven() throws Exception {
        for (RequiredProgram program : RequiredProgram.all(RepoPaths.script("test.sh"))) {
            fake(program.names().get(program.names().size() - 1), "");
        }

        Run run = script("-Dit.test=WebViewBrowserIT");

        assertThat(run.exitCode).isZero();
        assertThat(run.err).isEmpty();
        assertThat(Files.readAllLines(log)).containsExactly("mvn -B verify -Dit.test=WebViewBrowserIT");
    }

    @Test
    void givenHelp_whenTheScriptRuns_thenItListsThePackagesAndTheExitCodesAndExitsWith0() throws Exception {
        Run run = script("--help");

        assertThat(run.exitCode).isZero();
        assertThat(run.out)
                .startsWith("usage: scripts/test.sh [MAVEN ARGS...]")
                .contains("chromium, for WebViewBrowserIT", "3 a program the tests need is")
                .contains("missing and cannot be installed here");
        assertThat(log).doesNotExist();
    }

    /** Every required program but {@code missing} on the sandbox's PATH. */
    private void everyProgramBut(RequiredProgram missing) throws IOException {
        for (RequiredProgram program : RequiredProgram.all(RepoPaths.script("test.sh"))) {
            if (!program.debianPackage().equals(missing.debianPackage())) {
                fake(program.names().get(0), "");
            }
        }
    }

    /** apt-get's stand-in: records its arguments; "install" puts each package's programs on the PATH. */
    private void fakeAptGetInstalling() throws IOException {
        StringBuilder body = new StringBuilder("echo \"apt-get $*\" >>" + log + "\n");
        body.append("[[ $1 == install ]] || exit 0\nfor package in \"${@:4}\"; do\n");
        for (RequiredProgram program : RequiredProgram.all(RepoPaths.script("test.sh"))) {
            Path installed = bin.resolve(program.names().get(0));
            body.append("  [[ $package == ")
                    .append(program.debianPackage())
                    .append(" ]] && printf '#!/bin/sh\\n' >")
                    .append(installed)
                    .append(" && chmod +x ")
                    .append(installed)
                    .append("\n");
        }
        body.append("done\nexit 0\n");
        fake("apt-get", body.toString());
    }

    private void fake(String name, String body) throws IOException {
        executable(bin.resolve(name), "#!" + bin.resolve("bash") + "\n" + body + "\n");
    }

    private static Path executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private static Path onRealPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(program + " not found on the PATH");
    }

    private record Run(int exitCode, String out, String err) {}

    /** scripts/test.sh with ARGS, on the sandbox's PATH alone. */
    private Run script(String... args) throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of(RepoPaths.script("test.sh").toString()));
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        builder.environment().put("PATH", bin.toString());
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException("scripts/test.sh " + List.of(args) + " did not end");
        }
        return new Run(
                process.exitValue(),
                Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }
}
