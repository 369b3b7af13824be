package dev.kafkasdk.benchmarks;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler;

/**
 * Writes the report's CSV (one row per scenario per table) and its PNG chart (one XChart bar chart
 * per table, stacked into one image under a line naming the machine).
 */
final class ReportFiles {

    static final String CSV_HEADER = "table,scenario,rounds,records,median,best,p50_ms,p99_ms,cpu_us_per_record,"
            + "ratio,paired_ratio,baseline,target,met,allocated_bytes_per_record,heap_after_gc_mib,unit";

    private static final int WIDTH = 1400;
    private static final int HEIGHT = 600;
    private static final Color TOOL_COLOR = new Color(0x9E9E9E);
    private static final Color RAW_COLOR = new Color(0x4C72B0);
    private static final Color SDK_COLOR = new Color(0xDD8452);
    private static final Color PEER_COLOR = new Color(0x55A868);

    /** Whose client a scenario measures; its bars share a colour and a legend entry. */
    enum Kind {
        TOOL("Kafka's perf tool", TOOL_COLOR),
        RAW("raw kafka-clients", RAW_COLOR),
        SDK("SDK", SDK_COLOR),
        PEER("peer library (Spring Kafka, Parallel Consumer)", PEER_COLOR);

        final String legend;
        final Color color;

        Kind(String legend, Color color) {
            this.legend = legend;
            this.color = color;
        }

        static Kind of(String scenario) {
            if (scenario.startsWith("Kafka ")) {
                return TOOL;
            }
            if (scenario.startsWith("raw ") || scenario.startsWith("plain ")) {
                return RAW;
            }
            return scenario.startsWith("Sdk") ? SDK : PEER;
        }
    }

    private ReportFiles() {}

    private static String join(ResultTable.Row row, Function<ResultTable.Verdict, String> field) {
        return row.verdicts().stream().map(field).collect(Collectors.joining(";"));
    }

    /**
     * The CSV text: a header and one row per scenario of each table.
     *
     * @param tables the tables
     * @return the CSV, lines ending in {@code \n}
     */
    static String csv(List<ResultTable> tables) {
        StringBuilder out = new StringBuilder(CSV_HEADER).append('\n');
        for (ResultTable table : tables) {
            String unit = table.isDurations() ? "s" : "records/s";
            for (ResultTable.Row r : table.rows()) {
                // a scenario compared with several baselines lists them in order, separated by ';'
                String ratios = join(r, v -> number(v.ratio(), "%.3f"));
                String pairedRatios = join(r, v -> number(v.pairedRatio(), "%.3f"));
                String baselines = join(r, v -> v.comparison().baseline());
                String targets = join(r, v -> number(v.comparison().target(), "%.2f"));
                List<String> fields = List.of(
                        table.title(),
                        r.scenario(),
                        Integer.toString(r.rounds()),
                        Long.toString(r.records()),
                        number(r.median(), "%.3f"),
                        number(r.best(), "%.3f"),
                        number(r.p50Millis(), "%.3f"),
                        number(r.p99Millis(), "%.3f"),
                        table.isDurations() ? "" : number(r.cpuMicrosPerRecord(), "%.3f"),
                        ratios,
                        pairedRatios,
                        baselines,
                        targets,
                        r.met() == null ? "" : r.met().toString(),
                        number(r.allocatedBytesPerRecord(), "%.1f"),
                        number(r.heapAfterGcMebibytes(), "%.1f"),
                        unit);
                out.append(String.join(
                                ",", fields.stream().map(ReportFiles::quote).toList()))
                        .append('\n');
            }
        }
        return out.toString();
    }

    /**
     * Writes the CSV file.
     *
     * @param tables the tables
     * @param file where to write it
     * @throws IOException if it cannot be written
     */
    static void writeCsv(List<ResultTable> tables, Path file) throws IOException {
        Files.writeString(file, csv(tables));
    }

    /**
     * Writes the chart: per table a bar per scenario (median records/s; allocated bytes per record
     * for a table with memory figures; median seconds for start-up), coloured by kind (Kafka's tool,
     * raw kafka-clients, SDK).
     *
     * @param tables the tables
     * @param machine a line naming the machine and the run, drawn above the charts
     * @param file where to write the PNG
     * @throws IOException if it cannot be written
     */
    static void writePng(List<ResultTable> tables, String machine, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<BufferedImage> images = new ArrayList<>();
        for (ResultTable table : tables) {
            images.add(BitmapEncoder.getBufferedImage(chart(table)));
        }
        int header = 40;
        BufferedImage combined = new BufferedImage(WIDTH, header + HEIGHT * images.size(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = combined.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, combined.getWidth(), combined.getHeight());
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
        g.drawString(machine, 16, 26);
        for (int i = 0; i < images.size(); i++) {
            g.drawImage(images.get(i), 0, header + i * HEIGHT, null);
        }
        g.dispose();
        ImageIO.write(combined, "png", file.toFile());
    }

    private static CategoryChart chart(ResultTable table) {
        List<ResultTable.Row> rows = table.rows();
        boolean memory = rows.stream().anyMatch(r -> !Double.isNaN(r.allocatedBytesPerRecord()));
        String axis = table.isDurations()
                ? "median seconds"
                : memory ? "allocated bytes per record (median)" : "median records/s";
        ToDoubleFunction<ResultTable.Row> value =
                memory ? ResultTable.Row::allocatedBytesPerRecord : ResultTable.Row::median;
        CategoryChart chart = new CategoryChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title(table.title())
                .yAxisTitle(axis)
                .build();
        CategoryStyler styler = chart.getStyler();
        styler.setOverlapped(true);
        styler.setXAxisLabelRotation(15);
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        styler.setLabelsVisible(true);
        styler.setLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        styler.setLabelsFontColorAutomaticEnabled(false);
        styler.setLabelsFontColor(Color.BLACK);
        styler.setLabelsPosition(0.95);
        styler.setDecimalPattern(table.isDurations() ? "#,##0.00" : "#,###");
        // below the plot: inside it, the legend hid the tallest bars
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotGridVerticalLinesVisible(false);
        List<String> labels = rows.stream().map(r -> label(r.scenario())).toList();
        if (table.isDurations()) {
            chart.addSeries(
                            "embedded broker",
                            labels,
                            rows.stream().map(r -> value.applyAsDouble(r)).toList())
                    .setFillColor(SDK_COLOR);
            return chart;
        }
        for (Kind kind : Kind.values()) {
            addSeries(chart, kind, rows, labels, value);
        }
        return chart;
    }

    private static void addSeries(
            CategoryChart chart,
            Kind kind,
            List<ResultTable.Row> rows,
            List<String> labels,
            ToDoubleFunction<ResultTable.Row> value) {
        // one series per kind, null where a scenario is of another kind, overlapped: a coloured bar each
        List<Double> values = new ArrayList<>();
        boolean any = false;
        for (ResultTable.Row r : rows) {
            boolean mine = Kind.of(r.scenario()) == kind;
            double v = value.applyAsDouble(r);
            values.add(mine && !Double.isNaN(v) ? v : null);
            any |= mine;
        }
        if (any) {
            chart.addSeries(kind.legend, labels, values).setFillColor(kind.color);
        }
    }

    /** Shortens a scenario name for the axis; the bar's colour says which client it is. */
    static String label(String scenario) {
        return scenario.replaceFirst("^Kafka (Producer|Consumer)Performance, ", "perf tool: ")
                .replaceFirst("^raw Kafka(Producer|Consumer), ", "raw: ")
                .replaceFirst("^Sdk(Producer|Consumer), ", "SDK: ")
                .replace(" properties", "")
                .replaceFirst(" \\(.*\\)$", "");
    }

    private static String number(double value, String format) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, format, value);
    }

    private static String quote(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n")) {
            return "\"" + field.replace("\"", "\"\"") + "\"";
        }
        return field;
    }
}
