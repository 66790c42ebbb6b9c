package io.loadrank.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.loadrank.message.MalformedReason;
import io.loadrank.ranking.IngestStats;
import io.loadrank.ranking.TopicRanking;
import io.loadrank.scoring.GlobalRanking;
import io.loadrank.scoring.GlobalScorer;
import io.loadrank.testing.JsonRows;
import io.loadrank.window.HostAverage;
import io.loadrank.window.WindowCounters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankingJsonTest {

    private static final long NOW = 1_763_806_502_250L;
    private static final long SNAPSHOT = NOW - 40;

    private static TopicRanking cpuRanking() {
        ArrayList<HostAverage> ranked = new ArrayList<>(List.of(
                new HostAverage("cass-eu-1", 55.25, 60, NOW - 250),
                new HostAverage("cass-uk-1", 1.0E-7, 59, NOW - 1250),
                new HostAverage("cass-fi-1", 0.0, 3, NOW - 9000)));
        EnumMap<MalformedReason, Long> malformed = new EnumMap<>(MalformedReason.class);
        malformed.put(MalformedReason.BAD_HOST, 4L);
        IngestStats stats = new IngestStats(new WindowCounters(120, 7, 2, 1), malformed);
        return new TopicRanking("cpuLoad", ranked, 45_000, stats, NOW, SNAPSHOT);
    }

    @Test
    void givenATopicRanking_whenWritten_thenItsWindowHostCountAndIngestReadBackWithoutHostRows() {
        JsonObject json =
                JsonParser.parseString(RankingJson.topic(cpuRanking(), 60_000)).getAsJsonObject();

        assertThat(json.get("topic").getAsString()).isEqualTo("cpuLoad");
        assertThat(json.get("rankedAt").getAsString()).isEqualTo("2025-11-22T10:15:02.250Z");
        assertThat(json.get("rankedAtMillis").getAsLong()).isEqualTo(NOW);
        assertThat(json.get("windowAtMillis").getAsLong()).isEqualTo(SNAPSHOT);
        assertThat(json.get("windowSeconds").getAsDouble()).isEqualTo(45.0);
        assertThat(json.get("configuredWindowSeconds").getAsDouble()).isEqualTo(60.0);
        assertThat(json.get("rankedHosts").getAsInt()).isEqualTo(3);
        assertThat(json.has("hosts")).as("hosts are in the fleet file, once").isFalse();
        JsonObject ingest = json.getAsJsonObject("ingest");
        assertThat(ingest.get("accepted").getAsLong()).isEqualTo(120);
        assertThat(ingest.get("duplicates").getAsLong()).isEqualTo(7);
        assertThat(ingest.get("late").getAsLong()).isEqualTo(2);
        assertThat(ingest.get("early").getAsLong()).isEqualTo(1);
        assertThat(ingest.get("malformedTotal").getAsLong()).isEqualTo(4);
        assertThat(ingest.getAsJsonObject("malformed")
                        .get(MalformedReason.BAD_HOST.label())
                        .getAsLong())
                .isEqualTo(4);
    }

    @Test
    void givenAGlobalRanking_whenWritten_thenScoresSharesAndStaleHostsReadBack() {
        TopicRanking cpu = cpuRanking();
        ArrayList<HostAverage> mem = new ArrayList<>(List.of(new HostAverage("cass-eu-1", 30.0, 60, NOW - 300)));
        TopicRanking memory = new TopicRanking("memLoad", mem, 60_000, IngestStats.empty(), NOW, SNAPSHOT - 500);
        GlobalRanking ranking = new GlobalScorer(List.of("cpuLoad", "memLoad"), new double[] {1, 1}, 5_000)
                .score(Map.of("cpuLoad", cpu, "memLoad", memory), NOW);

        JsonObject json = JsonParser.parseString(RankingJson.global(ranking)).getAsJsonObject();

        assertThat(json.get("windowsAtMillis").getAsLong()).isEqualTo(SNAPSHOT - 500);
        assertThat(json.getAsJsonArray("topics")
                        .get(0)
                        .getAsJsonObject()
                        .get("messages")
                        .getAsLong())
                .as("cpuLoad's messages: 120 counted, 7 duplicate, 2 late, 1 early, 4 malformed")
                .isEqualTo(134);
        assertThat(json.getAsJsonArray("topicsWithoutMessages"))
                .as("memLoad has had no message yet")
                .containsExactly(new com.google.gson.JsonPrimitive("memLoad"));
        JsonArray hosts = JsonRows.hosts(json);
        assertThat(hosts).hasSize(2);
        JsonObject top = hosts.get(0).getAsJsonObject();
        assertThat(top.get("host").getAsString()).isEqualTo("cass-eu-1");
        assertThat(top.get("rank").getAsInt()).isEqualTo(1);
        assertThat(top.get("incomplete").getAsBoolean()).isFalse();
        assertThat(top.get("lastSeenMillis").getAsLong()).isEqualTo(NOW - 250);
        assertThat(top.getAsJsonArray("shares").get(1).getAsDouble())
                .as("memLoad's share, in the order of topics")
                .isEqualTo(100.0);
        assertThat(top.getAsJsonArray("averages").get(0).getAsDouble()).isEqualTo(55.25);
        assertThat(top.getAsJsonArray("samples").get(0).getAsInt()).isEqualTo(60);
        JsonObject incomplete = hosts.get(1).getAsJsonObject();
        assertThat(incomplete.get("incomplete").getAsBoolean()).isTrue();
        assertThat(incomplete.getAsJsonArray("averages").get(1).isJsonNull()).isTrue();
        JsonArray stale = JsonRows.stale(json);
        assertThat(stale).hasSize(1);
        assertThat(stale.get(0).getAsJsonObject().get("host").getAsString()).isEqualTo("cass-fi-1");
        assertThat(stale.get(0).getAsJsonObject().get("lastSeenMillis").getAsLong())
                .isEqualTo(NOW - 9000);
    }

    @Test
    void givenAManyHostTopicRanking_whenWritten_thenItsFileStaysTheSizeOfItsCounts() {
        ArrayList<HostAverage> ranked = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            ranked.add(new HostAverage(String.format("cass-%05d.dc1", i), 20_000 - i + 0.5, 60, NOW - i));
        }
        TopicRanking ranking = new TopicRanking("cpuLoad", ranked, 60_000, IngestStats.empty(), NOW, SNAPSHOT);

        String text = RankingJson.topic(ranking, 60_000);

        assertThat(JsonParser.parseString(text)
                        .getAsJsonObject()
                        .get("rankedHosts")
                        .getAsInt())
                .isEqualTo(20_000);
        assertThat(text).hasSizeLessThan(1_000);
    }

    @Test
    void givenHostsWithAndWithoutHostInfo_whenTheGlobalRankingIsWritten_thenEveryHostCarriesItsDatacenterFields() {
        GlobalScorer scorer = new GlobalScorer(List.of("cpuLoad"), new double[] {1}, 10_000);
        java.util.Map<String, io.loadrank.hostinfo.HostInfo> info = java.util.Map.of(
                "cass-eu-1",
                new io.loadrank.hostinfo.HostInfo(
                        "cass-eu-1", "eu-west", "rack1", "6a0e1c2e-5b7d-4c1a-9f3e-2d4b6a8c0e1f", "prod", "10.1.2.3"),
                "cass-fi-1",
                new io.loadrank.hostinfo.HostInfo("cass-fi-1", "eu-west", null, null, "prod", null));
        GlobalRanking ranking = scorer.score(Map.of("cpuLoad", cpuRanking()), NOW, info)
                .withHostInfo(new io.loadrank.hosts.HostInfoStats(
                        "hosts",
                        3,
                        1,
                        2,
                        new EnumMap<>(
                                java.util.Map.of(io.loadrank.hostinfo.HostInfoMalformedReason.BAD_DATACENTER, 2L))));

        JsonObject json = JsonParser.parseString(RankingJson.global(ranking)).getAsJsonObject();

        assertThat(json.getAsJsonArray("hostFields"))
                .extracting(com.google.gson.JsonElement::getAsString)
                .contains("slice", "rack", "hostId", "address", "dcRank", "dcScore", "load");
        JsonArray hosts = JsonRows.hosts(json);
        JsonArray slices = json.getAsJsonArray("slices");
        JsonObject eu = hosts.get(0).getAsJsonObject();
        assertThat(eu.get("host").getAsString()).isEqualTo("cass-eu-1");
        JsonObject euSlice = slices.get(eu.get("slice").getAsInt()).getAsJsonObject();
        assertThat(euSlice.get("cluster").getAsString()).isEqualTo("prod");
        assertThat(euSlice.get("datacenter").getAsString()).isEqualTo("eu-west");
        assertThat(euSlice.get("hosts").getAsInt()).isEqualTo(2);
        assertThat(eu.get("rack").getAsString()).isEqualTo("rack1");
        assertThat(eu.get("hostId").getAsString()).isEqualTo("6a0e1c2e-5b7d-4c1a-9f3e-2d4b6a8c0e1f");
        assertThat(eu.get("address").getAsString()).isEqualTo("10.1.2.3");
        assertThat(eu.get("dcRank").getAsInt()).isEqualTo(1);
        assertThat(eu.get("dcScore").getAsDouble()).isEqualTo(100.0);
        JsonObject uk = hosts.get(1).getAsJsonObject();
        JsonObject ukSlice = slices.get(uk.get("slice").getAsInt()).getAsJsonObject();
        assertThat(ukSlice.get("datacenter").isJsonNull())
                .as("the slice of the hosts without host info")
                .isTrue();
        assertThat(uk.get("rack").isJsonNull()).isTrue();
        assertThat(slices).hasSize(2);
        JsonObject hostInfo = json.getAsJsonObject("hostInfo");
        assertThat(hostInfo.get("malformedTotal").getAsLong()).isEqualTo(2);
        assertThat(hostInfo.getAsJsonObject("malformed").get("badDatacenter").getAsLong())
                .isEqualTo(2);
    }

    @Test
    void givenASlice_whenItsRecordIsMade_thenRanksScoresAndLoadsAreThoseWithinTheSliceBesideTheFleetScore() {
        GlobalScorer scorer = new GlobalScorer(List.of("cpuLoad"), new double[] {1}, 10_000);
        GlobalRanking ranking = scorer.score(
                Map.of("cpuLoad", cpuRanking()),
                NOW,
                java.util.Map.of(
                        "cass-uk-1", io.loadrank.hostinfo.HostInfo.of("cass-uk-1", "uk"),
                        "cass-fi-1", io.loadrank.hostinfo.HostInfo.of("cass-fi-1", "uk")));

        io.loadrank.slice.SliceRanking uk = SliceRecords.of(ranking, 60, 2).stream()
                .filter(slice -> "uk".equals(slice.slice().datacenter()))
                .findFirst()
                .orElseThrow();

        io.loadrank.slice.SliceHost first = uk.hosts().get(0);
        assertThat(first.host()).isEqualTo("cass-uk-1");
        assertThat(first.rank()).isEqualTo(1);
        assertThat(first.score()).isEqualTo(100.0);
        assertThat(first.load()).isEqualTo(2.0);
        assertThat(first.fleetScore()).isLessThan(1e-3);
        assertThat(first.fleetRank()).isGreaterThan(1);
        assertThat(uk.hosts()).hasSize(2);
        assertThat(uk.windowSecs()).isEqualTo(60);
    }
}
