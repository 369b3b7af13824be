package dev.kafkasdk.benchmarks;

import dev.kafkasdk.core.config.ProducerPreset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fixed-rate benchmark's command line ({@code benchmarks/run-rate}); every value has a default
 * that follows the issue (60 s points after a 10 s warm-up, 3 rounds, every scenario).
 *
 * @param rates target rates, records per second
 * @param sizes value sizes in bytes
 * @param rounds paired rounds
 * @param window measured window per point
 * @param warmup unmeasured lead-in per point
 * @param scenarios the scenarios of the rounds, in order
 * @param searchScenarios the scenarios whose maximum sustainable rate is searched
 * @param searchSize the value size of the search
 * @param searchStart the first probe's rate
 * @param searchCap the highest rate probed
 * @param searchWindow measured window per probe
 * @param searchWarmup warm-up per probe
 * @param pin whether to pin the broker's and the client's JVMs to separate cores with {@code taskset}
 * @param out the Markdown report; the CSV files and the PNG go beside it
 * @param bootstrapServers an existing cluster, or {@code null} for a child-JVM broker
 */
record RateOptions(
        List<Integer> rates,
        List<Integer> sizes,
        int rounds,
        Duration window,
        Duration warmup,
        List<RateScenario> scenarios,
        List<RateScenario> searchScenarios,
        int searchSize,
        int searchStart,
        int searchCap,
        Duration searchWindow,
        Duration searchWarmup,
        boolean pin,
        Path out,
        String bootstrapServers) {

    static final String USAGE = "valid: --rates N,N.. --sizes B,B.. --rounds R --window SECONDS --warmup SECONDS"
            + " --scenarios all|LIST --search-scenarios none|LIST --search-size B --search-start N --search-cap N"
            + " --search-window SECONDS --search-warmup SECONDS --pin --out FILE --bootstrap-servers HOST:PORT"
            + " (LIST: comma list of sdk:PRESET, raw:PRESET, raw-defaults, spring)";

    /** The default searched scenarios: every SDK preset and raw client defaults. */
    static List<RateScenario> defaultSearchScenarios() {
        List<RateScenario> list = new ArrayList<>();
        for (ProducerPreset preset : ProducerPreset.values()) {
            list.add(RateScenario.sdk(preset));
        }
        list.add(RateScenario.RAW_DEFAULTS);
        return list;
    }

    /**
     * Parses the command line.
     *
     * @param args the arguments
     * @return the options
     * @throws IllegalArgumentException naming the bad argument, its value and what is valid
     */
    static RateOptions parse(String[] args) {
        List<Integer> rates = List.of(1_000, 10_000, 50_000, 100_000);
        List<Integer> sizes = List.of(100, 1024);
        int rounds = 3;
        Duration window = Duration.ofSeconds(60);
        Duration warmup = Duration.ofSeconds(10);
        List<RateScenario> scenarios = RateScenario.all();
        List<RateScenario> search = defaultSearchScenarios();
        int searchSize = 100;
        int searchStart = 50_000;
        int searchCap = 1_600_000;
        Duration searchWindow = Duration.ofSeconds(10);
        Duration searchWarmup = Duration.ofSeconds(3);
        boolean pin = false;
        Path out = Path.of("benchmarks", "results", "rate.md");
        String bootstrap = null;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--pin")) {
                pin = true;
                continue;
            }
            String value = i + 1 < args.length ? args[++i] : null;
            if (value == null) {
                throw new IllegalArgumentException(flag + " needs a value; " + USAGE);
            }
            switch (flag) {
                case "--rates" -> rates = positives(flag, value);
                case "--sizes" -> sizes = positives(flag, value);
                case "--rounds" -> rounds = positives(flag, value).get(0);
                case "--window" -> window = seconds(flag, value);
                case "--warmup" -> warmup = seconds(flag, value);
                case "--scenarios" -> scenarios = value.equals("all") ? RateScenario.all() : scenarios(value);
                case "--search-scenarios" -> search = value.equals("none") ? List.of() : scenarios(value);
                case "--search-size" -> searchSize = positives(flag, value).get(0);
                case "--search-start" -> searchStart = positives(flag, value).get(0);
                case "--search-cap" -> searchCap = positives(flag, value).get(0);
                case "--search-window" -> searchWindow = seconds(flag, value);
                case "--search-warmup" -> searchWarmup = seconds(flag, value);
                case "--out" -> out = Path.of(value);
                case "--bootstrap-servers" -> bootstrap = value;
                default -> throw new IllegalArgumentException("unknown argument '" + flag + "'; " + USAGE);
            }
        }
        return new RateOptions(
                rates,
                sizes,
                rounds,
                window,
                warmup,
                scenarios,
                search,
                searchSize,
                searchStart,
                searchCap,
                searchWindow,
                searchWarmup,
                pin,
                out,
                bootstrap);
    }

    private static List<RateScenario> scenarios(String value) {
        return Arrays.stream(value.split(",")).map(RateScenario::parse).toList();
    }

    private static List<Integer> positives(String flag, String value) {
        try {
            List<Integer> list = Arrays.stream(value.split(","))
                    .map(String::trim)
                    .map(Integer::parseInt)
                    .toList();
            if (list.stream().anyMatch(n -> n <= 0)) {
                throw new NumberFormatException();
            }
            return list;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    flag + ": '" + value + "' is not valid; use positive whole numbers, comma-separated");
        }
    }

    private static Duration seconds(String flag, String value) {
        try {
            double s = Double.parseDouble(value);
            if (!(s > 0)) {
                throw new NumberFormatException();
            }
            return Duration.ofMillis(Math.round(s * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    flag + ": '" + value + "' is not valid; use seconds above 0, e.g. 60 or 0.5");
        }
    }
}
