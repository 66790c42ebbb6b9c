package io.loadrank.webview;

import io.loadrank.config.ConfigException;
import io.loadrank.config.Setting;
import io.loadrank.webview.http.WebServer;
import io.loadrank.webview.kafka.TopicFollower;
import io.loadrank.webview.view.FleetView;
import java.io.IOException;
import java.io.Reader;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web view (docs/WEBVIEW.md): follows the rankings and alerts topics and serves the live page.
 *
 * <pre>
 *   java -jar webview/target/loadrank-webview.jar [--bootstrap-servers HOST:PORT] [--port 8088] ...
 * </pre>
 *
 * Exit codes: 0 after SIGTERM or Ctrl-C, 2 for a bad option, 1 when it cannot listen.
 */
public final class WebViewMain {

    private static final Logger LOG = LoggerFactory.getLogger(WebViewMain.class);

    private WebViewMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println("usage: java -jar loadrank-webview.jar [--KEY VALUE]...");
            for (Setting<?> setting : WebViewSettings.ALL) {
                System.out.printf(
                        "  --%-18s %s (default %s)%n", setting.key(), setting.description(), setting.defaultText());
            }
            System.out.println("Environment: none read (Kafka client settings go in --kafka-config FILE)");
            System.out.println("Exit codes: 0 stopped by SIGTERM or Ctrl-C; 1 cannot listen (the reason in one line);"
                    + " 2 a bad option (naming it, the value and what is allowed)");
            return;
        }
        Map<String, Object> conf;
        Map<String, String> clientProperties;
        try {
            conf = WebViewSettings.parseArgs(args);
            for (Setting<?> setting : WebViewSettings.ALL) {
                setting.read(conf);
            }
            clientProperties = clientProperties(WebViewSettings.KAFKA_CONFIG.read(conf));
            checkBindAddress(WebViewSettings.BIND.read(conf));
        } catch (ConfigException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        String bind = WebViewSettings.BIND.read(conf);
        int historyMinutes = WebViewSettings.HISTORY_MINUTES.read(conf);
        FleetView view = new FleetView(
                WebViewSettings.TITLE.read(conf),
                historyMinutes,
                WebViewSettings.MAX_POINTS.read(conf),
                System::currentTimeMillis);
        WebServer server;
        try {
            server = new WebServer(
                    view,
                    bind,
                    WebViewSettings.PORT.read(conf),
                    WebViewSettings.TOP.read(conf),
                    WebViewSettings.METRICS_TOP.read(conf));
        } catch (BindException e) {
            System.err.println("error: cannot listen on " + bind + ":" + WebViewSettings.PORT.read(conf) + ": "
                    + e.getMessage() + " (choose another --port)");
            System.exit(1);
            return;
        } catch (IOException | RuntimeException e) {
            // an address of another machine, say: one line, no stack trace
            System.err.println("error: cannot listen on " + bind + ":" + WebViewSettings.PORT.read(conf) + ": " + e
                    + " (--bind takes an address of this machine)");
            System.exit(1);
            return;
        }
        TopicFollower follower = new TopicFollower(
                WebViewSettings.BOOTSTRAP_SERVERS.read(conf),
                clientProperties,
                WebViewSettings.RANKINGS_TOPIC.read(conf),
                WebViewSettings.ALERTS_TOPIC.read(conf),
                view);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                follower.close();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            server.close();
                            stopped.countDown();
                        },
                        "webview-stop"));
        server.start();
        follower.start();
        String host = bind.contains(":") ? "[" + bind + "]" : bind;
        LOG.info(
                "loadrank web view on http://{}:{}/ following {} (alerts: {}) on {}",
                host,
                server.port(),
                WebViewSettings.RANKINGS_TOPIC.read(conf),
                WebViewSettings.ALERTS_TOPIC.read(conf),
                WebViewSettings.BOOTSTRAP_SERVERS.read(conf));
        stopped.await();
    }

    /** Refuses a --bind that names no address at all (a typo, an unknown host), before anything starts. */
    private static void checkBindAddress(String bind) {
        try {
            InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw WebViewSettings.BIND.refuse(
                    bind, "an address of this machine, e.g. 127.0.0.1 or 0.0.0.0 (" + e.getMessage() + ")");
        }
    }

    private static Map<String, String> clientProperties(String file) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (file.isEmpty()) {
            return properties;
        }
        Properties loaded = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            loaded.load(reader);
        } catch (IOException | RuntimeException e) {
            throw WebViewSettings.KAFKA_CONFIG.refuse(file, "a readable properties file (" + e.getMessage() + ")");
        }
        loaded.forEach((key, value) -> properties.put(String.valueOf(key), String.valueOf(value)));
        return properties;
    }
}
