package io.loadrank.webview.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.slice.Slice;
import io.loadrank.testing.Await;
import io.loadrank.webview.SliceRankings;
import io.loadrank.webview.view.FleetView;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP server on a free port of 127.0.0.1, with a view fed by hand. */
class WebServerTest {

    private final FleetView view = new FleetView("test", 10, 300, System::currentTimeMillis);
    private final HttpClient client = HttpClient.newHttpClient();
    private WebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new WebServer(view, "127.0.0.1", 0, 20, 1_000);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void givenNamesWithMarkup_whenTheViewIsFetched_thenTheJsonCarriesThemEscapedAndThePageIsUnderAStrictPolicy()
            throws Exception {
        view.slice(SliceRankings.ranking(
                new Slice("<b>prod</b>", "</script><script>alert(2)</script>"), 1000, "<img src=x onerror=alert(1)>"));

        HttpResponse<String> json = get("/api/view");
        HttpResponse<String> page = get("/");

        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body())
                .doesNotContain("<", ">")
                .contains("\\u003cimg src\\u003dx onerror\\u003dalert(1)\\u003e");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(WebServer.SECURITY_POLICY);
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.body()).contains("<script src=\"/app.js\" defer></script>");
    }

    @Test
    void givenPathsOutsideTheAssetList_whenRequested_thenNotFoundWhateverTheyName() throws Exception {
        for (String path : new String[] {
            "/../pom.xml",
            "/webview/app.js",
            "/log4j2.xml",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/io/loadrank/webview/WebViewMain.class"
        }) {
            assertThat(get(path).statusCode()).as(path).isEqualTo(404);
        }
        assertThat(get("/app.js").statusCode()).isEqualTo(200);
        assertThat(get("/app.css").headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
    }

    @Test
    void givenARanking_whenMetricsAreScraped_thenTheTextFormatOrOpenMetricsAsTheScraperAsks() throws Exception {
        view.slice(SliceRankings.ranking(new Slice("prod", "eu"), System.currentTimeMillis(), "hot-1", "cool-1"));

        HttpResponse<String> text = get("/metrics");
        HttpResponse<String> openMetrics = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                        .header("Accept", "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5")
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(text.statusCode()).isEqualTo(200);
        assertThat(text.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(text.body()).contains("loadrank_host_rank{cluster=\"prod\",datacenter=\"eu\",host=\"hot-1\"");
        assertThat(openMetrics.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/openmetrics-text");
        assertThat(openMetrics.body()).contains("loadrank_host_rank{").endsWith("# EOF\n");
    }

    @Test
    void givenAnUnknownHost_whenItsHistoryIsAskedFor_thenNotFound() throws Exception {
        assertThat(get("/api/host?host=nobody").statusCode()).isEqualTo(404);
        assertThat(get("/api/host").statusCode()).isEqualTo(404);
    }

    @Test
    void givenAnOpenEventStream_whenARankingArrives_thenTheStreamGetsAnUpdateEvent() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/events"))
                .build();
        HttpResponse<java.io.InputStream> stream = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.headers().firstValue("Content-Type")).hasValue("text/event-stream; charset=utf-8");
        AtomicReference<String> update = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                String line;
                String event = null;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("event: ")) {
                        event = line.substring(7);
                    } else if (line.startsWith("data: ")
                            && "update".equals(event)
                            && line.contains("\"rankedAtMillis\":5000")) {
                        update.set(line);
                        return;
                    }
                }
            } catch (java.io.IOException e) {
                // closed
            }
        });
        reader.setDaemon(true);
        reader.start();

        view.slice(SliceRankings.ranking(Slice.UNPLACED, 5000, "A"));

        Await.until(Duration.ofSeconds(10), "an update event for the ranking", () -> update.get() != null);
    }

    @Test
    void givenAPost_whenSent_thenMethodNotAllowed() throws Exception {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/view"))
                        .POST(HttpRequest.BodyPublishers.ofString("x"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(405);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
