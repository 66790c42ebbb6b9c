package io.loadrank.webview.http;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.loadrank.webview.metrics.FleetMetrics;
import io.loadrank.webview.view.FleetView;
import io.loadrank.webview.view.Query;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The view's HTTP server (docs/WEBVIEW.md), on the JDK's own {@code com.sun.net.httpserver}:
 *
 * <pre>
 *   GET /             the page            GET /api/view?search=&amp;top=   the view as JSON
 *   GET /app.js       its script          GET /api/host?host=NAME        one host's history
 *   GET /app.css      its style           GET /events                    Server-Sent Events
 *   GET /metrics      Prometheus metrics  GET /healthz                   ok
 * </pre>
 *
 * Every asset is a resource of the jar, chosen from a fixed list: no request names a file. The
 * JSON is Gson's, which escapes {@code <}, {@code >} and {@code &} too; the page puts every name in
 * the document as text. A Content-Security-Policy allows only the page's own script and style.
 */
public final class WebServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    static final String SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final Map<String, String[]> ASSETS = Map.of(
            "/", new String[] {"webview/index.html", "text/html; charset=utf-8"},
            "/index.html", new String[] {"webview/index.html", "text/html; charset=utf-8"},
            "/app.js", new String[] {"webview/app.js", "text/javascript; charset=utf-8"},
            "/app.css", new String[] {"webview/app.css", "text/css; charset=utf-8"},
            "/favicon.svg", new String[] {"webview/favicon.svg", "image/svg+xml"});

    private final FleetView view;
    private final int defaultTop;
    private final Gson gson = new GsonBuilder().create();
    private final HttpServer server;
    private final ExecutorService handlers;
    private final ScheduledExecutorService notifier;
    private final EventStream events = new EventStream();
    private final Map<String, byte[]> assets = new HashMap<>();
    private final PrometheusRegistry metrics = new PrometheusRegistry();
    private final ExpositionFormatWriter openMetrics = OpenMetricsTextFormatWriter.create();
    private final ExpositionFormatWriter prometheusText = PrometheusTextFormatWriter.create();
    private long notifiedSequence = -1;

    public WebServer(FleetView view, String bindAddress, int port, int defaultTop, int metricsTop) throws IOException {
        this.view = view;
        this.defaultTop = defaultTop;
        metrics.register(new FleetMetrics(view, metricsTop));
        for (String[] asset : ASSETS.values()) {
            assets.put(asset[0], load(asset[0]));
        }
        server = HttpServer.create(new InetSocketAddress(bindAddress, port), 64);
        handlers = Executors.newFixedThreadPool(8, daemon("webview-http"));
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        notifier = Executors.newSingleThreadScheduledExecutor(daemon("webview-events"));
    }

    public void start() {
        server.start();
        notifier.scheduleWithFixedDelay(this::notifyPages, 100, 100, TimeUnit.MILLISECONDS);
        notifier.scheduleWithFixedDelay(events::heartbeat, 15, 15, TimeUnit.SECONDS);
    }

    /** The port it listens on (the one chosen when 0 was asked for). */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        notifier.shutdownNow();
        events.closeAll();
        server.stop(0);
        handlers.shutdownNow();
    }

    private void notifyPages() {
        long sequence = view.sequence();
        if (sequence != notifiedSequence) {
            notifiedSequence = sequence;
            events.send("update", "{\"sequence\":" + sequence + ",\"rankedAtMillis\":" + view.rankedAtMillis() + "}");
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            exchange.getResponseHeaders().set("Content-Security-Policy", SECURITY_POLICY);
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
            exchange.getResponseHeaders().set("X-Frame-Options", "DENY");
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                respond(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            Map<String, String> params = params(exchange.getRequestURI().getRawQuery());
            switch (path) {
                case "/api/view" ->
                    respond(
                            exchange,
                            200,
                            "application/json; charset=utf-8",
                            gson.toJson(view.view(Query.of(params.get("search"), params.get("top"), defaultTop))));
                case "/api/host" -> {
                    FleetView.HostChart chart = params.get("host") == null ? null : view.host(params.get("host"));
                    if (chart == null) {
                        respond(exchange, 404, "application/json; charset=utf-8", "{\"error\":\"no such host\"}");
                    } else {
                        respond(exchange, 200, "application/json; charset=utf-8", gson.toJson(chart));
                    }
                }
                case "/events" -> {
                    if (!events.open(exchange)) {
                        respond(exchange, 503, "text/plain; charset=utf-8", "too many open pages\n");
                    }
                    return; // stays open for the events
                }
                case "/metrics" -> {
                    // OpenMetrics when the scraper asks for it (Prometheus does), else the classic text format
                    String accept = exchange.getRequestHeaders().getFirst("Accept");
                    ExpositionFormatWriter writer = openMetrics.accepts(accept) ? openMetrics : prometheusText;
                    ByteArrayOutputStream body = new ByteArrayOutputStream();
                    writer.write(body, metrics.scrape());
                    respond(exchange, 200, writer.getContentType(), body.toByteArray());
                }
                case "/healthz" -> respond(exchange, 200, "text/plain; charset=utf-8", "ok\n");
                default -> {
                    String[] asset = ASSETS.get(path);
                    if (asset == null) {
                        respond(exchange, 404, "text/plain; charset=utf-8", "not found\n");
                    } else {
                        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
                        respond(exchange, 200, asset[1], assets.get(asset[0]));
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("request {} failed", exchange.getRequestURI().getPath(), e);
            respond(exchange, 500, "text/plain; charset=utf-8", "internal error\n");
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        respond(exchange, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", type);
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
            if (!head && body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    /** The query's parameters, decoded; the first of a repeated name wins. */
    static Map<String, String> params(String rawQuery) {
        Map<String, String> params = new HashMap<>();
        if (rawQuery == null || rawQuery.length() > 4096) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                params.putIfAbsent(
                        URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                // a broken escape: the parameter is ignored
            }
        }
        return params;
    }

    private static byte[] load(String resource) throws IOException {
        try (InputStream in = WebServer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing asset " + resource + " in the jar");
            }
            return in.readAllBytes();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
