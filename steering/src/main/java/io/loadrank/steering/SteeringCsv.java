package io.loadrank.steering;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** steering.csv: a header of {@link ResultRow#COLUMNS}, then one line per row; names hold no commas. */
final class SteeringCsv {

    private SteeringCsv() {}

    static String header() {
        return String.join(",", ResultRow.COLUMNS);
    }

    static String line(ResultRow row) {
        return String.format(
                Locale.ROOT,
                "%s,%s,%d,%.1f,%.1f,%d,%.3f,%.3f,%.3f,%.3f,%.4f",
                row.scenario(),
                row.policy(),
                row.run(),
                row.offeredPerSecond(),
                row.achievedPerSecond(),
                row.errors(),
                row.p50Millis(),
                row.p99Millis(),
                row.p999Millis(),
                row.maxMillis(),
                row.hotNodeShare());
    }

    static void write(Path file, List<ResultRow> rows) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(header());
        rows.forEach(row -> lines.add(line(row)));
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    static List<ResultRow> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(header())) {
            throw new IOException(file + " does not start with the header " + header());
        }
        List<ResultRow> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            if (f.length != ResultRow.COLUMNS.size()) {
                throw new IOException(
                        file + " line " + (i + 1) + " has " + f.length + " fields, not " + ResultRow.COLUMNS.size());
            }
            rows.add(new ResultRow(
                    f[0],
                    f[1],
                    Integer.parseInt(f[2]),
                    Double.parseDouble(f[3]),
                    Double.parseDouble(f[4]),
                    Long.parseLong(f[5]),
                    Double.parseDouble(f[6]),
                    Double.parseDouble(f[7]),
                    Double.parseDouble(f[8]),
                    Double.parseDouble(f[9]),
                    Double.parseDouble(f[10])));
        }
        return rows;
    }
}
