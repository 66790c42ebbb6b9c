package io.loadrank.rankingfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link RankingFileReader#record}: a record of the rankings topic, as the balancer and the web view read it. */
class RankingRecordReadTest {

    @Test
    void givenARecordWithDatacenterFields_whenRead_thenEveryFieldTheFollowersUseIsThere() throws Exception {
        RankingRecord record = RankingFileReader.record("""
                {"rankedAtMillis":1000,"hosts":[{"rank":1,"host":"cass-eu-1","score":41.1,"datacenter":"north",
                 "rack":"r1","hostId":"6a0e","address":"10.1.2.3","dcRank":1,"dcScore":54.2,"averages":{"cpuLoad":20.0}}],
                 "stale":[{"host":"cass-fi-1","lastSeenMillis":900,"datacenter":"north"}]}
                """);

        RankedHost host = record.ranking().hosts().get(0);
        assertThat(record.refused()).isEmpty();
        assertThat(record.ranking().rankedAtMillis()).isEqualTo(1000);
        assertThat(host.address()).isEqualTo("10.1.2.3");
        assertThat(host.hostId()).isEqualTo("6a0e");
        assertThat(host.dcRank()).isEqualTo(1);
        assertThat(host.dcScore()).isEqualTo(54.2);
        assertThat(host.datacenter()).isEqualTo("north");
        assertThat(record.ranking().stale()).extracting(StaleHost::host).containsExactly("cass-fi-1");
    }

    @Test
    void givenUnusableHostEntries_whenRead_thenTheyAreLeftOutAndNamedAndTheRestIsKept() throws Exception {
        RankingRecord record = RankingFileReader.record("""
                {"rankedAtMillis":1000,"hosts":[{"host":"A","score":1},{"score":2},{"host":"C"},
                 {"host":"D","score":3,"dcScore":-1}],"stale":[{"lastSeenMillis":5}]}
                """);

        assertThat(record.ranking().hosts()).extracting(RankedHost::host).containsExactly("A");
        assertThat(record.refused())
                .containsExactly(
                        "hosts[1] has no host",
                        "hosts[2] has no score",
                        "hosts[3].dcScore is not a finite number >= 0: -1.0",
                        "stale[0] has no host");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"rankedAtMillis\":1,\"hosts\":[{\"host\":5,\"score\":1}]}          | hosts[0].host is not a string: 5",
                "{\"rankedAtMillis\":1,\"hosts\":[{\"host\":\"a\",\"score\":\"12\"}]} | hosts[0].score is not a number: \"12\"",
                "{\"rankedAtMillis\":1,\"hosts\":[{\"host\":\"a\",\"incomplete\":1}]} | hosts[0].incomplete is not true or false: 1",
                "{\"rankedAtMillis\":1.5,\"hosts\":[]}                                | rankedAtMillis is not a whole number",
            })
    void givenAValueOfTheWrongJsonType_whenRead_thenTheWholeRecordIsRefusedNamingIt(String json, String problem) {
        assertThatThrownBy(() -> RankingFileReader.record(json))
                .isInstanceOf(RankingFileException.class)
                .hasMessageContaining(problem);
    }
}
