package io.loadrank.slice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SliceRecordFormatTest {

    private static final List<String> TOPICS =
            List.of("cpuLoad", "memLoad", "pendingTasks", "readLatency", "writeLatency");

    static SliceRanking ranking(Slice slice, int hostCount, int staleCount) {
        ArrayList<SliceHost> hosts = new ArrayList<>();
        for (int i = 0; i < hostCount; i++) {
            double score = 100.0 / hostCount;
            hosts.add(new SliceHost(
                    "cass-" + slice.datacenter() + "-" + i + ".example.org",
                    i + 1,
                    score,
                    1.0,
                    i + 1,
                    score / 2,
                    i % 7 == 0,
                    String.format("6a0e1c2e-0000-4000-8000-%012d", i),
                    "10.1." + (i / 256 % 256) + "." + (i % 256),
                    "rack" + (i % 3),
                    new double[] {55.25, 37.125, 12, i % 7 == 0 ? Double.NaN : 1234.5678, 987.6},
                    1795342503000L + i));
        }
        ArrayList<SliceStaleHost> stale = new ArrayList<>();
        for (int i = 0; i < staleCount; i++) {
            stale.add(new SliceStaleHost("gone-" + i, 1795342502000L + i, null, null, null));
        }
        return new SliceRanking(
                slice, 1795342504030L, 60, 2, TOPICS, new double[] {1, 1, 1, 1, 2}, hosts, stale, 1795342504012L);
    }

    @Test
    void givenAWorkedExampleSlice_whenWritten_thenTheRecordIsOneCompactObject() {
        SliceRanking north = new SliceRanking(
                new Slice("c1", "north"),
                1795342504030L,
                60,
                2,
                List.of("cpuLoad", "memLoad"),
                new double[] {1, 1},
                List.of(
                        new SliceHost(
                                "C",
                                1,
                                56.25,
                                1.125,
                                1,
                                41.111111,
                                false,
                                null,
                                null,
                                "r1",
                                new double[] {20, 50},
                                1795342503500L),
                        new SliceHost(
                                "A",
                                2,
                                43.75,
                                0.875,
                                2,
                                34.44,
                                true,
                                null,
                                null,
                                null,
                                new double[] {20, Double.NaN},
                                1795342503480L)),
                List.of(new SliceStaleHost("D", 1795342502000L, null, "10.0.0.4", null)),
                1795342504012L);

        List<String> values = SliceRecordFormat.write(north);

        assertThat(values)
                .containsExactly("{\"cluster\":\"c1\",\"datacenter\":\"north\",\"rankedAtMillis\":1795342504030,"
                        + "\"windowsAtMillis\":1795342504012,"
                        + "\"windowSecs\":60,\"emitSecs\":2,\"part\":0,\"parts\":1,\"topics\":[\"cpuLoad\",\"memLoad\"],"
                        + "\"weights\":[1,1],\"hostFields\":[\"host\",\"rank\",\"score\",\"load\",\"fleetRank\",\"fleetScore\","
                        + "\"incomplete\",\"lastSeenMillis\",\"hostId\",\"address\",\"rack\",\"averages\"],"
                        + "\"hosts\":[[\"C\",1,56.25,1.125,1,41.11,false,1795342503500,null,null,\"r1\",[20,50]],"
                        + "[\"A\",2,43.75,0.875,2,34.44,true,1795342503480,null,null,null,[20,null]]],"
                        + "\"staleFields\":[\"host\",\"lastSeenMillis\",\"hostId\",\"address\",\"rack\"],"
                        + "\"stale\":[[\"D\",1795342502000,null,\"10.0.0.4\",null]]}");
    }

    @Test
    void givenASlice_whenWrittenAndRead_thenTheRankingComesBack() throws Exception {
        SliceRanking written = ranking(new Slice("prod \"eu\" /..", "eu-west"), 50, 3);

        List<String> values = SliceRecordFormat.write(written);
        SlicePart read = SliceRecordFormat.read(values.get(0));

        assertThat(values).hasSize(1);
        assertThat(read.part()).isZero();
        assertThat(read.parts()).isOne();
        SliceRanking ranking = read.ranking();
        assertThat(ranking.slice()).isEqualTo(written.slice());
        assertThat(ranking.rankedAtMillis()).isEqualTo(written.rankedAtMillis());
        assertThat(ranking.windowsAtMillis()).isEqualTo(1795342504012L);
        assertThat(ranking.topics()).isEqualTo(TOPICS);
        assertThat(ranking.weights()).containsExactly(1, 1, 1, 1, 2);
        assertThat(ranking.hosts()).hasSize(50);
        SliceHost first = ranking.hosts().get(0);
        assertThat(first.host()).isEqualTo("cass-eu-west-0.example.org");
        assertThat(first.score()).isEqualTo(2.0);
        assertThat(first.incomplete()).isTrue();
        assertThat(first.averages()).containsExactly(55.25, 37.125, 12, Double.NaN, 987.6);
        assertThat(first.hostId()).isEqualTo("6a0e1c2e-0000-4000-8000-000000000000");
        assertThat(ranking.hosts()).extracting(SliceHost::lastSeenMillis).endsWith(1795342503049L);
        assertThat(ranking.stale()).extracting(SliceStaleHost::host).containsExactly("gone-0", "gone-1", "gone-2");
    }

    @Test
    void givenTwelveThousandHostsInOneSlice_whenWritten_thenEveryPartStaysUnderKafkasDefaultLimitAndTheyJoinWhole()
            throws Exception {
        SliceRanking written = ranking(new Slice("prod", "eu-west"), 12_000, 500);

        List<String> values = SliceRecordFormat.write(written);

        assertThat(values.size()).isGreaterThan(1);
        SliceAssembler assembler = new SliceAssembler();
        SliceAssembler.Outcome outcome = null;
        for (int i = 0; i < values.size(); i++) {
            assertThat(values.get(i).getBytes(StandardCharsets.UTF_8).length)
                    .isLessThanOrEqualTo(SliceRecordFormat.MAX_RECORD_BYTES);
            SlicePart part = SliceRecordFormat.read(values.get(i));
            assertThat(part.part()).isEqualTo(i);
            assertThat(part.parts()).isEqualTo(values.size());
            outcome = assembler.accept(part);
        }
        assertThat(outcome).isInstanceOf(SliceAssembler.Outcome.Complete.class);
        SliceRanking whole = ((SliceAssembler.Outcome.Complete) outcome).ranking();
        assertThat(whole.hosts())
                .extracting(SliceHost::rank)
                .containsExactlyElementsOf(
                        written.hosts().stream().map(SliceHost::rank).toList());
        assertThat(whole.stale()).hasSize(500);
        assertThat(whole.windowsAtMillis()).isEqualTo(written.windowsAtMillis());
    }

    @Test
    void givenARenderedSlice_whenCutIntoPartsAndJoinedWhole_thenBothAreWhatWriteMakes() {
        SliceRanking ranking = ranking(new Slice("prod", "eu-west"), 12_000, 500);

        SliceRecordFormat.Rendered rendered = SliceRecordFormat.render(ranking);

        assertThat(rendered.parts(SliceRecordFormat.MAX_RECORD_BYTES))
                .hasSizeGreaterThan(1)
                .isEqualTo(SliceRecordFormat.write(ranking));
        assertThat(rendered.whole())
                .isEqualTo(SliceRecordFormat.write(ranking, Integer.MAX_VALUE).get(0));
    }

    @Test
    void givenASmallLimit_whenWritten_thenStaleHostsAreCutIntoPartsToo() throws Exception {
        SliceRanking written = ranking(new Slice(null, "dc1"), 3, 40);

        List<String> values = SliceRecordFormat.write(written, 1500);

        int stale = 0;
        int hosts = 0;
        for (String value : values) {
            assertThat(value.length()).isLessThanOrEqualTo(1500);
            SlicePart part = SliceRecordFormat.read(value);
            stale += part.ranking().stale().size();
            hosts += part.ranking().hosts().size();
        }
        assertThat(values.size()).isGreaterThan(1);
        assertThat(hosts).isEqualTo(3);
        assertThat(stale).isEqualTo(40);
    }

    @Test
    void givenAnEmptySlice_whenWritten_thenOneRecordWithNoHosts() throws Exception {
        List<String> values = SliceRecordFormat.write(ranking(Slice.UNPLACED, 0, 0));

        assertThat(values).hasSize(1);
        assertThat(SliceRecordFormat.read(values.get(0)).ranking().hosts()).isEmpty();
    }

    @Test
    void givenANewerWritersRecord_whenRead_thenUnknownMembersAndFieldsAreSkipped() throws Exception {
        String value = "{\"future\":{\"x\":[1]},\"cluster\":null,\"datacenter\":\"dc1\",\"rankedAtMillis\":5,"
                + "\"part\":0,\"parts\":1,\"topics\":[\"cpuLoad\"],\"hostFields\":[\"extra\",\"score\",\"host\",\"rank\"],"
                + "\"hosts\":[[{\"no\":1},12.5,\"a\",1]]}";

        assertThatThrownBy(() -> SliceRecordFormat.read(value)).isInstanceOf(SliceRecordException.class);
        String withArray = value.replace("{\"no\":1}", "[1,2]");
        SliceHost host = SliceRecordFormat.read(withArray).ranking().hosts().get(0);
        assertThat(host.host()).isEqualTo("a");
        assertThat(host.score()).isEqualTo(12.5);
        assertThat(host.fleetRank()).isZero();
        assertThat(host.averages()).containsExactly(Double.NaN);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "null",
                "[]",
                "{",
                "{\"part\":0}",
                "not json",
                "{\"rankedAtMillis\":1,\"part\":1,\"parts\":1,\"topics\":[],\"hostFields\":[\"host\",\"rank\",\"score\"],\"hosts\":[]}",
                "{\"rankedAtMillis\":1,\"part\":0,\"parts\":1,\"topics\":[],\"hostFields\":[\"host\",\"rank\"],\"hosts\":[]}",
                "{\"rankedAtMillis\":1,\"part\":0,\"parts\":1,\"topics\":[],\"hostFields\":[\"host\",\"rank\",\"score\"],\"hosts\":[[1,1,1]]}",
                "{\"rankedAtMillis\":1,\"part\":0,\"parts\":1,\"topics\":[],\"hostFields\":[\"host\",\"rank\",\"score\"],\"hosts\":[[\"a\",1,null]]}",
                "{\"cluster\":\"c\",\"datacenter\":null,\"rankedAtMillis\":1,\"part\":0,\"parts\":1,\"topics\":[],\"hostFields\":[\"host\",\"rank\",\"score\"],\"hosts\":[]}",
                "{\"rankedAtMillis\":1,\"part\":0,\"parts\":1,\"topics\":[],\"hostFields\":[\"host\",\"rank\",\"score\"],\"hosts\":[]} {}"
            })
    void givenAValueThatIsNoSlicePart_whenRead_thenItIsRefusedWithAReason(String value) {
        assertThatThrownBy(() -> SliceRecordFormat.read(value))
                .isInstanceOf(SliceRecordException.class)
                .hasMessageNotContaining("null pointer");
    }

    @Test
    void givenAValueFiledUnderAnotherSlicesOrPartsKey_whenReadWithItsKey_thenItIsRefused() throws Exception {
        SliceRanking north = ranking(new Slice("c1", "north"), 2, 0);
        String value = SliceRecordFormat.write(north).get(0);

        assertThat(SliceRecordFormat.read(new SliceKey(north.slice(), 0), value)
                        .ranking()
                        .hosts())
                .hasSize(2);
        assertThatThrownBy(() -> SliceRecordFormat.read(new SliceKey(new Slice("c2", "north"), 0), value))
                .isInstanceOf(SliceRecordException.class)
                .hasMessageContaining("of slice c1/north");
        assertThatThrownBy(() -> SliceRecordFormat.read(new SliceKey(north.slice(), 1), value))
                .isInstanceOf(SliceRecordException.class)
                .hasMessageContaining("its key part 1");
    }
}
