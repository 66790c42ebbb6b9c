package io.loadrank.webview.it;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.loadrank.testing.Await;
import io.loadrank.testing.FreePorts;
import io.loadrank.testing.Processes;
import io.loadrank.testing.RequiredProgram;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus (Debian's {@code prometheus} binary) on a free port of 127.0.0.1 with its own
 * configuration and data directory under {@code workDir}, scraping one target every second and
 * evaluating the rule files given every second; stopped by process id.
 */
final class PrometheusServer implements AutoCloseable {

    private final Process process;
    private final Thread killHook;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newHttpClient();

    /**
     * @param target    {@code host:port} of the {@code /metrics} to scrape, as job {@code loadrank}
     * @param ruleFiles rule files to load
     */
    PrometheusServer(Path workDir, String target, List<Path> ruleFiles) throws IOException {
        Path binary = RequiredProgram.of("PrometheusScrapeIT").find();
        Files.createDirectories(workDir);
        port = FreePorts.one();
        log = workDir.resolve("prometheus.log");
        Path config = workDir.resolve("prometheus.yml");
        StringBuilder yaml = new StringBuilder("global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n");
        yaml.append("rule_files:\n");
        ruleFiles.forEach(
                file -> yaml.append("  - '").append(file.toAbsolutePath()).append("'\n"));
        yaml.append("scrape_configs:\n  - job_name: loadrank\n    static_configs:\n      - targets: ['")
                .append(target)
                .append("']\n");
        Files.writeString(config, yaml);
        process = new ProcessBuilder(
                        binary.toString(),
                        "--config.file=" + config,
                        "--storage.tsdb.path=" + workDir.resolve("data"),
                        "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        killHook = Processes.killOnExit("prometheus", List.of(process.pid()));
        Await.until(Duration.ofSeconds(60), "Prometheus ready on port " + port, () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "Prometheus exited with " + process.exitValue() + ":\n" + Processes.tail(log, 20));
            }
            try {
                return get("/-/ready").statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
    }

    /** The result vector of an instant query: each member has {@code metric} (labels) and {@code value}. */
    JsonArray query(String promql) throws IOException {
        HttpResponse<String> response = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        JsonObject body = JsonParser.parseString(response.body()).getAsJsonObject();
        if (response.statusCode() != 200 || !"success".equals(body.get("status").getAsString())) {
            throw new IllegalStateException("query " + promql + " failed: " + response.body());
        }
        return body.getAsJsonObject("data").getAsJsonArray("result");
    }

    Path log() {
        return log;
    }

    private HttpResponse<String> get(String path) throws IOException {
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        Processes.forgetOnExit(killHook);
    }
}
