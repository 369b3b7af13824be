package dev.kafkasdk.core;

import java.io.Serializable;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One thing wrong with a configuration.
 *
 * @param path   where it is, as a dotted document path ({@code producers.orders.linger}), an
 *               environment variable name, or a file name with line and column
 * @param value  the offending value as written, already masked ({@code ******}) when the path
 *               holds a secret; {@code null} when the problem is a missing value
 * @param reason what is wrong and what would be valid; it quotes the value when that helps
 * @since 0.1
 * @serial exclude
 */
public record ConfigProblem(String path, @Nullable String value, String reason) implements Serializable {

    /**
     * Checks the components.
     *
     * @param path   where it is
     * @param value  the offending value, masked when secret; {@code null} when missing
     * @param reason what is wrong and what would be valid
     * @throws NullPointerException if {@code path} or {@code reason} is {@code null}
     */
    public ConfigProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * The problem as one line: {@code path: reason}.
     *
     * @return the line used in {@link ConfigException#getMessage()}
     */
    @Override
    public String toString() {
        return path + ": " + reason;
    }
}
