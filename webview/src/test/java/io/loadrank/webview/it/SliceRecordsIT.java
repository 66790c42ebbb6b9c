package io.loadrank.webview.it;

import static io.loadrank.webview.SliceRankings.names;
import static io.loadrank.webview.SliceRankings.ranking;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.loadrank.kafka.TopicCreator;
import io.loadrank.slice.Slice;
import io.loadrank.slice.SliceRanking;
import io.loadrank.testing.Await;
import io.loadrank.testing.KafkaBroker;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web view's jar following a compacted rankings topic of slice records on a real broker with
 * Kafka's default limits, written as the topology writes them ({@link SliceTopic}): a slice of 12,000
 * hosts in several parts, small slices, the hosts without host info, a record of the former whole-fleet
 * format, and then a tombstone and a new ranking while it follows. The assertions read what it serves:
 * {@code /api/view}.
 */
class SliceRecordsIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final String TOPIC = "slice-rankings";
    private static final int PARTITIONS = 3;
    private static final Slice BIG = new Slice("prod", "eu-west");
    private static final Slice SMALL = new Slice("prod", "us-east");
    private static final Slice LEAVING = new Slice("test", "dc1");

    @TempDir
    static Path runDir;

    private static KafkaBroker broker;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.start(runDir.resolve("kafka"));
        broker.createTopics(List.of(new TopicCreator.TopicSpec(TOPIC, PARTITIONS, true)));
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void givenSliceRecordsOnTheTopic_whenTheViewStartsAndFollows_thenItServesTheUnionOfTheNewestRankingOfEverySlice()
            throws Exception {
        try (SliceTopic topic = new SliceTopic(broker.bootstrapServers(), TOPIC, PARTITIONS)) {
            givenSliceRecords_whenTheViewStartsAndFollows(topic);
        }
    }

    private void givenSliceRecords_whenTheViewStartsAndFollows(SliceTopic topic) throws Exception {
        // given: an emit sent before the view starts, with a 12,000-host slice in parts
        long at = System.currentTimeMillis();
        SliceRanking big = ranking(BIG, at, 100, names("cass-eu-west-", 12_000), List.of("cass-eu-west-gone"));
        assertThat(topic.send(big)).as("parts of the 12,000-host slice").isGreaterThanOrEqualTo(2);
        topic.send(ranking(SMALL, at, 3, List.of("cass-us-east-0", "cass-us-east-1", "cass-us-east-2"), List.of()));
        topic.send(ranking(LEAVING, at, 0, List.of("cass-test-0", "cass-test-1"), List.of()));
        topic.send(ranking(Slice.UNPLACED, at, 0, List.of("cass-unplaced-0"), List.of()));
        topic.other("global", "{\"rankedAtMillis\":1,\"hosts\":[]}");

        try (WebViewProcess view = new WebViewProcess(
                runDir.resolve("view"), "--bootstrap-servers", broker.bootstrapServers(), "--rankings-topic", TOPIC)) {
            // then: the whole fleet at once, grouped by slice
            JsonObject model =
                    awaitView(view, "", "every slice", json -> json.get("hosts").getAsInt() == 12_006);
            assertThat(groupNames(model)).containsExactly("prod/eu-west", "prod/us-east", "test/dc1", "(no host info)");
            JsonObject bigGroup = group(model, "prod/eu-west");
            assertThat(bigGroup.get("total").getAsInt()).isEqualTo(12_000);
            JsonObject top = bigGroup.getAsJsonArray("rows").get(0).getAsJsonObject();
            assertThat(top.get("host").getAsString()).isEqualTo("cass-eu-west-0");
            assertThat(top.get("rank").getAsInt()).isEqualTo(1);
            assertThat(top.get("fleetRank").getAsInt()).isEqualTo(101);
            assertThat(top.get("load").getAsDouble())
                    .isCloseTo(big.hosts().get(0).load(), within(0.01));
            assertThat(top.get("score").getAsDouble())
                    .isCloseTo(big.hosts().get(0).score(), within(0.0001));
            assertThat(bigGroup.getAsJsonArray("stale")
                            .get(0)
                            .getAsJsonObject()
                            .get("host")
                            .getAsString())
                    .isEqualTo("cass-eu-west-gone");
            assertThat(model.getAsJsonObject("stats").get("badRankings").getAsLong())
                    .as("the record of the former format, skipped")
                    .isEqualTo(1);
            assertThat(Files.readString(view.log())).contains("skipped a record of topic " + TOPIC);

            // the last host of the last part, found by the search
            JsonObject found = awaitView(view, "cass-eu-west-11999", "the search", json -> true);
            JsonArray rows = group(found, "prod/eu-west").getAsJsonArray("rows");
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).getAsJsonObject().get("rank").getAsInt()).isEqualTo(12_000);

            // when: a slice leaves (its tombstone) and another is ranked anew
            topic.left(LEAVING);
            topic.send(ranking(SMALL, at + 2_000, 0, List.of("cass-us-east-2", "cass-us-east-0"), List.of()));

            // then: both show while it follows
            JsonObject after = awaitView(
                    view,
                    "",
                    "the tombstone and the new ranking",
                    json -> !groupNames(json).contains("test/dc1")
                            && "cass-us-east-2"
                                    .equals(group(json, "prod/us-east")
                                            .getAsJsonArray("rows")
                                            .get(0)
                                            .getAsJsonObject()
                                            .get("host")
                                            .getAsString()));
            assertThat(after.get("hosts").getAsInt()).isEqualTo(12_003);
            assertThat(after.get("rankedAtMillis").getAsLong()).isEqualTo(at + 2_000);
        }
    }

    private JsonObject awaitView(
            WebViewProcess view, String search, String what, java.util.function.Predicate<JsonObject> until)
            throws IOException {
        try {
            return Await.value(DEADLINE, what + " in /api/view", () -> {
                JsonObject json = fetch(view, search);
                return json != null && until.test(json) ? Optional.of(json) : Optional.empty();
            });
        } catch (AssertionError e) {
            throw new AssertionError(
                    e.getMessage() + "\nlast /api/view: " + fetch(view, search) + "\nview log:\n"
                            + Files.readString(view.log()),
                    e);
        }
    }

    private JsonObject fetch(WebViewProcess view, String search) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(view.url() + "api/view?top=5&search="
                                    + URLEncoder.encode(search, StandardCharsets.UTF_8)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200
                    ? JsonParser.parseString(response.body()).getAsJsonObject()
                    : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static List<String> groupNames(JsonObject model) {
        List<String> names = new ArrayList<>();
        for (JsonElement group : model.getAsJsonArray("datacenters")) {
            names.add(group.getAsJsonObject().get("name").getAsString());
        }
        return names;
    }

    private static JsonObject group(JsonObject model, String name) {
        for (JsonElement group : model.getAsJsonArray("datacenters")) {
            if (group.getAsJsonObject().get("name").getAsString().equals(name)) {
                return group.getAsJsonObject();
            }
        }
        throw new AssertionError("no group " + name + " in " + groupNames(model));
    }

    private static org.assertj.core.data.Offset<Double> within(double offset) {
        return org.assertj.core.data.Offset.offset(offset);
    }
}
