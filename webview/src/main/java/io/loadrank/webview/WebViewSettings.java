package io.loadrank.webview;

import io.loadrank.config.BootstrapServers;
import io.loadrank.config.Setting;
import io.loadrank.config.TopicNames;
import io.loadrank.webview.metrics.FleetMetrics;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The web view's options, each defined once (docs/WEBVIEW.md); docs/CONFIGURATION.md's table is rendered from
 * {@link #ALL} and checked by WebViewSettingsReadmeTest. Given on the command line as
 * {@code --key value} or {@code --key=value} ({@link WebViewCommand}).
 */
public final class WebViewSettings {

    public static final Setting<String> BOOTSTRAP_SERVERS = BootstrapServers.setting(
            "bootstrap-servers", "127.0.0.1:9092", "Kafka brokers, `host:port[,host:port...]`");
    public static final Setting<String> RANKINGS_TOPIC =
            Setting.topic("rankings-topic", TopicNames.RANKINGS, "the topology's `loadrank.rankings.topic`");
    public static final Setting<String> ALERTS_TOPIC = Setting.optionalTopic(
            "alerts-topic", TopicNames.ALERTS, "the topology's `loadrank.alerts.topic`; empty: no alerts");
    public static final Setting<String> KAFKA_CONFIG = Setting.of(
            "kafka-config",
            "",
            "empty (none)",
            "a file path",
            "a properties file of extra Kafka client settings (SASL, SSL)",
            raw -> String.valueOf(raw).trim());
    public static final Setting<String> BIND = Setting.text(
            "bind",
            "127.0.0.1",
            Pattern.compile("[A-Za-z0-9.:_-]{1,253}"),
            "an IP address or host name",
            "the address to listen on; `0.0.0.0` opens the view to the network (it has no login)");
    public static final Setting<Integer> PORT =
            Setting.integer("port", 8088, 0, 65_535, "the HTTP port (0: any free port, printed at start)");
    public static final Setting<Integer> HISTORY_MINUTES = Setting.integer(
            "history-minutes",
            10,
            1,
            1_440,
            "how much history is kept in memory, for the sparklines and the host charts");
    public static final Setting<Integer> MAX_POINTS = Setting.integer(
            "max-points",
            300,
            10,
            10_000,
            "points kept per host over the history, at most (memory: hosts × (topics + 1) × points × 4 bytes)");
    public static final Setting<Integer> TOP = Setting.integer(
            "top",
            20,
            1,
            500,
            "hosts shown per datacenter unless the page asks for more (the search box finds the others)");
    public static final Setting<Integer> METRICS_TOP = Setting.integer(
            "metrics-top",
            1_000,
            0,
            100_000,
            "hosts per slice, the hottest, with series on `/metrics` (" + FleetMetrics.SERIES_PER_HOST
                    + " each; 0: none)");
    public static final Setting<String> TITLE =
            Setting.text("title", "loadrank", Pattern.compile(".{1,100}"), "1-100 characters", "the page's title");

    public static final List<Setting<?>> ALL = List.of(
            BOOTSTRAP_SERVERS,
            RANKINGS_TOPIC,
            ALERTS_TOPIC,
            KAFKA_CONFIG,
            BIND,
            PORT,
            HISTORY_MINUTES,
            MAX_POINTS,
            TOP,
            METRICS_TOP,
            TITLE);

    private WebViewSettings() {}
}
