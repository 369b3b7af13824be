package dev.kafkasdk.benchmarks;

import dev.kafkasdk.core.config.ProducerPreset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Renders the fixed-rate report as Markdown tables. */
final class RateMarkdown {

    private RateMarkdown() {}

    static String render(RateReport report, String machine, String png) {
        RateOptions o = report.options();
        StringBuilder out = new StringBuilder("## Fixed-rate benchmark\n\n");
        out.append(machine).append("\n\n");
        out.append(String.format(
                Locale.ROOT,
                "Open model: records on a fixed schedule, latency from each record's intended send time;"
                        + " %s s measured after %s s warm-up per point, %d paired rounds, 6 partitions, one broker"
                        + " (child JVM), %s. Machine load (1-min average at each point's start): min %.2f,"
                        + " median %.2f, max %.2f. CPU and allocation: the client JVM, all threads but the"
                        + " measuring consumer's.%n%n",
                seconds(o.window().toMillis()),
                seconds(o.warmup().toMillis()),
                o.rounds(),
                o.pin() ? "broker and client JVMs pinned to separate cores (taskset)" : "no CPU pinning",
                report.load().min(),
                report.load().median(),
                report.load().max()));
        points(out, report);
        paired(out, report);
        candidates(out, report);
        lowLatencyClaim(out, report);
        maxRates(out, report);
        out.append("![end-to-end latency vs rate](").append(png).append(")\n");
        return out.toString();
    }

    private static void points(StringBuilder out, RateReport report) {
        out.append("### Latency at fixed rates (median over rounds)\n\n");
        out.append("| value | target/s | scenario | achieved/s | publish p50 / p99 / p99.9 / max ms"
                + " | end-to-end p50 / p99 / p99.9 / max ms | CPU µs/rec | alloc B/rec |\n");
        out.append("|---:|---:|---|---:|---:|---:|---:|---:|\n");
        for (RateReport.Median m : report.medians()) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %d B | %,d | %s | %,.0f | %s | %s | %s | %s |%n",
                    m.valueBytes(),
                    m.targetRate(),
                    m.scenario(),
                    m.achieved(),
                    percentiles(m.publish()),
                    percentiles(m.endToEnd()),
                    RateReportFiles.n(m.cpu(), "%.2f"),
                    RateReportFiles.n(m.alloc(), "%,.0f")));
        }
        out.append('\n');
    }

    private static void paired(StringBuilder out, RateReport report) {
        List<RateReport.Paired> paired = report.paired();
        if (paired.isEmpty()) {
            return;
        }
        out.append("### Paired rounds: SDK over raw kafka-clients with the same properties\n\n");
        out.append("Each cell is min / median / max over the rounds of the SDK's figure over (or minus) raw's in"
                + " the same round. Target (issue 18 §2): SDK p99 ≤ raw p99 + 1 ms (judged on the median paired"
                + " difference); CPU and allocation per record ≤ 1.15x.\n\n");
        out.append("| value | target/s | preset | rounds | publish p99 ratio | publish p99 diff ms | end-to-end p99"
                + " ratio | end-to-end p99 diff ms | CPU ratio | alloc ratio | p99 +1 ms target (pub / e2e) |\n");
        out.append("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (RateReport.Paired p : paired) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %d B | %,d | %s | %d | %s | %s | %s | %s | %s | %s | %s / %s |%n",
                    p.valueBytes(),
                    p.targetRate(),
                    p.preset(),
                    p.rounds(),
                    p.publishP99().format("%.2f"),
                    p.publishP99Diff().format("%+.1f"),
                    p.e2eP99().format("%.2f"),
                    p.e2eP99Diff().format("%+.1f"),
                    p.cpu().format("%.2f"),
                    p.alloc().format("%.2f"),
                    p.publishMet() ? "met" : "MISSED",
                    p.e2eMet() ? "met" : "MISSED"));
        }
        out.append('\n');
    }

    private static void candidates(StringBuilder out, RateReport report) {
        List<RateReport.Candidate> candidates = report.candidates();
        if (candidates.isEmpty()) {
            return;
        }
        out.append("### Candidate preset values against the preset as it is\n\n");
        out.append("Each cell is min / median / max over the rounds of the candidate's figure minus (or over) the"
                + " same client running the unchanged preset in the same round. Negative differences favour the"
                + " candidate.\n\n");
        out.append("| value | target/s | candidate | rounds | e2e p50 diff ms | e2e p99 ratio | e2e p99 diff ms"
                + " | e2e p99.9 diff ms | CPU ratio |\n");
        out.append("|---:|---:|---|---:|---:|---:|---:|---:|---:|\n");
        for (RateReport.Candidate c : candidates) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %d B | %,d | %s | %d | %s | %s | %s | %s | %s |%n",
                    c.valueBytes(),
                    c.targetRate(),
                    c.candidate(),
                    c.rounds(),
                    c.e2eP50Diff().format("%+.2f"),
                    c.e2eP99().format("%.2f"),
                    c.e2eP99Diff().format("%+.1f"),
                    c.e2eP999Diff().format("%+.1f"),
                    c.cpu().format("%.2f")));
        }
        out.append('\n');
    }

    private static void lowLatencyClaim(StringBuilder out, RateReport report) {
        List<RateReport.Median> sdk = report.medians().stream()
                .filter(m -> isPresetAsIs(m.scenario()))
                .toList();
        if (sdk.stream().map(RateReport.Median::scenario).distinct().count() < 2) {
            return;
        }
        out.append("### Which SDK preset has the lowest end-to-end p99 (median over rounds)\n\n");
        out.append(
                "| value | target/s | lowest | p99 e2e ms per preset | LOW_LATENCY claim |\n|---:|---:|---|---|---|\n");
        for (int size : report.options().sizes()) {
            for (int rate : report.options().rates()) {
                List<RateReport.Median> at = sdk.stream()
                        .filter(m -> m.valueBytes() == size && m.targetRate() == rate)
                        .sorted(Comparator.comparingDouble(m -> m.endToEnd().p99()))
                        .toList();
                if (at.isEmpty()) {
                    continue;
                }
                String lowest = at.get(0).scenario();
                StringBuilder each = new StringBuilder();
                at.forEach(m -> each.append(String.format(
                        Locale.ROOT,
                        "%s %.1f; ",
                        m.scenario().replace("SdkProducer, ", ""),
                        m.endToEnd().p99())));
                boolean claim = lowest.equals(
                        RateScenario.sdk(ProducerPreset.LOW_LATENCY).name());
                out.append(String.format(
                        Locale.ROOT,
                        "| %d B | %,d | %s | %s | %s |%n",
                        size,
                        rate,
                        lowest.replace("SdkProducer, ", ""),
                        each.toString().trim(),
                        rate <= 10_000 ? (claim ? "met" : "MISSED") : "(not claimed)"));
            }
        }
        out.append('\n');
    }

    private static void maxRates(StringBuilder out, RateReport report) {
        if (report.maxRates().isEmpty()) {
            return;
        }
        RateOptions o = report.options();
        out.append("### Maximum sustainable rate\n\n");
        out.append(String.format(
                Locale.ROOT,
                "Highest rate with achieved ≥ 98%% of target, every record consumed and end-to-end p99 < 1 s;"
                        + " %d B values, probes of %s s after %s s warm-up, doubling from %,d/s (cap %,d/s) then"
                        + " bisecting to within 10%%.%n%n",
                o.searchSize(),
                seconds(o.searchWindow().toMillis()),
                seconds(o.searchWarmup().toMillis()),
                o.searchStart(),
                o.searchCap()));
        out.append("| scenario | max sustained records/s | lowest failed records/s | probes |\n|---|---:|---:|---:|\n");
        for (RateReport.MaxRate m : report.maxRates()) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %,d | %s | %d |%n",
                    m.scenario(),
                    m.sustained(),
                    m.firstUnsustained() == 0 ? "none (cap)" : String.format(Locale.ROOT, "%,d", m.firstUnsustained()),
                    m.probes()));
        }
        Optional<RateReport.MaxRate> ht =
                find(report, RateScenario.sdk(ProducerPreset.HIGH_THROUGHPUT).name());
        Optional<RateReport.MaxRate> raw = find(report, RateScenario.RAW_DEFAULTS.name());
        if (ht.isPresent() && raw.isPresent() && raw.get().sustained() > 0) {
            double ratio = (double) ht.get().sustained() / raw.get().sustained();
            out.append(String.format(
                    Locale.ROOT,
                    "%nHIGH_THROUGHPUT over raw client defaults: %.2fx (target ≥ 1.5x: %s).",
                    ratio,
                    ratio >= 1.5 ? "met" : "MISSED"));
        }
        Optional<RateReport.MaxRate> best = report.maxRates().stream()
                .filter(m -> isPresetAsIs(m.scenario()))
                .max(Comparator.comparingInt(RateReport.MaxRate::sustained));
        best.ifPresent(b -> out.append(String.format(
                Locale.ROOT,
                " Highest SDK preset: %s (%,d/s)%s.",
                b.scenario(),
                b.sustained(),
                b.scenario().endsWith("HIGH_THROUGHPUT") ? "" : "; HIGH_THROUGHPUT's claim MISSED or tied")));
        out.append("\n\n");
    }

    /**
     * Whether a scenario is an SDK preset as it is: a preset's claim is judged among those only, and
     * candidate values are compared in their own table.
     */
    private static boolean isPresetAsIs(String scenario) {
        return Arrays.stream(ProducerPreset.values())
                .anyMatch(p -> RateScenario.sdk(p).name().equals(scenario));
    }

    private static Optional<RateReport.MaxRate> find(RateReport report, String scenario) {
        return report.maxRates().stream()
                .filter(m -> m.scenario().equals(scenario))
                .findFirst();
    }

    private static String percentiles(RateResult.Percentiles p) {
        return String.format(Locale.ROOT, "%s / %s / %s / %s", ms(p.p50()), ms(p.p99()), ms(p.p999()), ms(p.max()));
    }

    private static String ms(double v) {
        return RateReportFiles.n(v, v < 10 ? "%.2f" : "%.1f");
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : String.format(Locale.ROOT, "%.1f", millis / 1e3);
    }
}
