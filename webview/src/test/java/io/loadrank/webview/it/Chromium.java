package io.loadrank.webview.it;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.loadrank.testing.Await;
import io.loadrank.testing.RequiredProgram;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A headless Chromium driven through its DevTools protocol (a WebSocket, the JDK's own client):
 * navigate, evaluate JavaScript in the page, take a screenshot. A fresh profile in a temporary
 * directory; no network but the page's own (no first-run, sync, component updates or QUIC).
 * Chromium and every process it started are stopped by process id on close.
 */
final class Chromium implements AutoCloseable {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();

    Chromium(Path workDir, int width, int height) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        profile = Files.createTempDirectory(workDir, "chromium-profile-");
        process = new ProcessBuilder(
                        binary().toString(),
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--disable-dev-shm-usage",
                        "--user-data-dir=" + profile,
                        "--remote-debugging-port=0",
                        "--window-size=" + width + "," + height,
                        "about:blank")
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("chromium.log").toFile())
                .start();
        Path portFile = profile.resolve("DevToolsActivePort");
        String port = Await.value(Duration.ofSeconds(60), "Chromium's DevTools port in " + portFile, () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "Chromium exited with " + process.exitValue() + "; see " + workDir.resolve("chromium.log"));
            }
            try {
                List<String> lines = Files.exists(portFile) ? Files.readAllLines(portFile) : List.of();
                return lines.isEmpty() || lines.get(0).isBlank()
                        ? Optional.empty()
                        : Optional.of(lines.get(0).trim());
            } catch (IOException e) {
                return Optional.empty();
            }
        });
        HttpClient http = HttpClient.newHttpClient();
        String pageSocket = Await.value(Duration.ofSeconds(30), "a page target", () -> {
            try {
                String list = http.send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
                for (JsonElement target : JsonParser.parseString(list).getAsJsonArray()) {
                    JsonObject object = target.getAsJsonObject();
                    if (object.get("type").getAsString().equals("page")) {
                        return Optional.of(object.get("webSocketDebuggerUrl").getAsString());
                    }
                }
                return Optional.empty();
            } catch (IOException e) {
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        socket = http.newWebSocketBuilder()
                .buildAsync(URI.create(pageSocket), new Listener())
                .join();
        call("Page.enable", new JsonObject());
        call("Runtime.enable", new JsonObject());
    }

    /**
     * The Chromium on this machine's PATH, under one of the names scripts/test.sh lists for
     * WebViewBrowserIT (Debian's package is {@code chromium}); fails, saying how to install it, when
     * there is none.
     */
    static Path binary() {
        return RequiredProgram.of("WebViewBrowserIT").find();
    }

    void navigate(String url) {
        JsonObject params = new JsonObject();
        params.addProperty("url", url);
        call("Page.navigate", params);
    }

    /** The value of a JavaScript expression in the page, as text (an exception in the page fails). */
    String evaluate(String expression) {
        JsonObject params = new JsonObject();
        params.addProperty("expression", expression);
        params.addProperty("returnByValue", true);
        JsonObject result = call("Runtime.evaluate", params);
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("page threw: " + result.get("exceptionDetails"));
        }
        JsonElement value = result.getAsJsonObject("result").get("value");
        return value == null || value.isJsonNull()
                ? null
                : value.isJsonPrimitive() ? value.getAsString() : value.toString();
    }

    /** The page's document as Chromium serializes it (what {@code --dump-dom} prints). */
    String dom() {
        return evaluate("document.documentElement.outerHTML");
    }

    /** A PNG of the whole page. */
    byte[] screenshot() {
        JsonObject metrics = call("Page.getLayoutMetrics", new JsonObject());
        JsonObject size = metrics.getAsJsonObject(metrics.has("cssContentSize") ? "cssContentSize" : "contentSize");
        JsonObject params = new JsonObject();
        params.addProperty("format", "png");
        params.addProperty("captureBeyondViewport", true);
        JsonObject clip = new JsonObject();
        clip.addProperty("x", 0);
        clip.addProperty("y", 0);
        clip.addProperty("width", size.get("width").getAsDouble());
        clip.addProperty("height", Math.min(3000, size.get("height").getAsDouble()));
        clip.addProperty("scale", 1);
        params.add("clip", clip);
        return Base64.getDecoder()
                .decode(call("Page.captureScreenshot", params).get("data").getAsString());
    }

    private JsonObject call(String method, JsonObject params) {
        int id = ids.incrementAndGet();
        JsonObject message = new JsonObject();
        message.addProperty("id", id);
        message.addProperty("method", method);
        message.add("params", params);
        CompletableFuture<JsonObject> response = new CompletableFuture<>();
        pending.put(id, response);
        socket.sendText(message.toString(), true).join();
        try {
            JsonObject reply = response.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (reply.has("error")) {
                throw new IllegalStateException(method + " failed: " + reply.get("error"));
            }
            return reply.getAsJsonObject("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(method + " got no answer", e);
        } finally {
            pending.remove(id);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            socket.abort();
        } finally {
            List<ProcessHandle> children = process.descendants().toList();
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            for (ProcessHandle child : children) {
                child.destroyForcibly();
            }
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonObject message = JsonParser.parseString(partial.toString()).getAsJsonObject();
                partial.setLength(0);
                if (message.has("id")) {
                    CompletableFuture<JsonObject> response =
                            pending.get(message.get("id").getAsInt());
                    if (response != null) {
                        response.complete(message);
                    }
                }
            }
            webSocket.request(1);
            return null;
        }
    }

    /** For tests that only need the list form of a JSON array of strings. */
    static List<String> strings(String jsonArray) {
        JsonArray array = JsonParser.parseString(jsonArray).getAsJsonArray();
        return array.asList().stream().map(JsonElement::getAsString).toList();
    }
}
