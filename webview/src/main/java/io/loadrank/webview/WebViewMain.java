package io.loadrank.webview;

import io.loadrank.cli.Cli;
import io.loadrank.config.ConfigException;
import io.loadrank.webview.http.WebServer;
import io.loadrank.webview.kafka.TopicFollower;
import io.loadrank.webview.view.FleetView;
import java.io.IOException;
import java.io.PrintWriter;
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
 * Exit codes: 0 after SIGTERM or Ctrl-C, 2 for a bad option, 1 when it cannot listen. The command line is
 * {@link WebViewCommand}'s.
 */
public final class WebViewMain {

    private static final Logger LOG = LoggerFactory.getLogger(WebViewMain.class);

    private WebViewMain() {}

    public static void main(String[] args) {
        int code = Cli.execute(
                new WebViewCommand(WebViewMain::run).commandLine(),
                new PrintWriter(System.out, true),
                new PrintWriter(System.err, true),
                args);
        if (code != Cli.EXIT_OK) {
            System.exit(code);
        }
    }

    /**
     * Runs the view with the checked options until the JVM stops; the exit code.
     *
     * @throws ConfigException for a Kafka client file that cannot be read or a --bind that names nothing (bad
     *     usage: exit 2)
     */
    private static int run(Map<String, Object> conf) {
        Map<String, String> clientProperties = clientProperties(WebViewSettings.KAFKA_CONFIG.read(conf));
        checkBindAddress(WebViewSettings.BIND.read(conf));
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
            return 1;
        } catch (IOException | RuntimeException e) {
            // an address of another machine, say: one line, no stack trace
            System.err.println("error: cannot listen on " + bind + ":" + WebViewSettings.PORT.read(conf) + ": " + e
                    + " (--bind takes an address of this machine)");
            return 1;
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
        try {
            stopped.await();
        } catch (InterruptedException e) {
            // nothing interrupts main; if something does, exit 1 as the exception escaping main used to
            Thread.currentThread().interrupt();
            return 1;
        }
        return 0;
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
