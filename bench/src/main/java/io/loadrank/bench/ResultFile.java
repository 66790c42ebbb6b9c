package io.loadrank.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one benchmark run, as {@code key=value} lines that every tool of the run appends
 * to (and scripts/bench.sh too); {@link BenchReport} reads them back. Numbers are written with
 * {@link Locale#ROOT} so that a decimal point is always a point.
 */
final class ResultFile {

    private ResultFile() {}

    static void append(Path file, Map<String, ?> figures) throws IOException {
        StringBuilder out = new StringBuilder();
        figures.forEach((key, value) ->
                out.append(key).append('=').append(format(value)).append('\n'));
        Files.writeString(file, out, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    static String format(Object value) {
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (Double.isNaN(number)) {
                return "";
            }
            // four decimals are plenty for seconds, milliseconds and messages per second
            String plain = String.format(Locale.ROOT, "%.4f", number);
            return plain.contains(".") ? plain.replaceFirst("\\.?0+$", "") : plain;
        }
        return String.valueOf(value).replace('\n', ' ');
    }
}
