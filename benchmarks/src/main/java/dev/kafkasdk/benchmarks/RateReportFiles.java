package dev.kafkasdk.benchmarks;

import dev.kafkasdk.core.config.ProducerPreset;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Writes the fixed-rate report: {@code rate.md} (tables), {@code rate.csv} (every point),
 * {@code rate-summary.csv} (paired ratios and maximum rates) and {@code rate.png} (per preset, end-to-end
 * latency percentiles against the target rate, SDK beside raw kafka-clients with the same properties;
 * then the p99 of every scenario), in the manner of {@link ReportFiles}.
 */
final class RateReportFiles {

    static final String CSV_HEADER = "phase,scenario,value_bytes,target_rate,achieved_rate,records,"
            + "publish_p50_ms,publish_p99_ms,publish_p999_ms,publish_max_ms,"
            + "e2e_p50_ms,e2e_p99_ms,e2e_p999_ms,e2e_max_ms,cpu_us_per_record,allocated_bytes_per_record,"
            + "load1,missing,sustained";
    static final String SUMMARY_HEADER = "kind,subject,value_bytes,target_rate,rounds,figure,min,median,max,met";

    private static final int WIDTH = 1400;
    private static final int HEIGHT = 520;
    private static final Color P50 = new Color(0x4C72B0);
    private static final Color P99 = new Color(0xDD8452);
    private static final Color P999 = new Color(0xC44E52);
    /**
     * One colour per scenario in the every-scenario chart, distinct for the first ten (XChart's own
     * series colours put orange next to yellow); raw scenarios are also dashed.
     */
    private static final Color[] SCENARIO_COLORS = {
        new Color(0x1F77B4),
        new Color(0xFF7F0E),
        new Color(0x2CA02C),
        new Color(0xD62728),
        new Color(0x9467BD),
        new Color(0x8C564B),
        new Color(0xE377C2),
        new Color(0x7F7F7F),
        new Color(0xBCBD22),
        new Color(0x17BECF)
    };

    private RateReportFiles() {}

    /**
     * Writes the four files.
     *
     * @param report the results
     * @param machine a line naming the machine and the run
     * @return the Markdown, CSV, summary CSV and PNG paths
     */
    static List<Path> write(RateReport report, String machine) throws IOException {
        Path md = report.options().out().toAbsolutePath();
        Files.createDirectories(md.getParent());
        String base = md.getFileName().toString().replaceFirst("\\.md$", "");
        Path csv = md.resolveSibling(base + ".csv");
        Path summary = md.resolveSibling(base + "-summary.csv");
        Path png = md.resolveSibling(base + ".png");
        Files.writeString(
                md, RateMarkdown.render(report, machine, png.getFileName().toString()));
        Files.writeString(csv, csv(report));
        Files.writeString(summary, summaryCsv(report));
        writePng(report, machine, png);
        return List.of(md, csv, summary, png);
    }

    static String csv(RateReport report) {
        StringBuilder out = new StringBuilder(CSV_HEADER).append('\n');
        for (RateResult r : report.results()) {
            out.append(String.join(
                            ",",
                            r.phase(),
                            quote(r.scenario()),
                            Integer.toString(r.valueBytes()),
                            Integer.toString(r.targetRate()),
                            n(r.achievedRate(), "%.1f"),
                            Long.toString(r.records()),
                            n(r.publish().p50(), "%.3f"),
                            n(r.publish().p99(), "%.3f"),
                            n(r.publish().p999(), "%.3f"),
                            n(r.publish().max(), "%.3f"),
                            n(r.endToEnd().p50(), "%.3f"),
                            n(r.endToEnd().p99(), "%.3f"),
                            n(r.endToEnd().p999(), "%.3f"),
                            n(r.endToEnd().max(), "%.3f"),
                            n(r.cpuMicrosPerRecord(), "%.3f"),
                            n(r.allocatedBytesPerRecord(), "%.1f"),
                            n(r.load1(), "%.2f"),
                            Long.toString(r.missing()),
                            Boolean.toString(r.sustained())))
                    .append('\n');
        }
        return out.toString();
    }

    static String summaryCsv(RateReport report) {
        StringBuilder out = new StringBuilder(SUMMARY_HEADER).append('\n');
        for (RateReport.Paired p : report.paired()) {
            String head =
                    "paired,SDK/raw " + p.preset() + "," + p.valueBytes() + "," + p.targetRate() + "," + p.rounds();
            row(out, head, "publish_p99_ratio", p.publishP99(), "");
            row(out, head, "publish_p99_diff_ms", p.publishP99Diff(), Boolean.toString(p.publishMet()));
            row(out, head, "e2e_p99_ratio", p.e2eP99(), "");
            row(out, head, "e2e_p99_diff_ms", p.e2eP99Diff(), Boolean.toString(p.e2eMet()));
            row(out, head, "cpu_ratio", p.cpu(), Boolean.toString(p.cpu().median() <= 1.15));
            row(out, head, "alloc_ratio", p.alloc(), Boolean.toString(p.alloc().median() <= 1.15));
        }
        for (RateReport.Candidate c : report.candidates()) {
            String head = "candidate," + quote(c.candidate() + " / " + c.base()) + "," + c.valueBytes() + ","
                    + c.targetRate() + "," + c.rounds();
            row(out, head, "e2e_p50_diff_ms", c.e2eP50Diff(), "");
            row(out, head, "e2e_p99_ratio", c.e2eP99(), "");
            row(out, head, "e2e_p99_diff_ms", c.e2eP99Diff(), "");
            row(out, head, "e2e_p999_diff_ms", c.e2eP999Diff(), "");
            row(out, head, "cpu_ratio", c.cpu(), "");
        }
        for (RateReport.MaxRate m : report.maxRates()) {
            out.append(String.join(
                            ",",
                            "max_rate",
                            quote(m.scenario()),
                            Integer.toString(m.valueBytes()),
                            "",
                            Integer.toString(m.probes()),
                            "max_sustained_rate",
                            "",
                            Integer.toString(m.sustained()),
                            Integer.toString(m.firstUnsustained()),
                            ""))
                    .append('\n');
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String head, String figure, RateReport.Spread s, String met) {
        out.append(String.join(",", head, figure, n(s.min(), "%.4f"), n(s.median(), "%.4f"), n(s.max(), "%.4f"), met))
                .append('\n');
    }

    /**
     * Writes the chart: per preset (with its SDK or raw-same points) and value size, end-to-end p50,
     * p99 and p99.9 against the target rate (log axes), SDK solid and raw dashed; then the p99 of every
     * scenario.
     */
    static void writePng(RateReport report, String machine, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<RateReport.Median> medians = report.medians();
        List<BufferedImage> images = new ArrayList<>();
        for (int size : report.options().sizes()) {
            for (ProducerPreset preset : ProducerPreset.values()) {
                String sdk = RateScenario.sdk(preset).name();
                String raw = RateScenario.rawSame(preset).name();
                XYChart chart =
                        chart(preset + ", " + size + " B values: end-to-end latency vs rate (median of rounds)");
                boolean any = false;
                any |= series(
                        chart, medians, sdk, size, "SDK p50", m -> m.endToEnd().p50(), false, P50);
                any |= series(
                        chart, medians, sdk, size, "SDK p99", m -> m.endToEnd().p99(), false, P99);
                any |= series(
                        chart,
                        medians,
                        sdk,
                        size,
                        "SDK p99.9",
                        m -> m.endToEnd().p999(),
                        false,
                        P999);
                any |= series(
                        chart, medians, raw, size, "raw p50", m -> m.endToEnd().p50(), true, P50);
                any |= series(
                        chart, medians, raw, size, "raw p99", m -> m.endToEnd().p99(), true, P99);
                any |= series(
                        chart,
                        medians,
                        raw,
                        size,
                        "raw p99.9",
                        m -> m.endToEnd().p999(),
                        true,
                        P999);
                if (any) {
                    images.add(BitmapEncoder.getBufferedImage(chart));
                }
            }
            XYChart all = chart("Every scenario, " + size + " B values: end-to-end p99 vs rate (median of rounds)");
            boolean any = false;
            List<String> scenarios =
                    medians.stream().map(RateReport.Median::scenario).distinct().toList();
            for (int i = 0; i < scenarios.size(); i++) {
                String scenario = scenarios.get(i);
                any |= series(
                        all,
                        medians,
                        scenario,
                        size,
                        ReportFiles.label(scenario),
                        m -> m.endToEnd().p99(),
                        !scenario.startsWith("Sdk"),
                        SCENARIO_COLORS[i % SCENARIO_COLORS.length]);
            }
            if (any) {
                images.add(BitmapEncoder.getBufferedImage(all));
            }
        }
        int header = 40;
        BufferedImage combined =
                new BufferedImage(WIDTH, header + HEIGHT * Math.max(1, images.size()), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = combined.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, combined.getWidth(), combined.getHeight());
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        g.drawString(machine, 16, 26);
        for (int i = 0; i < images.size(); i++) {
            g.drawImage(images.get(i), 0, header + i * HEIGHT, null);
        }
        g.dispose();
        ImageIO.write(combined, "png", file.toFile());
    }

    private static XYChart chart(String title) {
        XYChart chart = new XYChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title(title)
                .xAxisTitle("target rate, records/s")
                .yAxisTitle("latency, ms")
                .build();
        Styler styler = chart.getStyler();
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setXAxisDecimalPattern("#,###");
        chart.getStyler().setYAxisDecimalPattern("#,##0.#");
        return chart;
    }

    private static boolean series(
            XYChart chart,
            List<RateReport.Median> medians,
            String scenario,
            int size,
            String name,
            ToDoubleFunction<RateReport.Median> y,
            boolean dashed,
            Color color) {
        List<RateReport.Median> points = medians.stream()
                .filter(m -> m.scenario().equals(scenario) && m.valueBytes() == size)
                .filter(m -> y.applyAsDouble(m) > 0)
                .sorted(Comparator.comparingInt(RateReport.Median::targetRate))
                .toList();
        if (points.isEmpty()) {
            return false;
        }
        XYSeries s = chart.addSeries(
                name,
                points.stream().map(m -> (double) m.targetRate()).toList(),
                points.stream().map(m -> y.applyAsDouble(m)).toList());
        s.setMarker(SeriesMarkers.CIRCLE);
        if (color != null) {
            s.setLineColor(color);
            s.setMarkerColor(color);
        }
        if (dashed) {
            s.setLineStyle(new java.awt.BasicStroke(
                    2f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        }
        return true;
    }

    static String n(double value, String format) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, format, value);
    }

    private static String quote(String field) {
        return field.contains(",") ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
    }
}
