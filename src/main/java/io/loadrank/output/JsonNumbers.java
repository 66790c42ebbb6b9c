package io.loadrank.output;

import com.fasterxml.jackson.core.io.NumberOutput;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;

/**
 * Doubles for the ranking JSON, in the text {@link Double#toString(double)} gives (the shortest
 * decimal that reads back as the same double: the "full precision" of docs/OUTPUT.md), but made by
 * jackson-core's Schubfach implementation: JDK 17's {@code Double.toString}, which Gson's
 * {@code JsonWriter.value(double)} calls, was most of the global JSON's time at 100,000 hosts
 * (1.1 million numbers per emit; 451 ms per emit before, 206 ms after, docs/BENCHMARKS.md).
 * JDK 19 adopted the same algorithm. The text goes in through {@link JsonWriter#jsonValue(String)},
 * which keeps the writer's state (a name before, a comma between) like {@code value(double)} does.
 */
final class JsonNumbers {

    private JsonNumbers() {}

    /**
     * Writes {@code value} as a JSON number.
     *
     * @throws IllegalArgumentException for NaN and infinities, which JSON cannot hold (as Gson does)
     */
    static JsonWriter value(JsonWriter json, double value) throws IOException {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("Numeric values must be finite, but was " + value);
        }
        return json.jsonValue(NumberOutput.toString(value, true));
    }
}
