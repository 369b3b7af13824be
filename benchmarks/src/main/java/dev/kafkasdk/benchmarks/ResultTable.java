package dev.kafkasdk.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Collects measurements and renders them as a Markdown table: per scenario the best and median
 * records/s over the rounds, the median p50/p99 latency and the memory figures when measured, and
 * the ratio of a scenario to its named baseline. A table made with {@link #durations(String)} shows
 * elapsed seconds instead (broker start-up).
 *
 * <p>Not thread-safe: fill it from one thread.
 */
public final class ResultTable {

    private final String title;
    private final boolean durations;
    private final Map<String, List<Measurement>> byScenario = new LinkedHashMap<>();
    private final List<Comparison> comparisons = new ArrayList<>();

    /** A target ratio between two scenarios' median throughput. */
    record Comparison(String scenario, String baseline, double target) {}

    /**
     * A comparison as measured.
     *
     * @param comparison what was declared
     * @param ratio the scenario's median over the baseline's median; the target is checked against it
     * @param pairedRatio the median over the rounds of the scenario's run over the baseline's run in the
     *     same round ({@code NaN} without such pairs): the two ran back to back, so this ratio does not
     *     carry the drift between rounds that the ratio of medians does
     * @param pairedMin the lowest same-round ratio ({@code NaN} without pairs)
     * @param pairedMax the highest same-round ratio ({@code NaN} without pairs)
     */
    record Verdict(Comparison comparison, double ratio, double pairedRatio, double pairedMin, double pairedMax) {

        /**
         * Whether the ratio reached the target; a comparison without a target (0) is always met.
         *
         * @return true when met
         */
        boolean met() {
            return ratio >= comparison.target();
        }

        /**
         * Whether the comparison declares a target at all (a ratio of 0 only reports the ratio).
         *
         * @return true when a target ratio was declared
         */
        boolean hasTarget() {
            return comparison.target() > 0;
        }
    }

    /**
     * One rendered line of the table; absent figures are {@code NaN} (or {@code null}).
     *
     * @param scenario the scenario's name
     * @param rounds how many runs were measured
     * @param records records per run (of the first run)
     * @param median median records/s, or median seconds for a durations table
     * @param best best records/s, or the shortest seconds for a durations table
     * @param p50Millis median over the runs of each run's p50 latency
     * @param p99Millis median over the runs of each run's p99 latency
     * @param cpuMicrosPerRecord mean client CPU per record
     * @param allocatedBytesPerRecord median bytes allocated per record
     * @param heapAfterGcMebibytes median heap in use after GC
     * @param verdicts the row's declared comparisons (a scenario may have several baselines), as measured
     */
    public record Row(
            String scenario,
            int rounds,
            long records,
            double median,
            double best,
            double p50Millis,
            double p99Millis,
            double cpuMicrosPerRecord,
            double allocatedBytesPerRecord,
            double heapAfterGcMebibytes,
            List<Verdict> verdicts) {

        /**
         * Whether every comparison of the row reached its target.
         *
         * @return true or false, or {@code null} when the row has no comparison
         */
        public Boolean met() {
            return verdicts.isEmpty() ? null : verdicts.stream().allMatch(Verdict::met);
        }
    }

    /**
     * Starts an empty throughput table.
     *
     * @param title the heading printed above the table
     */
    public ResultTable(String title) {
        this(title, false);
    }

    private ResultTable(String title, boolean durations) {
        this.title = title;
        this.durations = durations;
    }

    /**
     * Starts an empty table of elapsed times (seconds, lower is better) rather than throughput.
     *
     * @param title the heading printed above the table
     * @return the table
     */
    public static ResultTable durations(String title) {
        return new ResultTable(title, true);
    }

    /**
     * Adds one run.
     *
     * @param measurement the run
     */
    public void add(Measurement measurement) {
        byScenario
                .computeIfAbsent(measurement.scenario(), k -> new ArrayList<>())
                .add(measurement);
    }

    /**
     * Declares that {@code scenario} should reach {@code target} times the median of {@code baseline}. A
     * scenario may be compared with several baselines; each is checked.
     *
     * @param scenario the measured scenario
     * @param baseline the scenario it is compared to
     * @param target the ratio it must reach
     */
    public void compare(String scenario, String baseline, double target) {
        comparisons.add(new Comparison(scenario, baseline, target));
    }

    /**
     * The median records/s of a scenario over its rounds (seconds for a durations table).
     *
     * @param scenario the scenario's name
     * @return the median throughput
     * @throws IllegalArgumentException if the scenario has no measurements
     */
    public double median(String scenario) {
        List<Measurement> runs = byScenario.getOrDefault(scenario, List.of());
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no measurements for scenario " + scenario);
        }
        return medianOf(runs, this::value);
    }

    /**
     * Whether every declared comparison reached its target.
     *
     * @return true when all ratios meet their targets
     */
    public boolean targetsMet() {
        return comparisons.stream().allMatch(c -> ratio(c) >= c.target());
    }

    /**
     * The heading.
     *
     * @return the title given at construction
     */
    public String title() {
        return title;
    }

    /**
     * Whether this table holds elapsed seconds rather than records/s.
     *
     * @return true for a table made with {@link #durations(String)}
     */
    public boolean isDurations() {
        return durations;
    }

    /**
     * The table's lines, one per scenario in the order they were first added.
     *
     * @return the rows
     */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, List<Measurement>> e : byScenario.entrySet()) {
            List<Measurement> runs = e.getValue();
            double best = runs.stream()
                    .mapToDouble(this::value)
                    .reduce(durations ? Math::min : Math::max)
                    .orElse(Double.NaN);
            List<Verdict> verdicts = comparisons.stream()
                    .filter(c -> c.scenario().equals(e.getKey()))
                    .map(this::verdict)
                    .toList();
            rows.add(new Row(
                    e.getKey(),
                    runs.size(),
                    runs.get(0).records(),
                    median(e.getKey()),
                    best,
                    medianOf(runs, Measurement::p50Millis),
                    medianOf(runs, Measurement::p99Millis),
                    runs.stream()
                            .mapToDouble(Measurement::cpuMicrosPerRecord)
                            .average()
                            .orElse(Double.NaN),
                    medianOf(runs, Measurement::allocatedBytesPerRecord),
                    medianOf(runs, m -> m.heapAfterGcBytes() < 0 ? Double.NaN : m.heapAfterGcBytes() / 1048576.0),
                    verdicts));
        }
        return rows;
    }

    /**
     * Renders the table in Markdown. Latency and memory columns appear only when some run has them.
     *
     * @return the table with a heading
     */
    public String toMarkdown() {
        StringBuilder out = new StringBuilder("### ").append(title).append("\n\n");
        List<Row> rows = rows();
        if (durations) {
            out.append("| scenario | tries | median s | best s |\n|---|---:|---:|---:|\n");
            rows.forEach(r -> out.append(String.format(
                    Locale.ROOT, "| %s | %d | %.2f | %.2f |%n", r.scenario(), r.rounds(), r.median(), r.best())));
            return out.toString();
        }
        boolean latency = rows.stream().anyMatch(r -> !Double.isNaN(r.p50Millis()));
        boolean memory = rows.stream().anyMatch(r -> !Double.isNaN(r.allocatedBytesPerRecord()));
        out.append("| scenario | rounds | records/run | median records/s | best records/s |")
                .append(latency ? " p50 ms | p99 ms |" : "")
                .append(" client CPU µs/record |")
                .append(memory ? " allocated B/record | heap after GC MiB |" : "")
                .append(" vs baseline | target |\n");
        out.append("|---|---:|---:|---:|---:|")
                .append(latency ? "---:|---:|" : "")
                .append("---:|")
                .append(memory ? "---:|---:|" : "")
                .append("---|---|\n");
        for (Row r : rows) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %,d | %,.0f | %,.0f |",
                    r.scenario(),
                    r.rounds(),
                    r.records(),
                    r.median(),
                    r.best()));
            if (latency) {
                out.append(' ')
                        .append(number(r.p50Millis(), "%.1f"))
                        .append(" | ")
                        .append(number(r.p99Millis(), "%.1f"))
                        .append(" |");
            }
            out.append(String.format(Locale.ROOT, " %.2f |", r.cpuMicrosPerRecord()));
            if (memory) {
                out.append(' ')
                        .append(number(r.allocatedBytesPerRecord(), "%,.0f"))
                        .append(" | ")
                        .append(number(r.heapAfterGcMebibytes(), "%.1f"))
                        .append(" |");
            }
            out.append(' ')
                    .append(r.verdicts().stream()
                            .map(v -> String.format(
                                    Locale.ROOT,
                                    "%.2fx %s%s",
                                    v.ratio(),
                                    v.comparison().baseline(),
                                    Double.isNaN(v.pairedRatio())
                                            ? ""
                                            : String.format(
                                                    Locale.ROOT,
                                                    " (paired %.2fx, min %.2fx, max %.2fx)",
                                                    v.pairedRatio(),
                                                    v.pairedMin(),
                                                    v.pairedMax())))
                            .collect(Collectors.joining("<br>")))
                    .append(" | ");
            out.append(r.verdicts().stream()
                            .map(v -> v.hasTarget()
                                    ? String.format(
                                            Locale.ROOT,
                                            ">= %.2fx %s",
                                            v.comparison().target(),
                                            v.met() ? "met" : "MISSED")
                                    : "none")
                            .collect(Collectors.joining("<br>")))
                    .append(" |");
            out.append('\n');
        }
        return out.toString();
    }

    private double value(Measurement m) {
        return durations ? m.nanos() / 1e9 : m.recordsPerSecond();
    }

    private double ratio(Comparison c) {
        return median(c.scenario()) / median(c.baseline());
    }

    private Verdict verdict(Comparison c) {
        double[] paired = pairedRatios(c);
        return paired.length == 0
                ? new Verdict(c, ratio(c), Double.NaN, Double.NaN, Double.NaN)
                : new Verdict(c, ratio(c), median(paired), paired[0], paired[paired.length - 1]);
    }

    /** The scenario's run over the baseline's run of the same round, for every round with both; sorted. */
    private double[] pairedRatios(Comparison c) {
        Map<Integer, Double> baseline = new HashMap<>();
        byScenario.getOrDefault(c.baseline(), List.of()).forEach(m -> baseline.put(m.round(), value(m)));
        return byScenario.getOrDefault(c.scenario(), List.of()).stream()
                .filter(m -> baseline.containsKey(m.round()))
                .mapToDouble(m -> value(m) / baseline.get(m.round()))
                .sorted()
                .toArray();
    }

    private static String number(double value, String format) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, format, value);
    }

    private static double medianOf(List<Measurement> runs, ToDoubleFunction<Measurement> figure) {
        return median(runs.stream()
                .mapToDouble(figure)
                .filter(v -> !Double.isNaN(v))
                .sorted()
                .toArray());
    }

    /** The median of sorted values, or NaN for none. */
    private static double median(double[] values) {
        int n = values.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
