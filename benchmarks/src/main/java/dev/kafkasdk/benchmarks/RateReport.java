package dev.kafkasdk.benchmarks;

import dev.kafkasdk.core.config.ProducerPreset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.ToDoubleFunction;

/**
 * The fixed-rate benchmark's results and their summaries: per point the medians over the rounds, the
 * paired SDK-over-raw ratios (min, median, max), the LOW_LATENCY and HIGH_THROUGHPUT claims and the
 * maximum sustainable rates. {@link RateReportFiles} renders them.
 *
 * @param options how the run was made
 * @param results every point, rounds and search probes
 * @param maxRates the maximum sustainable rate per searched scenario
 */
record RateReport(RateOptions options, List<RateResult> results, List<MaxRate> maxRates) {

    /** The margin: SDK p99 at most the raw p99 with the same properties plus this. */
    static final double P99_MARGIN_MILLIS = 1.0;

    /**
     * A searched maximum.
     *
     * @param scenario the scenario
     * @param valueBytes the value size
     * @param sustained the highest sustained rate (0 when none)
     * @param firstUnsustained the lowest unsustained rate probed (0 when none)
     * @param probes how many points the search ran
     */
    record MaxRate(String scenario, int valueBytes, int sustained, int firstUnsustained, int probes) {}

    /**
     * Medians over the rounds of one scenario at one rate and size.
     *
     * @param scenario the scenario
     * @param valueBytes the size
     * @param targetRate the rate
     * @param rounds how many rounds
     * @param achieved median achieved rate
     * @param publish median publish percentiles
     * @param endToEnd median end-to-end percentiles
     * @param cpu median CPU µs per record
     * @param alloc median allocated bytes per record
     */
    record Median(
            String scenario,
            int valueBytes,
            int targetRate,
            int rounds,
            double achieved,
            RateResult.Percentiles publish,
            RateResult.Percentiles endToEnd,
            double cpu,
            double alloc) {}

    /**
     * SDK over raw-same in the same round, over the rounds.
     *
     * @param preset the preset
     * @param valueBytes the size
     * @param targetRate the rate
     * @param rounds pairs
     * @param publishP99 ratios of publish p99 (min, median, max)
     * @param publishP99Diff SDK minus raw publish p99, ms (min, median, max)
     * @param e2eP99 ratios of end-to-end p99
     * @param e2eP99Diff SDK minus raw end-to-end p99, ms
     * @param cpu ratios of CPU per record
     * @param alloc ratios of allocated bytes per record
     */
    record Paired(
            ProducerPreset preset,
            int valueBytes,
            int targetRate,
            int rounds,
            Spread publishP99,
            Spread publishP99Diff,
            Spread e2eP99,
            Spread e2eP99Diff,
            Spread cpu,
            Spread alloc) {

        /** @return whether the median paired publish p99 difference is within the margin */
        boolean publishMet() {
            return publishP99Diff.median() <= P99_MARGIN_MILLIS;
        }

        /** @return whether the median paired end-to-end p99 difference is within the margin */
        boolean e2eMet() {
            return e2eP99Diff.median() <= P99_MARGIN_MILLIS;
        }
    }

    /**
     * A candidate (a preset with changed values) against the preset as it is, same client, same round.
     *
     * @param candidate the candidate's scenario name
     * @param base the preset's scenario name
     * @param valueBytes the size
     * @param targetRate the rate
     * @param rounds pairs
     * @param e2eP50Diff candidate minus preset end-to-end p50, ms (min, median, max)
     * @param e2eP99 ratios of end-to-end p99
     * @param e2eP99Diff candidate minus preset end-to-end p99, ms
     * @param e2eP999Diff candidate minus preset end-to-end p99.9, ms
     * @param cpu ratios of CPU per record
     */
    record Candidate(
            String candidate,
            String base,
            int valueBytes,
            int targetRate,
            int rounds,
            Spread e2eP50Diff,
            Spread e2eP99,
            Spread e2eP99Diff,
            Spread e2eP999Diff,
            Spread cpu) {}

    /**
     * Min, median and max.
     *
     * @param min the lowest
     * @param median the median
     * @param max the highest
     */
    record Spread(double min, double median, double max) {
        static Spread of(double[] values) {
            double[] v =
                    Arrays.stream(values).filter(d -> !Double.isNaN(d)).sorted().toArray();
            return v.length == 0
                    ? new Spread(Double.NaN, Double.NaN, Double.NaN)
                    : new Spread(v[0], RateReport.median(v), v[v.length - 1]);
        }

        String format(String pattern) {
            return String.format(Locale.ROOT, pattern + " / " + pattern + " / " + pattern, min, median, max);
        }
    }

    /** The round points (search probes left out). */
    List<RateResult> roundPoints() {
        return results.stream().filter(r -> r.phase().startsWith("round")).toList();
    }

    /**
     * Medians per scenario, size and rate, in run order.
     *
     * @return the medians
     */
    List<Median> medians() {
        Map<String, List<RateResult>> groups = new LinkedHashMap<>();
        for (RateResult r : roundPoints()) {
            groups.computeIfAbsent(r.valueBytes() + "|" + r.targetRate() + "|" + r.scenario(), k -> new ArrayList<>())
                    .add(r);
        }
        List<Median> out = new ArrayList<>();
        for (List<RateResult> g : groups.values()) {
            RateResult first = g.get(0);
            out.add(new Median(
                    first.scenario(),
                    first.valueBytes(),
                    first.targetRate(),
                    g.size(),
                    med(g, RateResult::achievedRate),
                    new RateResult.Percentiles(
                            med(g, r -> r.publish().p50()),
                            med(g, r -> r.publish().p99()),
                            med(g, r -> r.publish().p999()),
                            med(g, r -> r.publish().max())),
                    new RateResult.Percentiles(
                            med(g, r -> r.endToEnd().p50()),
                            med(g, r -> r.endToEnd().p99()),
                            med(g, r -> r.endToEnd().p999()),
                            med(g, r -> r.endToEnd().max())),
                    med(g, RateResult::cpuMicrosPerRecord),
                    med(g, RateResult::allocatedBytesPerRecord)));
        }
        out.sort(Comparator.comparingInt(Median::valueBytes).thenComparingInt(Median::targetRate));
        return out;
    }

    /**
     * The paired comparisons of every preset with both its SDK and raw-same scenario in the rounds.
     *
     * @return the comparisons
     */
    List<Paired> paired() {
        List<Paired> out = new ArrayList<>();
        for (int size : options.sizes()) {
            for (int rate : options.rates()) {
                for (ProducerPreset preset : ProducerPreset.values()) {
                    PairedRounds p = overRounds(
                            RateScenario.sdk(preset).name(),
                            RateScenario.rawSame(preset).name(),
                            size,
                            rate,
                            (sdk, raw) -> new double[] {
                                sdk.publish().p99() / raw.publish().p99(),
                                sdk.publish().p99() - raw.publish().p99(),
                                sdk.endToEnd().p99() / raw.endToEnd().p99(),
                                sdk.endToEnd().p99() - raw.endToEnd().p99(),
                                sdk.cpuMicrosPerRecord() / raw.cpuMicrosPerRecord(),
                                sdk.allocatedBytesPerRecord() / raw.allocatedBytesPerRecord()
                            });
                    if (p.count() > 0) {
                        out.add(new Paired(
                                preset,
                                size,
                                rate,
                                p.count(),
                                p.figure(0),
                                p.figure(1),
                                p.figure(2),
                                p.figure(3),
                                p.figure(4),
                                p.figure(5)));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Every candidate scenario (a preset with {@link RateScenario.Variant} values) paired with the same
     * client running the preset as it is, when both ran in the rounds.
     *
     * @return the comparisons
     */
    List<Candidate> candidates() {
        List<Candidate> out = new ArrayList<>();
        for (RateScenario candidate : options.scenarios()) {
            if (candidate.variant() == null) {
                continue;
            }
            RateScenario base = candidate.kind() == RateScenario.Kind.SDK
                    ? RateScenario.sdk(candidate.preset())
                    : RateScenario.rawSame(candidate.preset());
            for (int size : options.sizes()) {
                for (int rate : options.rates()) {
                    PairedRounds p = overRounds(candidate.name(), base.name(), size, rate, (c, b) -> new double[] {
                        c.endToEnd().p50() - b.endToEnd().p50(),
                        c.endToEnd().p99() / b.endToEnd().p99(),
                        c.endToEnd().p99() - b.endToEnd().p99(),
                        c.endToEnd().p999() - b.endToEnd().p999(),
                        c.cpuMicrosPerRecord() / b.cpuMicrosPerRecord()
                    });
                    if (p.count() > 0) {
                        out.add(new Candidate(
                                candidate.name(),
                                base.name(),
                                size,
                                rate,
                                p.count(),
                                p.figure(0),
                                p.figure(1),
                                p.figure(2),
                                p.figure(3),
                                p.figure(4)));
                    }
                }
            }
        }
        return out;
    }

    /**
     * The one-minute load average at the start of every point.
     *
     * @return min, median, max
     */
    Spread load() {
        return Spread.of(results.stream().mapToDouble(RateResult::load1).toArray());
    }

    private Optional<RateResult> find(String scenario, int size, int rate, int round) {
        String phase = "round " + round;
        return results.stream()
                .filter(r -> r.scenario().equals(scenario)
                        && r.valueBytes() == size
                        && r.targetRate() == rate
                        && r.phase().equals(phase))
                .findFirst();
    }

    /** The figures of the rounds in which two scenarios both ran, one array per round. */
    private record PairedRounds(List<double[]> rounds) {
        int count() {
            return rounds.size();
        }

        Spread figure(int i) {
            return column(rounds, i);
        }
    }

    private PairedRounds overRounds(
            String a, String b, int size, int rate, BiFunction<RateResult, RateResult, double[]> figures) {
        List<double[]> rounds = new ArrayList<>();
        for (int round = 1; round <= options.rounds(); round++) {
            Optional<RateResult> x = find(a, size, rate, round);
            Optional<RateResult> y = find(b, size, rate, round);
            if (x.isPresent() && y.isPresent()) {
                rounds.add(figures.apply(x.get(), y.get()));
            }
        }
        return new PairedRounds(rounds);
    }

    private static Spread column(List<double[]> pairs, int i) {
        return Spread.of(pairs.stream().mapToDouble(p -> p[i]).toArray());
    }

    private static double med(List<RateResult> g, ToDoubleFunction<RateResult> f) {
        return median(
                g.stream().mapToDouble(f).filter(d -> !Double.isNaN(d)).sorted().toArray());
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
