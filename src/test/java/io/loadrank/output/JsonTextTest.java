package io.loadrank.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonWriter;
import io.loadrank.scoring.GlobalRanking;
import io.loadrank.scoring.HostScore;
import io.loadrank.testing.JsonRows;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTextTest {

    private static final long T0 = 1_763_800_000_000L;

    private static String written(double value) throws Exception {
        StringWriter out = new StringWriter();
        JsonText json = new JsonText(out);
        json.beginArray();
        json.value(value);
        json.endArray();
        json.close();
        return out.toString();
    }

    /** The same tokens through this writer and through Gson's, which the documents used to be written with. */
    private interface Tokens {
        void write(JsonText mine, JsonWriter gson) throws Exception;
    }

    private static void assertSameTextAsGson(Tokens tokens) throws Exception {
        StringWriter mineOut = new StringWriter();
        StringWriter gsonOut = new StringWriter();
        JsonText mine = new JsonText(mineOut);
        JsonWriter gson = new JsonWriter(gsonOut);
        tokens.write(mine, gson);
        mine.close();
        gson.close();
        assertThat(mineOut.toString()).isEqualTo(gsonOut.toString());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {
                "cass-eu-west-1",
                "",
                "quote \" and backslash \\",
                "tab\tnewline\nreturn\rfeed\fback\b",
                "\u0000\u0001\u001f\u007f",
                "line\u2028paragraph\u2029",
                "<html> & 'x' = é 日本 \uD83D\uDE00",
                // the neighbours of every escaped character, which are written as they are
                "\u0020 ! # [ ] \u2027 \u202a \uffff",
            })
    void givenAnyString_whenWrittenAsNameAndValue_thenTheTextIsGsons(String text) throws Exception {
        assertSameTextAsGson((mine, gson) -> {
            mine.beginObject()
                    .name(text)
                    .value(text)
                    .name(JsonText.Name.of(text))
                    .value(text)
                    .name("n")
                    .value((String) null)
                    .endObject();
            gson.beginObject()
                    .name(text)
                    .value(text)
                    .name(text)
                    .value(text)
                    .name("n")
                    .value((String) null)
                    .endObject();
        });
    }

    @Test
    void givenNestedObjectsArraysAndEveryKindOfValue_whenWritten_thenTheTextIsGsons() throws Exception {
        assertSameTextAsGson((mine, gson) -> {
            mine.beginObject()
                    .name("empty")
                    .beginObject()
                    .endObject()
                    .name("none")
                    .beginArray()
                    .endArray();
            gson.beginObject()
                    .name("empty")
                    .beginObject()
                    .endObject()
                    .name("none")
                    .beginArray()
                    .endArray();
            mine.name("hosts").beginArray();
            gson.name("hosts").beginArray();
            for (int i = 0; i < 3; i++) {
                mine.beginObject()
                        .name("rank")
                        .value(i + 1)
                        .name("on")
                        .value(i % 2 == 0)
                        .name("gone")
                        .nullValue();
                gson.beginObject()
                        .name("rank")
                        .value(i + 1)
                        .name("on")
                        .value(i % 2 == 0)
                        .name("gone")
                        .nullValue();
                mine.name("list")
                        .beginArray()
                        .value(Long.MIN_VALUE)
                        .value(Long.MAX_VALUE)
                        .value(0)
                        .endArray();
                gson.name("list")
                        .beginArray()
                        .value(Long.MIN_VALUE)
                        .value(Long.MAX_VALUE)
                        .value(0)
                        .endArray();
                mine.endObject();
                gson.endObject();
            }
            mine.endArray().name("last").value("x").endObject();
            gson.endArray().name("last").value("x").endObject();
        });
    }

    @Test
    void givenADocumentLongerThanTheBlock_whenWritten_thenNothingIsLostAtTheBlockEdges() throws Exception {
        String longName = "h".repeat(70_000);
        assertSameTextAsGson((mine, gson) -> {
            mine.beginArray();
            gson.beginArray();
            for (int i = 0; i < 20_000; i++) {
                mine.value("host-" + i + "\n").value(i * 1_000_003L);
                gson.value("host-" + i + "\n").value(i * 1_000_003L);
            }
            mine.value(longName).endArray();
            gson.value(longName).endArray();
        });
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource({
        // Double.toString's format: a fraction always shown, scientific below 1e-3 and from 1e7
        "0.0,                    [0.0]",
        // the wire format has no sign, so -0.0 never reaches a ranking; if it did, its sign is kept
        "-0.0,                   [-0.0]",
        "1.0,                    [1.0]",
        "55.25,                  [55.25]",
        "0.1,                    [0.1]",
        "33.333333333333336,     [33.333333333333336]",
        "1.0E-7,                 [1.0E-7]",
        "0.001,                  [0.001]",
        "0.002,                  [0.002]",
        "1.0E7,                  [1.0E7]",
        "1.0E21,                 [1.0E21]",
        // JDK 17 prints these with more digits than needed (1.9999999999999998E23, 9.999999999999999E22,
        // 8.409999999999999E21; exact, but not shortest): shortest here, as JDK 19+ does
        "2.0E23,                 [2.0E23]",
        "1.0E23,                 [1.0E23]",
        "8.41E21,                [8.41E21]",
        "4.9E-324,               [4.9E-324]",
        "1.7976931348623157E308, [1.7976931348623157E308]",
    })
    void givenADouble_whenWritten_thenItIsTheShortestTextThatReadsBackTheSame(double value, String expected)
            throws Exception {
        String text = written(value);

        assertThat(text).isEqualTo(expected);
        assertThat(JsonParser.parseString(text).getAsJsonArray().get(0).getAsDouble())
                .isEqualTo(value);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void givenAValueJsonCannotHold_whenWritten_thenItIsRefusedAsGsonWould(double value) {
        assertThatThrownBy(() -> written(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be finite");
    }

    /** A finite double >= 0 of one of several kinds, chosen by {@code i}; seeded, so a failure repeats. */
    private static double randomValue(Random random, int i) {
        double value = switch (i % 4) {
            case 0 -> random.nextDouble() * 100; // percentages
            case 1 -> Double.longBitsToDouble(random.nextLong() & Long.MAX_VALUE); // any finite >= 0 bits
            case 2 -> random.nextInt(100_000) / 60.0; // means of whole numbers
            default -> Math.scalb(random.nextDouble(), random.nextInt(200) - 100);
        };
        return Double.isFinite(value) ? value : i;
    }

    private static void assertSameBits(JsonElement read, double written, String what) {
        assertThat(Double.doubleToLongBits(read.getAsDouble())).as(what).isEqualTo(Double.doubleToLongBits(written));
    }

    @Test
    void givenManyRandomScoresSharesAndAverages_whenWrittenInTheGlobalRanking_thenEachReadsBackAsItsDigits() {
        Random random = new Random(20261123);
        ArrayList<String> topics = new ArrayList<>(List.of("cpuLoad", "memLoad", "readLatency"));
        double[] weights = {randomValue(random, 0), randomValue(random, 1), randomValue(random, 3)};
        long[] coveredMillis = {59_999, 1, 60_001};
        ArrayList<HostScore> ranked = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            double[] shares = new double[topics.size()];
            double[] averages = new double[topics.size()];
            for (int t = 0; t < topics.size(); t++) {
                shares[t] = randomValue(random, i + t);
                averages[t] = randomValue(random, i + t + 1);
            }
            ranked.add(new HostScore("h" + i, randomValue(random, i), shares, averages, false, T0));
        }
        GlobalRanking ranking = new GlobalRanking(topics, weights, coveredMillis, ranked, new ArrayList<>(), T0, T0);

        JsonObject json = JsonParser.parseString(RankingJson.global(ranking)).getAsJsonObject();

        JsonArray topicsRead = json.getAsJsonArray("topics");
        for (int t = 0; t < topics.size(); t++) {
            JsonObject topic = topicsRead.get(t).getAsJsonObject();
            assertSameBits(topic.get("weight"), weights[t], "weight " + t);
            assertSameBits(topic.get("windowSeconds"), coveredMillis[t] / 1000.0, "windowSeconds " + t);
        }
        JsonArray hosts = JsonRows.hosts(json);
        assertThat(hosts).hasSize(ranked.size());
        for (int i = 0; i < ranked.size(); i++) {
            JsonObject host = hosts.get(i).getAsJsonObject();
            HostScore written = ranked.get(i);
            assertSignificant(host.get("score"), written.score(), 4, "score " + i);
            for (int t = 0; t < topics.size(); t++) {
                assertSignificant(host.getAsJsonArray("shares").get(t), written.shares()[t], 4, "share " + i);
                assertSignificant(host.getAsJsonArray("averages").get(t), written.averages()[t], 6, "average " + i);
            }
        }
    }

    /** {@code read} is {@code written} rounded to {@code digits} significant digits, in plain notation. */
    private static void assertSignificant(com.google.gson.JsonElement read, double written, int digits, String what) {
        String expected = io.loadrank.slice.Decimals.significant(written, digits);
        assertThat(read.getAsJsonPrimitive().getAsBigDecimal())
                .as(what)
                .isEqualByComparingTo(new java.math.BigDecimal(expected));
        assertThat(Math.abs(read.getAsDouble() - written))
                .as(what + " within its digits (at most 15 decimals: below 1e-15 a value is 0)")
                .isLessThanOrEqualTo(Math.max(Math.abs(written) * Math.pow(10, 1 - digits), 1e-15));
    }
}
