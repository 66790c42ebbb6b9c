package io.loadrank.webview.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.rankingfile.GlobalRankingFile;
import io.loadrank.rankingfile.RankedHost;
import io.loadrank.rankingfile.StaleHost;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RecordParserTest {

    static Stream<Arguments> badRankings() {
        return Stream.of(
                Arguments.of("not JSON", "{{{"),
                Arguments.of("not an object", "[1,2]"),
                Arguments.of("no ranking time", "{\"hosts\":[]}"),
                Arguments.of("no hosts", "{\"rankedAtMillis\":5}"),
                Arguments.of("a host list that is not a list", "{\"rankedAtMillis\":5,\"hosts\":7}"),
                Arguments.of(
                        "an average that is not a number",
                        "{\"rankedAtMillis\":5,\"hosts\":[{\"host\":\"A\",\"score\":1,\"averages\":{\"cpu\":\"x\"}}]}"),
                Arguments.of("no record value", null));
    }

    @ParameterizedTest(name = "given {0}, when parsed, then counted and skipped")
    @MethodSource("badRankings")
    void givenABadRankingRecord_whenParsed_thenItIsCountedAndSkipped(String what, String json) {
        RecordParser parser = new RecordParser();

        assertThat(parser.ranking(json)).isEmpty();
        assertThat(parser.badRankings()).isEqualTo(1);
    }

    @Test
    void givenARankingWithoutDatacenterFields_whenParsed_thenTheyAreNullAndHostsWithoutNameOrScoreAreSkipped() {
        RecordParser parser = new RecordParser();

        GlobalRankingFile record = parser.ranking(
                        "{\"rankedAtMillis\":1000,\"topics\":[{\"topic\":\"cpuLoad\",\"weight\":1.0}],"
                                + "\"hosts\":[{\"rank\":1,\"host\":\"C\",\"score\":41.1,\"averages\":{\"cpuLoad\":20.0}},{\"rank\":2,\"score\":3},"
                                + "{\"host\":\"B\"}],\"stale\":[{\"host\":\"D\",\"lastSeenMillis\":900}]}")
                .orElseThrow();

        assertThat(record.hosts()).singleElement().satisfies(host -> {
            assertThat(host.host()).isEqualTo("C");
            assertThat(host.datacenter()).isNull();
            assertThat(host.dcScore()).isNull();
            assertThat(host.averages()).containsEntry("cpuLoad", 20.0);
        });
        assertThat(record.stale()).extracting(StaleHost::host).containsExactly("D");
        assertThat(parser.badHosts()).isEqualTo(2);
    }

    @Test
    void givenADatacenterRanking_whenParsed_thenTheExtendedFieldsAreRead() {
        GlobalRankingFile record = new RecordParser()
                .ranking(
                        "{\"rankedAtMillis\":1000,\"hosts\":[{\"rank\":1,\"host\":\"A\","
                                + "\"score\":40,\"datacenter\":\"eu-west\",\"rack\":\"r1\",\"hostId\":\"6a0e\",\"dcRank\":1,\"dcScore\":60.5}]}")
                .orElseThrow();

        RankedHost host = record.hosts().get(0);
        assertThat(host.datacenter()).isEqualTo("eu-west");
        assertThat(host.rack()).isEqualTo("r1");
        assertThat(host.hostId()).isEqualTo("6a0e");
        assertThat(host.dcRank()).isEqualTo(1);
        assertThat(host.dcScore()).isEqualTo(60.5);
    }

    @Test
    void givenNamesWithMarkup_whenParsed_thenTheyAreKeptAsTheyAreForThePageToShowAsText() {
        GlobalRankingFile record = new RecordParser()
                .ranking("{\"rankedAtMillis\":1000,\"hosts\":[{\"host\":\"<b>x</b>\","
                        + "\"score\":1,\"datacenter\":\"<script>alert(1)</script>\"}]}")
                .orElseThrow();

        assertThat(record.hosts().get(0).host()).isEqualTo("<b>x</b>");
        assertThat(record.hosts().get(0).datacenter()).isEqualTo("<script>alert(1)</script>");
    }

    @Test
    void givenAlertEvents_whenParsed_thenOnlyFiringOrResolvedWithAnIdAreTaken() {
        RecordParser parser = new RecordParser();

        assertThat(parser.alert("{\"id\":\"hot/A\",\"state\":\"firing\",\"occurrences\":2}"))
                .hasValueSatisfying(alert -> {
                    assertThat(alert.firing()).isTrue();
                    assertThat(alert.occurrences()).isEqualTo(2);
                });
        assertThat(parser.alert("{\"id\":\"hot/A\",\"state\":\"resolved\"}")).isPresent();
        assertThat(parser.alert("{\"id\":\"hot/A\",\"state\":\"maybe\"}")).isEmpty();
        assertThat(parser.alert("{\"state\":\"firing\"}")).isEmpty();
        assertThat(parser.alert("nonsense")).isEmpty();
        assertThat(parser.badAlerts()).isEqualTo(3);
    }
}
