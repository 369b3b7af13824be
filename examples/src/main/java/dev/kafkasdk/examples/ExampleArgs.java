package dev.kafkasdk.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The command line every example accepts: where the cluster is, plus a few example-specific
 * options. Immutable.
 *
 * <pre>
 *   (no options)                      start an embedded single-node broker
 *   --bootstrap-servers host:port     use that cluster (PLAINTEXT)
 *   --config file.yaml                use the cluster section of an SDK config file
 *   --records N                       how many records the example sends
 * </pre>
 *
 * @param bootstrapServers {@code --bootstrap-servers}, if given
 * @param configFile       {@code --config}, if given
 * @param options          every other {@code --name value} (or bare {@code --flag}, value "true")
 */
public record ExampleArgs(Optional<String> bootstrapServers, Optional<Path> configFile, Map<String, String> options) {

    private static final Set<String> FLAGS = Set.of("serve", "help", "burst");
    private static final Set<String> VALUED = Set.of("bootstrap-servers", "config", "records", "rate", "run-id");

    /** Copies the options. */
    public ExampleArgs {
        options = Map.copyOf(options);
    }

    /**
     * Parses {@code --name value}, {@code --name=value} and the flags {@code --serve}, {@code --help}.
     *
     * @param args the command line
     * @return the parsed arguments
     * @throws IllegalArgumentException naming an unknown option, a missing value or a missing file
     */
    public static ExampleArgs parse(String... args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'\n" + usage());
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (FLAGS.contains(name)) {
                values.put(name, value == null ? "true" : value);
            } else if (VALUED.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("--" + name + " needs a value\n" + usage());
                    }
                    value = args[++i];
                }
                values.put(name, value);
            } else {
                throw new IllegalArgumentException("unknown option --" + name + "\n" + usage());
            }
        }
        Optional<Path> config = Optional.ofNullable(values.remove("config")).map(Path::of);
        config.filter(f -> !Files.isRegularFile(f)).ifPresent(f -> {
            throw new IllegalArgumentException("--config " + f + ": no such file");
        });
        return new ExampleArgs(Optional.ofNullable(values.remove("bootstrap-servers")), config, values);
    }

    /** @return the usage text shared by every example */
    public static String usage() {
        return String.join(
                "\n",
                List.of(
                        "options:",
                        "  (none)                          start an embedded single-node Kafka broker (in-process, KRaft)",
                        "  --bootstrap-servers host:port   run against that cluster instead (PLAINTEXT)",
                        "  --config file.yaml              run against the cluster of an SDK config file (security included)",
                        "  --records N                     how many records to send",
                        "  --rate N                        (demo, producer example) send at N records/s, latency from each"
                                + " record's intended send time (default 2000)",
                        "  --burst                         (demo, producer example) send every record at once instead",
                        "  --run-id ID                     suffix of topic and group names (default: random)",
                        "  --serve                         (metrics example) keep serving /metrics until Enter is pressed",
                        "  --help                          print this text"));
    }

    /**
     * An integer option.
     *
     * @param name     the option name without {@code --}
     * @param fallback the value when absent
     * @return the value
     * @throws IllegalArgumentException if it is not a positive integer
     */
    public int intOption(String name, int fallback) {
        String text = options.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("--" + name + " must be a positive integer, not '" + text + "'");
    }

    /**
     * Whether a flag was given.
     *
     * @param name the flag without {@code --}
     * @return true if present
     */
    public boolean flag(String name) {
        return Boolean.parseBoolean(options.getOrDefault(name, "false"));
    }
}
