package io.loadrank.webview.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.loadrank.slice.Slice;
import io.loadrank.slice.SliceHost;
import io.loadrank.slice.SliceRanking;
import io.loadrank.slice.SliceStaleHost;
import io.loadrank.testing.Await;
import io.loadrank.testing.KafkaBroker;
import io.loadrank.topology.LoadRankSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.storm.LocalCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web view in a real browser (docs/WEBVIEW.md): a real Kafka broker, the topology in a Storm
 * LocalCluster with alert rules, a feed of samples, the view's jar as its own process, and the
 * page loaded in headless Chromium. The assertions read the page's rendered DOM.
 */
class WebViewBrowserIT {

    private static final Duration DEADLINE = Duration.ofSeconds(150);
    /** The screenshot README shows is a copy of this file. */
    static final Path SCREENSHOT = Path.of("target", "webview-screenshot.png");

    @TempDir
    static Path runDir;

    private static KafkaBroker broker;
    private static KafkaProducer<String, String> producer;

    @BeforeAll
    static void startBroker() {
        Chromium.binary(); // fail at once, with the fix, when the browser is missing
        broker = KafkaBroker.start(runDir.resolve("kafka"));
        producer = SampleFeed.producer(broker.bootstrapServers());
    }

    @AfterAll
    static void stopBroker() {
        if (producer != null) {
            producer.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void givenThePipeline_whenThePageIsOpenInChromium_thenItShowsTheTopHostAStaleHostAndAnAlertAndFollowsLive()
            throws Exception {
        List<String> topics = List.of("view-cpuLoad", "view-memLoad");
        String rankings = "view-rankings";
        String alerts = "view-alerts";
        broker.createTopics(Map.of(topics.get(0), 1, topics.get(1), 1, rankings, 1, alerts, 1));

        Map<String, Double> values = new ConcurrentHashMap<>(Map.of(
                "cass-eu-west-1",
                90.0,
                "cass-eu-west-2",
                30.0,
                "cass-us-east-1",
                20.0,
                "cass-ap-south-1",
                25.0,
                "cass-sa-east-1",
                15.0));
        Set<String> silenced = ConcurrentHashMap.newKeySet();
        try (LocalCluster cluster = new LocalCluster();
                SampleFeed feed = new SampleFeed(producer, topics, values, silenced)) {
            LocalPipeline.submit(
                    cluster,
                    "view",
                    broker.bootstrapServers(),
                    runDir,
                    topics,
                    rankings,
                    alerts,
                    Map.of(
                            LoadRankSettings.ALERTS.key(),
                            List.of(
                                    Map.of("name", "hot", "when", "score", "above", 40, "for.secs", 0),
                                    Map.of("name", "silent", "when", "stale"))));

            try (WebViewProcess view = WebViewProcess.following(
                            runDir.resolve("view"),
                            broker.bootstrapServers(),
                            rankings,
                            alerts,
                            "--title",
                            "loadrank test fleet");
                    Chromium chromium = new Chromium(runDir.resolve("chromium"), 1400, 1000)) {
                chromium.navigate(view.url());
                Await.until(
                        DEADLINE,
                        "cass-eu-west-1 on top in the page",
                        () -> "cass-eu-west-1".equals(chromium.evaluate(TOP_HOST)));
                silenced.add("cass-ap-south-1");

                JsonObject page = JsonParser.parseString(Await.value(
                                DEADLINE, "a stale host and both alerts in the page", () -> {
                                    String state = chromium.evaluate(PAGE_STATE);
                                    JsonObject json =
                                            JsonParser.parseString(state).getAsJsonObject();
                                    return json.getAsJsonArray("stale").size() > 0
                                                    && json.getAsJsonArray("alerts")
                                                                    .size()
                                                            >= 2
                                            ? Optional.of(state)
                                            : Optional.empty();
                                }))
                        .getAsJsonObject();
                assertThat(page.get("top").getAsString()).isEqualTo("cass-eu-west-1");
                assertThat(Chromium.strings(page.get("stale").toString())).containsExactly("cass-ap-south-1");
                assertThat(Chromium.strings(page.get("alerts").toString()))
                        .contains("hot/cass-eu-west-1", "silent/cass-ap-south-1");
                assertThat(page.get("status").getAsString()).isEqualTo("live");
                String dom = chromium.dom();
                assertThat(dom)
                        .contains("STALE cass-ap-south-1", "score of cass-eu-west-1 is ", "cass-ap-south-1 is stale");

                // a click on a host: its metric history as charts
                chromium.evaluate("document.querySelector('tr.host[data-host=\"cass-eu-west-2\"]').click(); true");
                Await.until(
                        DEADLINE,
                        "the charts of cass-eu-west-2",
                        () -> Integer.parseInt(chromium.evaluate(
                                        "String(document.querySelectorAll('#charts svg.chart polyline').length)"))
                                >= 3);
                assertThat(chromium.evaluate("document.getElementById('detail-title').textContent"))
                        .isEqualTo("cass-eu-west-2");
                assertThat(
                                chromium.evaluate(
                                        "Array.from(document.querySelectorAll('#charts h3')).map(h => h.textContent).join('|')"))
                        .isEqualTo("score|view-cpuLoad average|view-memLoad average");
                Files.createDirectories(SCREENSHOT.getParent());
                Files.write(SCREENSHOT, chromium.screenshot());

                // live: a new top host shows without reloading the page
                String loadedAt = chromium.evaluate("String(performance.timeOrigin)");
                values.put("cass-us-east-1", 400.0);
                Await.until(
                        DEADLINE,
                        "cass-us-east-1 on top without a reload",
                        () -> "cass-us-east-1".equals(chromium.evaluate(TOP_HOST)));
                assertThat(chromium.evaluate("String(performance.timeOrigin)"))
                        .as("the same page, not reloaded")
                        .isEqualTo(loadedAt);
            }
        }
    }

    @Test
    void givenARankingRecordWhoseNamesCarryMarkupAndScript_whenShown_thenTheyAreTextAndNothingRuns() throws Exception {
        String rankings = "evil-rankings";
        String alerts = "evil-alerts";
        broker.createTopics(Map.of(rankings, 1, alerts, 1));
        String host = "<img src=x onerror=\"document.title='pwned'\">";
        String datacenter = "</script><script>document.title='pwned'</script>";
        String stale = "<b id=\"bold\">bold</b>";
        String message = "<iframe src=\"javascript:document.title='pwned'\"></iframe>";
        long now = System.currentTimeMillis();
        // a slice record as the topology writes it, with markup wherever the data is text
        Slice slice = new Slice(null, datacenter);
        SliceRanking ranking = new SliceRanking(
                slice,
                now,
                60,
                2,
                List.of("<i>cpu</i>"),
                new double[] {1},
                List.of(new SliceHost(
                        host,
                        1,
                        100,
                        1,
                        1,
                        55.5,
                        false,
                        null,
                        null,
                        "\" onmouseover=\"document.title='pwned'",
                        new double[] {12.5},
                        0)),
                List.of(new SliceStaleHost(stale, now - 20_000, null, null, null)),
                0);
        JsonObject alert = new JsonObject();
        alert.addProperty("id", "hot/" + host);
        alert.addProperty("state", "firing");
        alert.addProperty("rule", "<u>hot</u>");
        alert.addProperty("subject", host);
        alert.addProperty("host", host);
        alert.addProperty("datacenter", datacenter);
        alert.addProperty("message", message);
        alert.addProperty("value", 55.5);
        alert.addProperty("occurrences", 1);
        alert.addProperty("firstSeenMillis", now);
        try (SliceTopic topic = new SliceTopic(broker.bootstrapServers(), rankings, 1)) {
            topic.send(ranking);
        }
        producer.send(new ProducerRecord<>(alerts, "hot", alert.toString())).get(30, TimeUnit.SECONDS);

        try (WebViewProcess view = WebViewProcess.following(
                        runDir.resolve("evil-view"), broker.bootstrapServers(), rankings, alerts);
                Chromium chromium = new Chromium(runDir.resolve("evil-chromium"), 1400, 1000)) {
            chromium.navigate(view.url());
            try {
                Await.until(
                        Duration.ofSeconds(60),
                        "the ranking and the alert in the page",
                        () -> "1"
                                .equals(
                                        chromium.evaluate(
                                                "String(document.querySelectorAll('tr.host').length * document.querySelectorAll('tr.alert').length)")));
            } catch (AssertionError e) {
                throw new AssertionError(
                        e.getMessage() + "\npage:\n" + chromium.dom() + "\nview log:\n" + Files.readString(view.log()),
                        e);
            }

            assertThat(chromium.evaluate("document.querySelector('tr.host td.name').textContent"))
                    .isEqualTo(host);
            assertThat(chromium.evaluate("document.querySelector('section.datacenter h2').firstChild.textContent"))
                    .isEqualTo(datacenter + " ");
            assertThat(chromium.evaluate("document.querySelector('li.stale-host').textContent"))
                    .startsWith("STALE " + stale);
            assertThat(chromium.evaluate("document.querySelector('tr.alert').textContent"))
                    .contains(message, "<u>hot</u>");
            assertThat(
                            chromium.evaluate(
                                    "String(document.querySelectorAll('img, iframe, b, i, u, script:not([src=\"/app.js\"])').length)"))
                    .as("no element made from the data")
                    .isEqualTo("0");
            assertThat(chromium.evaluate("document.querySelector('tr.host').getAttribute('data-host')"))
                    .isEqualTo(host);
            assertThat(chromium.evaluate("document.title"))
                    .as("no script from the data ran")
                    .isEqualTo("loadrank");
            String dom = chromium.dom();
            assertThat(dom)
                    .contains(
                            "&lt;img src=x onerror=\"document.title='pwned'\"&gt;",
                            "&lt;b id=\"bold\"&gt;bold&lt;/b&gt;",
                            "&lt;/script&gt;&lt;script&gt;document.title='pwned'&lt;/script&gt;");
        }
    }

    private static final String TOP_HOST =
            "(function(){ const row = document.querySelector('section.datacenter tr.host'); return row ? row.getAttribute('data-host') : ''; })()";

    private static final String PAGE_STATE = "JSON.stringify({"
            + "top: (document.querySelector('section.datacenter tr.host') || {getAttribute: () => ''}).getAttribute('data-host'),"
            + "stale: Array.from(document.querySelectorAll('li.stale-host')).map(e => e.getAttribute('data-host')),"
            + "alerts: Array.from(document.querySelectorAll('tr.alert')).map(e => e.getAttribute('data-alert')),"
            + "status: document.getElementById('status').textContent})";
}
