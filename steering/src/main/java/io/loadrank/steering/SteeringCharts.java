package io.loadrank.steering;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The report's plots, as PNG files (headless). */
final class SteeringCharts {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 450;

    private SteeringCharts() {}

    /** Bars of p50, p99 and p99.9 (medians over the runs, log scale) per policy for one scenario. */
    static void latencies(Path png, String scenario, List<ResultRow> rows) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        Map<String, String> columns = new java.util.LinkedHashMap<>();
        columns.put("p50", "p50_ms");
        columns.put("p99", "p99_ms");
        columns.put("p99.9", "p999_ms");
        rows.stream()
                .filter(r -> r.scenario().equals(scenario))
                .map(ResultRow::policy)
                .distinct()
                .forEach(policy -> columns.forEach((label, column) -> data.addValue(
                        SteeringReport.medianOf(rows.stream()
                                .filter(r -> r.scenario().equals(scenario)
                                        && r.policy().equals(policy))
                                .mapToDouble(r -> Math.max(0.01, r.latency(column)))
                                .toArray()),
                        label,
                        policy)));
        LogAxis axis = new LogAxis("latency, ms (median of runs; log scale)");
        axis.setSmallestValue(0.01);
        axis.setNumberFormatOverride(new java.text.DecimalFormat("0.#"));
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis("policy"), axis, new BarRenderer());
        JFreeChart chart = new JFreeChart(scenario + ": latency from scheduled start", plot);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
    }

    /**
     * Through one measured phase: above, each node's share of the requests of {@code sharePolicy} per
     * second; below, each policy's p99 per second (log scale).
     */
    static void timeSeries(
            Path png,
            String title,
            Map<String, List<RunAccounting.SecondResult>> byPolicy,
            String sharePolicy,
            int nodes)
            throws IOException {
        XYSeriesCollection shares = new XYSeriesCollection();
        List<RunAccounting.SecondResult> seconds = byPolicy.getOrDefault(sharePolicy, List.of());
        for (int node = 1; node <= nodes; node++) {
            XYSeries series = new XYSeries("node " + node);
            for (RunAccounting.SecondResult second : seconds) {
                long total = java.util.Arrays.stream(second.perNode()).sum();
                if (total > 0) {
                    series.add(second.second(), 100.0 * second.perNode()[node] / total);
                }
            }
            shares.addSeries(series);
        }
        NumberAxis shareAxis = new NumberAxis(sharePolicy + ": share of requests, %");
        shareAxis.setRange(0, 100);
        XYPlot top = new XYPlot(shares, null, shareAxis, new XYLineAndShapeRenderer(true, false));

        XYSeriesCollection p99 = new XYSeriesCollection();
        byPolicy.forEach((policy, list) -> {
            XYSeries series = new XYSeries(policy);
            list.stream()
                    .filter(s -> !Double.isNaN(s.p99Millis()))
                    .forEach(s -> series.add(s.second(), Math.max(0.01, s.p99Millis())));
            p99.addSeries(series);
        });
        LogAxis latencyAxis = new LogAxis("p99 of the second, ms");
        latencyAxis.setSmallestValue(0.01);
        latencyAxis.setNumberFormatOverride(new java.text.DecimalFormat("0.#"));
        XYPlot bottom = new XYPlot(p99, null, latencyAxis, new XYLineAndShapeRenderer(true, false));

        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new NumberAxis("seconds since the node turned hot"));
        plot.add(top, 1);
        plot.add(bottom, 1);
        JFreeChart chart = new JFreeChart(title, plot);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT + 250);
    }
}
