package dev.kafkasdk.benchmarks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Collects measurements and renders them as a Markdown table: per scenario the best and median
 * records/s over the rounds, and the ratio of a scenario to its named baseline.
 */
public final class ResultTable {

    private final String title;
    private final Map<String, List<Measurement>> byScenario = new LinkedHashMap<>();
    private final List<Comparison> comparisons = new ArrayList<>();

    /** A target ratio between two scenarios' median throughput. */
    record Comparison(String scenario, String baseline, double target) { }

    /**
     * Starts an empty table.
     *
     * @param title the heading printed above the table
     */
    public ResultTable(String title) {
        this.title = title;
    }

    /**
     * Adds one run.
     *
     * @param measurement the run
     */
    public void add(Measurement measurement) {
        byScenario.computeIfAbsent(measurement.scenario(), k -> new ArrayList<>()).add(measurement);
    }

    /**
     * Declares that {@code scenario} should reach {@code target} times the median of {@code baseline}.
     * A scenario may be compared to several baselines; each comparison is kept and checked.
     *
     * @param scenario the measured scenario
     * @param baseline the scenario it is compared to
     * @param target the ratio it must reach
     */
    public void compare(String scenario, String baseline, double target) {
        comparisons.add(new Comparison(scenario, baseline, target));
    }

    /**
     * The median records/s of a scenario over its rounds.
     *
     * @param scenario the scenario's name
     * @return the median throughput
     */
    public double median(String scenario) {
        List<Double> rates = byScenario.getOrDefault(scenario, List.of()).stream()
                .map(Measurement::recordsPerSecond).sorted().toList();
        if (rates.isEmpty()) {
            throw new IllegalArgumentException("no measurements for scenario " + scenario);
        }
        int n = rates.size();
        return n % 2 == 1 ? rates.get(n / 2) : (rates.get(n / 2 - 1) + rates.get(n / 2)) / 2;
    }

    /**
     * Whether every declared comparison reached its target.
     *
     * @return true when all ratios meet their targets
     */
    public boolean targetsMet() {
        return comparisons.stream().allMatch(c -> ratio(c) >= c.target());
    }

    private double ratio(Comparison c) {
        return median(c.scenario()) / median(c.baseline());
    }

    /**
     * Renders the table in Markdown.
     *
     * @return the table with a heading
     */
    public String toMarkdown() {
        StringBuilder out = new StringBuilder("### ").append(title).append("\n\n");
        out.append("| scenario | rounds | records/run | median records/s | best records/s | client CPU µs/record | vs baseline | target |\n");
        out.append("|---|---:|---:|---:|---:|---:|---|---|\n");
        for (Map.Entry<String, List<Measurement>> e : byScenario.entrySet()) {
            List<Measurement> runs = e.getValue();
            double best = runs.stream().map(Measurement::recordsPerSecond)
                    .max(Comparator.naturalOrder()).orElse(0.0);
            List<Comparison> cs = comparisons.stream().filter(c -> c.scenario().equals(e.getKey())).toList();
            String versus = cs.stream().map(c -> String.format(Locale.ROOT, "%.2fx %s", ratio(c), c.baseline()))
                    .collect(Collectors.joining("<br>"));
            String target = cs.stream().map(c -> String.format(Locale.ROOT, ">= %.2fx %s", c.target(),
                    ratio(c) >= c.target() ? "met" : "MISSED")).collect(Collectors.joining("<br>"));
            double cpu = runs.stream().mapToDouble(Measurement::cpuMicrosPerRecord).average().orElse(0);
            out.append(String.format(Locale.ROOT, "| %s | %d | %,d | %,.0f | %,.0f | %.2f | %s | %s |%n",
                    e.getKey(), runs.size(), runs.get(0).records(), median(e.getKey()), best, cpu, versus, target));
        }
        return out.toString();
    }
}
