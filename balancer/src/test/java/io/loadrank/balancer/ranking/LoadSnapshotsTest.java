package io.loadrank.balancer.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadrank.rankingfile.RankingFileException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LoadSnapshotsTest {

    /** The form the topology writes today (RankingJson.writeGlobal), without the per-datacenter fields. */
    private static final String TODAY = """
            {"rankedAt":"2025-11-22T10:15:02.250Z","rankedAtMillis":1763806502250,"windowsAtMillis":1763806501750,
             "topics":[{"topic":"cpuLoad","weight":1.0,"windowSeconds":60.0}],
             "hosts":[{"rank":1,"host":"cass-eu-1","score":55.25,"incomplete":false,"stale":false,
                       "lastSeen":"2025-11-22T10:15:02Z","lastSeenMillis":1763806502000,
                       "shares":{"cpuLoad":55.25},"averages":{"cpuLoad":20.0}},
                      {"rank":2,"host":"cass-uk-1","score":44.75,"incomplete":true,"stale":false,
                       "lastSeen":"2025-11-22T10:15:01Z","lastSeenMillis":1763806501000,"shares":{},"averages":{}}],
             "stale":[{"host":"cass-fi-1","stale":true,"lastSeen":"2025-11-22T10:14:53Z","lastSeenMillis":1763806493000}]}
            """;

    /** With the per-datacenter fields every host carries once the topology ranks datacenters. */
    private static final String WITH_DATACENTERS = """
            {"rankedAtMillis":1000,
             "hosts":[{"rank":1,"host":"cass-eu-1","score":41.1,"incomplete":false,"stale":false,
                       "datacenter":"north","rack":"r1","hostId":"6A0E1C2E-0000-4000-8000-000000000001",
                       "dcRank":1,"dcScore":54.2,"address":"10.1.2.3"},
                      {"rank":2,"host":"cass-eu-2","score":24.4,"datacenter":null,"dcScore":null}],
             "stale":[]}
            """;

    @Test
    void givenTodaysGlobalRankingForm_whenParsed_thenHostsScoresFlagsAndTimeAreRead() throws Exception {
        LoadSnapshot ranking = LoadSnapshots.parse(TODAY);

        assertThat(ranking.rankedAtMillis()).isEqualTo(1_763_806_502_250L);
        assertThat(ranking.hosts()).extracting(HostLoad::host).containsExactly("cass-eu-1", "cass-uk-1", "cass-fi-1");
        HostLoad first = ranking.hosts().get(0);
        assertThat(first.score()).isEqualTo(55.25);
        assertThat(first.stale()).isFalse();
        assertThat(first.incomplete()).isFalse();
        assertThat(first.datacenter()).isNull();
        assertThat(first.hasDcScore()).isFalse();
        assertThat(ranking.hosts().get(1).incomplete()).isTrue();
        assertThat(ranking.hosts().get(2).stale()).isTrue();
    }

    @Test
    void givenPerDatacenterFields_whenParsed_thenTheyAreRead() throws Exception {
        LoadSnapshot ranking = LoadSnapshots.parse(WITH_DATACENTERS);

        HostLoad first = ranking.hosts().get(0);
        assertThat(first.datacenter()).isEqualTo("north");
        assertThat(first.rack()).isEqualTo("r1");
        assertThat(first.hostId()).isEqualTo("6a0e1c2e-0000-4000-8000-000000000001");
        assertThat(first.dcRank()).isEqualTo(1);
        assertThat(first.dcScore()).isEqualTo(54.2);
        assertThat(first.address()).isEqualTo("10.1.2.3");
        assertThat(first.key()).isEqualTo("6a0e1c2e-0000-4000-8000-000000000001");
        HostLoad second = ranking.hosts().get(1);
        assertThat(second.datacenter()).isNull();
        assertThat(second.hasDcScore()).isFalse();
        assertThat(second.key()).isEqualTo("cass-eu-2");
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("empty", "", "empty record"),
                Arguments.of("not json", "{\"rankedAtMillis\":", "not JSON"),
                Arguments.of("an array", "[1,2]", "not a JSON object"),
                Arguments.of("no time", "{\"hosts\":[]}", "rankedAtMillis"),
                Arguments.of("fractional time", "{\"rankedAtMillis\":1.5,\"hosts\":[]}", "not a whole number"),
                Arguments.of("no hosts", "{\"rankedAtMillis\":1}", "no \"hosts\" array"),
                Arguments.of("hosts not an array", "{\"rankedAtMillis\":1,\"hosts\":{}}", "not an array"),
                Arguments.of("host not an object", "{\"rankedAtMillis\":1,\"hosts\":[3]}", "hosts[0] is not an object"),
                Arguments.of(
                        "host without name",
                        "{\"rankedAtMillis\":1,\"hosts\":[{\"score\":1}]}",
                        "hosts[0] has no host"),
                Arguments.of(
                        "negative dcScore",
                        "{\"rankedAtMillis\":1,\"hosts\":[{\"host\":\"a\",\"dcScore\":-1}]}",
                        "hosts[0].dcScore is not a finite number >= 0"),
                Arguments.of(
                        "text dcScore",
                        "{\"rankedAtMillis\":1,\"hosts\":[{\"host\":\"a\",\"dcScore\":\"x\"}]}",
                        "hosts[0].dcScore"),
                Arguments.of(
                        "text flag",
                        "{\"rankedAtMillis\":1,\"hosts\":[{\"host\":\"a\",\"stale\":\"yes\"}]}",
                        "hosts[0].stale is not true or false"),
                Arguments.of(
                        "numeric datacenter",
                        "{\"rankedAtMillis\":1,\"hosts\":[{\"host\":\"a\",\"datacenter\":5}]}",
                        "hosts[0].datacenter is not a string"));
    }

    @ParameterizedTest(name = "given {0}, when parsed, then refused naming \"{2}\"")
    @MethodSource("malformed")
    void givenAMalformedRecord_whenParsed_thenRefusedWithTheReason(String name, String json, String reason) {
        assertThatThrownBy(() -> LoadSnapshots.parse(json))
                .isInstanceOf(RankingFileException.class)
                .hasMessageContaining(reason);
    }
}
