package io.loadrank.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonWriter;
import io.loadrank.ranking.HostAverage;
import io.loadrank.ranking.IngestStats;
import io.loadrank.ranking.TopicRanking;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonNumbersTest {

    private static final long T0 = 1_763_800_000_000L;

    private static String written(double value) throws Exception {
        StringWriter out = new StringWriter();
        JsonWriter json = new JsonWriter(out);
        json.beginArray();
        JsonNumbers.value(json, value);
        json.endArray();
        json.close();
        return out.toString();
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource({
        // Double.toString's format: a fraction always shown, scientific below 1e-3 and from 1e7
        "0.0,                    [0.0]",
        "1.0,                    [1.0]",
        "55.25,                  [55.25]",
        "0.1,                    [0.1]",
        "33.333333333333336,     [33.333333333333336]",
        "1.0E-7,                 [1.0E-7]",
        "0.001,                  [0.001]",
        "1.0E7,                  [1.0E7]",
        "1.0E21,                 [1.0E21]",
        // JDK 17 prints these with more digits than needed (2.0000000000000002E23 ...): shortest here
        "2.0E23,                 [2.0E23]",
        "1.0E23,                 [1.0E23]",
        "4.9E-324,               [4.9E-324]",
        "1.7976931348623157E308, [1.7976931348623157E308]",
    })
    void givenADouble_whenWritten_thenItIsTheShortestTextThatReadsBackTheSame(double value, String expected)
            throws Exception {
        String text = written(value);

        assertThat(text).isEqualTo(expected);
        assertThat(JsonParser.parseString(text).getAsJsonArray().get(0).getAsDouble()).isEqualTo(value);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void givenAValueJsonCannotHold_whenWritten_thenItIsRefusedAsGsonWould(double value) {
        assertThatThrownBy(() -> written(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be finite");
    }

    @Test
    void givenManyRandomAverages_whenWrittenInATopicRanking_thenEachReadsBackBitForBit() {
        Random random = new Random(20261122);
        ArrayList<HostAverage> ranked = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            double average = switch (i % 4) {
                case 0 -> random.nextDouble() * 100;                                  // percentages
                case 1 -> Double.longBitsToDouble(random.nextLong() & Long.MAX_VALUE); // any finite >= 0 bits
                case 2 -> random.nextInt(100_000) / 60.0;                              // means of whole numbers
                default -> Math.scalb(random.nextDouble(), random.nextInt(200) - 100);
            };
            if (!Double.isFinite(average)) {
                average = i;
            }
            ranked.add(new HostAverage("h" + i, average, 60, T0));
        }

        String json = RankingJson.topic(new TopicRanking("cpuLoad", ranked, 60_000, IngestStats.empty(), T0, T0), 60_000);

        JsonArray hosts = JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("hosts");
        assertThat(hosts).hasSize(ranked.size());
        for (int i = 0; i < ranked.size(); i++) {
            double read = hosts.get(i).getAsJsonObject().get("average").getAsDouble();
            assertThat(Double.doubleToLongBits(read)).as("host %d", i)
                    .isEqualTo(Double.doubleToLongBits(ranked.get(i).average()));
        }
    }
}
