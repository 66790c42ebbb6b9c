package io.loadrank.webview.it;

import io.loadrank.testing.Await;
import io.loadrank.testing.FreePorts;
import io.loadrank.testing.RepoPaths;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The web view as users run it: {@code java -jar webview/target/loadrank-webview.jar ...}, stopped by process id. */
final class WebViewProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    WebViewProcess(Path workDir, String... options) throws IOException {
        Path jar = RepoPaths.root().resolve("webview/target/loadrank-webview.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no " + jar + ": the package phase builds it before the integration tests");
        }
        Files.createDirectories(workDir);
        port = FreePorts.one();
        log = workDir.resolve("webview-" + port + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-jar",
                jar.toString(),
                "--port",
                String.valueOf(port)));
        command.addAll(List.of(options));
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        HttpClient http = HttpClient.newHttpClient();
        Await.until(Duration.ofSeconds(60), "the web view answering on port " + port, () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the web view exited with " + process.exitValue() + "; see " + log);
            }
            try {
                return http.send(
                                        HttpRequest.newBuilder(URI.create(url() + "healthz"))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .statusCode()
                        == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }

    /** The view following {@code rankingsTopic} and {@code alertsTopic} on {@code bootstrapServers}, with more options. */
    static WebViewProcess following(
            Path workDir, String bootstrapServers, String rankingsTopic, String alertsTopic, String... more)
            throws IOException {
        List<String> options = new ArrayList<>(List.of(
                "--bootstrap-servers",
                bootstrapServers,
                "--rankings-topic",
                rankingsTopic,
                "--alerts-topic",
                alertsTopic));
        options.addAll(List.of(more));
        return new WebViewProcess(workDir, options.toArray(String[]::new));
    }

    String url() {
        return "http://127.0.0.1:" + port + "/";
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
