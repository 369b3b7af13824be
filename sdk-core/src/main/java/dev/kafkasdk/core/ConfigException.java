package dev.kafkasdk.core;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A configuration is invalid. It carries every problem found, not only the first, and its
 * message lists them one per line as {@code path: reason}, e.g.
 * {@code producers.orders.linger: '10 parsecs' is not a duration; use a number with a unit:
 * ms, s, m, h, d (e.g. 250ms, 5s)}. Secret values never appear in it.
 *
 * @since 0.1
 */
public class ConfigException extends KafkaSdkException {

    /** Every problem found, in the order found. */
    private final List<ConfigProblem> problems;

    /**
     * Creates the exception.
     *
     * @param problems at least one problem
     * @throws IllegalArgumentException if {@code problems} is empty
     */
    public ConfigException(List<ConfigProblem> problems) {
        super(render(problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * Creates the exception for a single problem.
     *
     * @param path   where the problem is
     * @param value  the (masked) value, or {@code null}
     * @param reason what is wrong and what would be valid
     */
    public ConfigException(String path, @Nullable String value, String reason) {
        this(List.of(new ConfigProblem(path, value, reason)));
    }

    /**
     * Every problem found, in the order found.
     *
     * @return an unmodifiable, non-empty list
     */
    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String render(List<ConfigProblem> problems) {
        Objects.requireNonNull(problems, "problems");
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        String header = problems.size() == 1
                ? "Invalid Kafka SDK configuration (1 problem):"
                : "Invalid Kafka SDK configuration (" + problems.size() + " problems):";
        return problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n  ", header + "\n  ", ""));
    }
}
