package io.loadrank.webview.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.slice.Slice;
import io.loadrank.testing.RepoPaths;
import io.loadrank.testing.RequiredProgram;
import io.loadrank.webview.SliceRankings;
import io.loadrank.webview.view.FleetView;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus rules of docs/prometheus: valid, their unit tests pass under the real {@code promtool}
 * (Debian's {@code prometheus} package), and every loadrank metric they use is one the web view exports.
 */
class PrometheusRulesTest {

    static final Path DIR = RepoPaths.root().resolve("docs/prometheus");
    static final Path RULES = DIR.resolve("loadrank-rules.yml");

    @Test
    void givenTheRules_whenPromtoolChecksThemAndRunsTheirUnitTests_thenBothPass() throws Exception {
        Path promtool = RequiredProgram.of("PrometheusRulesTest").find();

        Run check =
                run(promtool.toString(), "check", "rules", RULES.getFileName().toString());
        Run tests = run(promtool.toString(), "test", "rules", "loadrank-rules.test.yml");

        assertThat(check.exitCode).as("promtool check rules:%n%s", check.output).isZero();
        assertThat(tests.exitCode).as("promtool test rules:%n%s", tests.output).isZero();
        assertThat(tests.output).contains("SUCCESS");
    }

    @Test
    void givenTheRules_whenTheirMetricNamesAreRead_thenTheWebViewExportsEachOfThem() throws IOException {
        Set<String> used = new TreeSet<>();
        Matcher name = Pattern.compile("\\bloadrank_[a-z_]+").matcher(Files.readString(RULES));
        while (name.find()) {
            used.add(name.group());
        }
        FleetView view = new FleetView("test", 10, 300, System::currentTimeMillis);
        view.slice(
                SliceRankings.ranking(new Slice("prod", "eu"), System.currentTimeMillis(), 1, List.of("a"), List.of()));
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(new FleetMetrics(view, 10));
        Set<String> exported = registry.scrape().stream()
                .map(MetricSnapshot::getMetadata)
                .flatMap(metadata ->
                        Set.of(metadata.getPrometheusName(), metadata.getPrometheusName() + "_total").stream())
                .collect(Collectors.toSet());

        assertThat(used).isNotEmpty().allMatch(exported::contains, "a metric /metrics exports");
    }

    private record Run(int exitCode, String output) {}

    private static Run run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .directory(DIR.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("promtool did not finish within 60 s: " + output);
        }
        return new Run(process.exitValue(), output);
    }
}
