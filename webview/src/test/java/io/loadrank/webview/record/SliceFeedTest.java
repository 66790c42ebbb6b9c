package io.loadrank.webview.record;

import static io.loadrank.webview.SliceRankings.names;
import static io.loadrank.webview.SliceRankings.ranking;
import static org.assertj.core.api.Assertions.assertThat;

import io.loadrank.kafka.TopicCreator;
import io.loadrank.slice.Slice;
import io.loadrank.slice.SliceHost;
import io.loadrank.slice.SliceKey;
import io.loadrank.slice.SliceRanking;
import io.loadrank.slice.SliceRecordFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SliceFeedTest {

    private static final Slice NORTH = new Slice("prod", "north");

    private final List<String> logged = new ArrayList<>();
    private final SliceFeed feed = new SliceFeed(new SkipLog("topic rankings", () -> 0L, logged::add));

    @Test
    void givenAOnePartRecord_whenRead_thenItIsTheSlicesWholeRanking() {
        SliceRanking ranking = ranking(NORTH, 1_000, "A", "B");

        SliceFeed.Update update =
                feed.accept(key(NORTH, 0), SliceRecordFormat.write(ranking).get(0));

        assertThat(update).isInstanceOf(SliceFeed.Update.Ranked.class);
        SliceRanking read = ((SliceFeed.Update.Ranked) update).ranking();
        assertThat(read.slice()).isEqualTo(NORTH);
        assertThat(read.hosts()).extracting(SliceHost::host).containsExactly("A", "B");
    }

    @Test
    void givenARankingInParts_whenReadInAnyOrder_thenItIsHandedOutOnceWithAllItsHosts() {
        SliceRanking ranking = ranking(NORTH, 1_000, names("cass-north-", 3_000).toArray(String[]::new));
        List<String> parts = SliceRecordFormat.write(ranking, 50_000);
        assertThat(parts).as("several parts").hasSizeGreaterThan(2);

        List<SliceFeed.Update> updates = new ArrayList<>();
        for (int part = parts.size() - 1; part >= 0; part--) {
            updates.add(feed.accept(key(NORTH, part), parts.get(part)));
        }

        assertThat(updates.subList(0, parts.size() - 1)).allMatch(SliceFeed.Update.Nothing.class::isInstance);
        SliceRanking whole = ((SliceFeed.Update.Ranked) updates.get(parts.size() - 1)).ranking();
        assertThat(whole.hosts()).hasSize(3_000);
        assertThat(whole.hosts().get(2_999).rank()).isEqualTo(3_000);
        assertThat(feed.skipped()).isZero();
    }

    @Test
    void givenTheTombstoneOfPartZero_whenRead_thenTheSliceLeft() {
        feed.accept(
                key(NORTH, 0),
                SliceRecordFormat.write(ranking(NORTH, 1_000, "A")).get(0));

        assertThat(feed.accept(key(NORTH, 1), null))
                .as("a part no longer needed")
                .isInstanceOf(SliceFeed.Update.Nothing.class);
        assertThat(feed.accept(key(NORTH, 0), null)).isEqualTo(new SliceFeed.Update.Left(NORTH));
    }

    static Stream<Arguments> badRecords() {
        String good = SliceRecordFormat.write(ranking(NORTH, 1_000, "A")).get(0);
        return Stream.of(
                Arguments.of("the whole-fleet key of the former format", "global", good),
                Arguments.of("no key", null, good),
                Arguments.of("a key that is not JSON", "[\"prod\",", good),
                Arguments.of("a value that is not JSON", key(NORTH, 0), "{{{"),
                Arguments.of("a value without hosts", key(NORTH, 0), "{\"rankedAtMillis\":5,\"part\":0,\"parts\":1}"),
                Arguments.of("a value of another slice", key(new Slice("prod", "south"), 0), good),
                Arguments.of("a value of another part", key(NORTH, 1), good),
                Arguments.of("a tombstone under a key that is not a slice key", "global", null));
    }

    @ParameterizedTest(name = "given {0}, when read, then counted, logged and skipped")
    @MethodSource("badRecords")
    void givenARecordItCannotRead_whenRead_thenItIsCountedLoggedAndSkipped(String what, String key, String value) {
        assertThat(feed.accept(key, value)).isInstanceOf(SliceFeed.Update.Nothing.class);

        assertThat(feed.skipped()).isEqualTo(1);
        assertThat(logged).singleElement().asString().startsWith("skipped a record of topic rankings (");
    }

    @Test
    void givenTheProbeRecordOfTheTopicsCreation_whenRead_thenItIsNeitherCountedNorLogged() {
        assertThat(feed.accept(TopicCreator.PROBE_KEY, null)).isInstanceOf(SliceFeed.Update.Nothing.class);

        assertThat(feed.skipped()).isZero();
        assertThat(logged).isEmpty();
    }

    @Test
    void givenABadRecordBetweenGoodOnes_whenRead_thenTheGoodOnesAreStillTaken() {
        feed.accept("global", "{}");

        assertThat(feed.accept(
                        key(NORTH, 0),
                        SliceRecordFormat.write(ranking(NORTH, 1_000, "A")).get(0)))
                .isInstanceOf(SliceFeed.Update.Ranked.class);
    }

    private static String key(Slice slice, int part) {
        return new SliceKey(slice, part).text();
    }
}
