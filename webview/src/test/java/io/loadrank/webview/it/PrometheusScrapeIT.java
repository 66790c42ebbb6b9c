package io.loadrank.webview.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.loadrank.hostinfo.HostInfo;
import io.loadrank.hostinfo.HostInfoFormat;
import io.loadrank.kafka.TopicCreator.TopicSpec;
import io.loadrank.testing.Await;
import io.loadrank.testing.KafkaBroker;
import io.loadrank.testing.RepoPaths;
import io.loadrank.testing.RequiredProgram;
import io.loadrank.topology.LoadRankSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.storm.LocalCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus scrapes the web view (docs/WEBVIEW.md, "Prometheus"): a real Kafka broker, the
 * topology in a LocalCluster with host info placing five hosts in two datacenters, the view's jar
 * following its rankings, and Prometheus (Debian's binary) scraping {@code /metrics} every second
 * with docs/prometheus/loadrank-rules.yml loaded. Through Prometheus's HTTP API, the hottest host of
 * each datacenter, by the rules' recording rule and by a plain query, is the first of that
 * datacenter's {@code GlobalRankings-<datacenter>.txt}.
 */
class PrometheusScrapeIT {

    private static final Duration DEADLINE = Duration.ofSeconds(150);

    @TempDir
    Path runDir;

    @Test
    void givenTheViewFollowingTheTopology_whenPrometheusScrapesIt_thenTheHottestHostOfEachDatacenterIsTheRankingFiles()
            throws Exception {
        RequiredProgram.of("PrometheusScrapeIT").find(); // fail at once, with the fix, when Prometheus is missing
        List<String> topics = List.of("prom-cpuLoad", "prom-memLoad");
        String rankings = "prom-rankings";
        String alerts = "prom-alerts";
        String hosts = "prom-hosts";
        // two datacenters of one cluster; the hottest of each is not the hottest of the fleet for us
        Map<String, String> datacenters = new LinkedHashMap<>();
        Map<String, Double> values = new ConcurrentHashMap<>();
        place(datacenters, values, "cass-eu-1", "eu-west", 90.0);
        place(datacenters, values, "cass-eu-2", "eu-west", 30.0);
        place(datacenters, values, "cass-eu-3", "eu-west", 20.0);
        place(datacenters, values, "cass-us-1", "us-east", 25.0);
        place(datacenters, values, "cass-us-2", "us-east", 60.0);

        try (KafkaBroker broker = KafkaBroker.start(runDir.resolve("kafka"));
                KafkaProducer<String, String> producer = SampleFeed.producer(broker.bootstrapServers())) {
            broker.createTopics(List.of(
                    TopicSpec.of(topics.get(0), 1),
                    TopicSpec.of(topics.get(1), 1),
                    new TopicSpec(rankings, 1, true),
                    TopicSpec.of(alerts, 1),
                    new TopicSpec(hosts, 1, true)));
            for (Map.Entry<String, String> host : datacenters.entrySet()) {
                producer.send(new ProducerRecord<>(
                                hosts,
                                host.getKey(),
                                HostInfoFormat.encode(
                                        new HostInfo(host.getKey(), host.getValue(), "r1", null, "prod", null))))
                        .get(30, TimeUnit.SECONDS);
            }
            try (LocalCluster cluster = new LocalCluster();
                    SampleFeed feed = new SampleFeed(producer, topics, values, ConcurrentHashMap.newKeySet())) {
                Path output = LocalPipeline.submit(
                        cluster,
                        "prom",
                        broker.bootstrapServers(),
                        runDir,
                        topics,
                        rankings,
                        alerts,
                        Map.of(LoadRankSettings.HOSTS_TOPIC.key(), hosts));
                try (WebViewProcess view = WebViewProcess.following(
                                runDir.resolve("view"), broker.bootstrapServers(), rankings, alerts);
                        PrometheusServer prometheus = new PrometheusServer(
                                runDir.resolve("prometheus"),
                                "127.0.0.1:" + view.port(),
                                List.of(RepoPaths.root().resolve("docs/prometheus/loadrank-rules.yml")))) {
                    try {
                        for (String datacenter : List.of("eu-west", "us-east")) {
                            String expected = datacenter.equals("eu-west") ? "cass-eu-1" : "cass-us-2";
                            Path file = output.resolve("GlobalRankings-" + datacenter + ".txt");
                            String[] hottest = Await.value(
                                    DEADLINE,
                                    "Prometheus's hottest host of " + datacenter + " and " + file + " agreeing",
                                    () -> agreeing(prometheus, datacenter, file));
                            assertThat(hottest[0]).isEqualTo(expected);
                            // the file has the score rounded to a whole number
                            assertThat(Double.parseDouble(hottest[1]))
                                    .isCloseTo(
                                            Double.parseDouble(hottest[2]), org.assertj.core.data.Offset.offset(0.5));
                        }
                        assertThat(prometheus
                                        .query("up{job=\"loadrank\"}")
                                        .get(0)
                                        .getAsJsonObject()
                                        .getAsJsonArray("value")
                                        .get(1)
                                        .getAsString())
                                .isEqualTo("1");
                        JsonArray ranked = prometheus.query("count(loadrank_host_rank{cluster=\"prod\"})");
                        assertThat(ranked.get(0)
                                        .getAsJsonObject()
                                        .getAsJsonArray("value")
                                        .get(1)
                                        .getAsString())
                                .isEqualTo("5");
                    } catch (AssertionError e) {
                        throw new AssertionError(
                                e.getMessage() + "\nview log:\n" + Files.readString(view.log()) + "\nprometheus log:\n"
                                        + Files.readString(prometheus.log()),
                                e);
                    }
                }
            }
        }
    }

    /**
     * The hottest host of {@code datacenter} by Prometheus, its score there and in the file, once the
     * recording rule, a plain topk query and the first host of the slice's ranking file name the same
     * host; empty until then.
     */
    private static Optional<String[]> agreeing(PrometheusServer prometheus, String datacenter, Path file) {
        try {
            JsonArray recorded =
                    prometheus.query("loadrank:slice_hottest_host:score{datacenter=\"" + datacenter + "\"}");
            JsonArray queried = prometheus.query(
                    "topk(1, loadrank_host_score{job=\"loadrank\",datacenter=\"" + datacenter + "\"})");
            if (recorded.size() != 1 || queried.size() != 1 || !Files.exists(file)) {
                return Optional.empty();
            }
            String line = Files.readAllLines(file).get(0); // {host=score, ...}, the hottest first
            String fileHost = line.substring(1, line.indexOf('='));
            String fileScore =
                    line.substring(line.indexOf('=') + 1, line.contains(",") ? line.indexOf(',') : line.indexOf('}'));
            String recordedHost = host(recorded.get(0));
            String queriedHost = host(queried.get(0));
            String score = queried.get(0)
                    .getAsJsonObject()
                    .getAsJsonArray("value")
                    .get(1)
                    .getAsString();
            return recordedHost.equals(fileHost) && queriedHost.equals(fileHost)
                    ? Optional.of(new String[] {fileHost, score, fileScore})
                    : Optional.empty();
        } catch (IOException | IndexOutOfBoundsException e) {
            return Optional.empty(); // a file replaced while read, Prometheus not scraped yet
        }
    }

    private static String host(JsonElement sample) {
        JsonObject metric = sample.getAsJsonObject().getAsJsonObject("metric");
        return metric.get("host").getAsString();
    }

    private static void place(
            Map<String, String> datacenters, Map<String, Double> values, String host, String dc, double value) {
        datacenters.put(host, dc);
        values.put(host, value);
    }
}
