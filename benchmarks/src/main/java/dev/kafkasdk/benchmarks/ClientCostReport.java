package dev.kafkasdk.benchmarks;

import dev.kafkasdk.benchmarks.ClientCostBenchmark.Cost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * The client-cost report: one row per pair with the SDK's and raw client's median CPU and
 * allocation per record, and the minimum, median and maximum of the per-round SDK/raw ratios
 * against {@link ClientCostBenchmark#TARGET}; then the CPU per record of each thread role; as
 * Markdown and as CSV.
 */
final class ClientCostReport {

    static final String CSV_HEADER = "pair,rounds,records,sdk_cpu_us_per_record,raw_cpu_us_per_record,"
            + "cpu_ratio_min,cpu_ratio_median,cpu_ratio_max,sdk_bytes_per_record,raw_bytes_per_record,"
            + "bytes_ratio_min,bytes_ratio_median,bytes_ratio_max,target,met,load_min,load_max";

    private final List<Cost> costs;
    private final List<String> pairs;

    ClientCostReport(List<Cost> costs) {
        this.costs = List.copyOf(costs);
        LinkedHashSet<String> names = new LinkedHashSet<>();
        costs.forEach(c -> names.add(c.pair()));
        this.pairs = List.copyOf(names);
    }

    /** One pair's figures. */
    record Row(
            String pair,
            int rounds,
            long records,
            double sdkCpu,
            double rawCpu,
            double[] cpuRatios,
            double sdkBytes,
            double rawBytes,
            double[] bytesRatios) {

        boolean met() {
            return cpuRatios[1] <= ClientCostBenchmark.TARGET && bytesRatios[1] <= ClientCostBenchmark.TARGET;
        }
    }

    /**
     * The rows, one per pair, in the order the pairs ran.
     *
     * @return the rows
     */
    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (String pair : pairs) {
            List<Cost> sdk = of(pair, true);
            List<Cost> raw = of(pair, false);
            rows.add(new Row(
                    pair,
                    sdk.size(),
                    sdk.get(0).records(),
                    median(sdk, Cost::cpuMicrosPerRecord),
                    median(raw, Cost::cpuMicrosPerRecord),
                    ratios(sdk, raw, Cost::cpuMicrosPerRecord),
                    median(sdk, Cost::bytesPerRecord),
                    median(raw, Cost::bytesPerRecord),
                    ratios(sdk, raw, Cost::bytesPerRecord)));
        }
        return rows;
    }

    /**
     * Whether every pair's median ratios are within the target.
     *
     * @return true when all are met
     */
    boolean targetsMet() {
        return rows().stream().allMatch(Row::met);
    }

    String markdown(String machine) {
        double[] load = spread(costs.stream().mapToDouble(Cost::loadAverage).toArray());
        StringBuilder out = new StringBuilder("## Client cost per record: SDK against raw kafka-clients\n\n");
        out.append(machine)
                .append(String.format(
                        Locale.ROOT,
                        " One-minute load average at the start of the runs: %.2f to %.2f (median %.2f).%n%n",
                        load[0],
                        load[2],
                        load[1]));
        out.append("CPU and allocation summed over every thread of the client JVM (caller, kafka-clients' I/O,"
                        + " the SDK's completion and poll threads; JIT and GC threads left out), 100 B records."
                        + " Ratios are SDK/raw of the runs paired in one round: min / median / max. Target: median"
                        + " ≤ ")
                .append(ClientCostBenchmark.TARGET)
                .append(".\n\n");
        out.append("| pair | rounds | records | SDK µs/record | raw µs/record | CPU ratio | SDK B/record |"
                + " raw B/record | bytes ratio | target met |\n");
        out.append("|---|---:|---:|---:|---:|---|---:|---:|---|---|\n");
        for (Row r : rows()) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %,d | %.3f | %.3f | %s | %,.0f | %,.0f | %s | %s |%n",
                    r.pair(),
                    r.rounds(),
                    r.records(),
                    r.sdkCpu(),
                    r.rawCpu(),
                    triple(r.cpuRatios()),
                    r.sdkBytes(),
                    r.rawBytes(),
                    triple(r.bytesRatios()),
                    r.met() ? "yes" : "**no**"));
        }
        out.append("\nMedian CPU µs/record per thread role (numbers in thread names shown as N):\n\n");
        out.append("| pair | client | thread | µs/record |\n|---|---|---|---:|\n");
        for (String pair : pairs) {
            for (boolean sdk : new boolean[] {true, false}) {
                threadMedians(of(pair, sdk))
                        .forEach((thread, micros) -> out.append(String.format(
                                Locale.ROOT,
                                "| %s | %s | %s | %.3f |%n",
                                pair,
                                sdk ? "SDK" : "raw",
                                thread.replace("|", "/"),
                                micros)));
            }
        }
        return out.toString();
    }

    String csv() {
        double[] load = spread(costs.stream().mapToDouble(Cost::loadAverage).toArray());
        StringBuilder out = new StringBuilder(CSV_HEADER).append('\n');
        for (Row r : rows()) {
            out.append(String.format(
                    Locale.ROOT,
                    "%s,%d,%d,%.4f,%.4f,%.3f,%.3f,%.3f,%.1f,%.1f,%.3f,%.3f,%.3f,%.2f,%s,%.2f,%.2f%n",
                    r.pair(),
                    r.rounds(),
                    r.records(),
                    r.sdkCpu(),
                    r.rawCpu(),
                    r.cpuRatios()[0],
                    r.cpuRatios()[1],
                    r.cpuRatios()[2],
                    r.sdkBytes(),
                    r.rawBytes(),
                    r.bytesRatios()[0],
                    r.bytesRatios()[1],
                    r.bytesRatios()[2],
                    ClientCostBenchmark.TARGET,
                    r.met(),
                    load[0],
                    load[2]));
        }
        return out.toString();
    }

    /**
     * Writes {@code FILE.md} and {@code FILE.csv}.
     *
     * @param md the Markdown path; the CSV goes beside it
     * @param machine the line describing the machine and run
     * @return the two paths
     */
    List<Path> write(Path md, String machine) throws IOException {
        Path file = md.toAbsolutePath();
        Files.createDirectories(file.getParent());
        Path csv = file.resolveSibling(file.getFileName().toString().replaceFirst("\\.md$", "") + ".csv");
        Files.writeString(file, markdown(machine));
        Files.writeString(csv, csv());
        return List.of(file, csv);
    }

    private List<Cost> of(String pair, boolean sdk) {
        return costs.stream()
                .filter(c -> c.pair().equals(pair) && c.sdk() == sdk)
                .toList();
    }

    private static Map<String, Double> threadMedians(List<Cost> runs) {
        Map<String, List<Double>> perThread = new TreeMap<>();
        for (Cost c : runs) {
            c.totals()
                    .cpuByThread()
                    .forEach((thread, nanos) -> perThread
                            .computeIfAbsent(thread, t -> new ArrayList<>())
                            .add(nanos / 1e3 / c.records()));
        }
        Map<String, Double> medians = new TreeMap<>();
        perThread.forEach((thread, values) -> {
            // a thread missing from some runs counts as zero there
            double[] all = new double[runs.size()];
            for (int i = 0; i < values.size(); i++) {
                all[i] = values.get(i);
            }
            double median = spread(all)[1];
            if (median >= 0.005) {
                medians.put(thread, median);
            }
        });
        return medians;
    }

    private static double median(List<Cost> runs, ToDoubleFunction<Cost> figure) {
        return spread(runs.stream().mapToDouble(figure).toArray())[1];
    }

    /** SDK/raw of each round, as min, median, max. */
    private static double[] ratios(List<Cost> sdk, List<Cost> raw, ToDoubleFunction<Cost> figure) {
        double[] ratios = new double[Math.min(sdk.size(), raw.size())];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = figure.applyAsDouble(sdk.get(i)) / figure.applyAsDouble(raw.get(i));
        }
        return spread(ratios);
    }

    /**
     * Minimum, median and maximum.
     *
     * @param values the values, at least one
     * @return {min, median, max}
     */
    static double[] spread(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new double[] {sorted[0], median, sorted[n - 1]};
    }

    private static String triple(double[] spread) {
        return String.format(Locale.ROOT, "%.2f / **%.2f** / %.2f", spread[0], spread[1], spread[2]);
    }
}
