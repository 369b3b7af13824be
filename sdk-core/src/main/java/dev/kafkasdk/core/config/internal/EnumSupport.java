package dev.kafkasdk.core.config.internal;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The lenient enum parser shared by the config enums: case-insensitive, with {@code -},
 * {@code _} and blanks interchangeable or absent. Not part of the API.
 */
public final class EnumSupport {

    private EnumSupport() {}

    /**
     * Normalizes a spelling for comparison: upper case, without {@code -}, {@code _} or blanks.
     *
     * @param text the spelling
     * @return the normalized form
     */
    public static String normalize(String text) {
        return text.trim().toUpperCase(Locale.ROOT).replaceAll("[-_\\s]", "");
    }

    /**
     * Parses a constant. Each constant is accepted by its name and by each of its spellings;
     * an exact (case-insensitive) match wins over a normalized one, so that {@code -1} and
     * {@code 1} stay distinct.
     *
     * @param type      the enum class
     * @param text      the text to parse; {@code null} is rejected
     * @param what      what the value is, for the error ({@code "acks value"})
     * @param spellings the accepted spellings of each constant; the first is shown in errors
     *                  (after the constant name when the two differ)
     * @param <E>       the enum type
     * @return the constant
     * @throws IllegalArgumentException naming the text and listing the valid values
     */
    public static <E extends Enum<E>> E parse(
            Class<E> type, String text, String what, Function<E, List<String>> spellings) {
        E[] constants = type.getEnumConstants();
        if (text != null) {
            String trimmed = text.trim();
            for (E e : constants) {
                if (spellingsOf(e, spellings).anyMatch(s -> s.equalsIgnoreCase(trimmed))) {
                    return e;
                }
            }
            String normalized = normalize(trimmed);
            for (E e : constants) {
                if (!normalized.isEmpty()
                        && spellingsOf(e, spellings).anyMatch(s -> normalize(s).equals(normalized))) {
                    return e;
                }
            }
        }
        throw new IllegalArgumentException(
                "'" + text + "' is not a valid " + what + "; use one of: " + validValues(type, spellings));
    }

    /**
     * Lists the first spelling of each constant, comma separated.
     *
     * @param type      the enum class
     * @param spellings the spellings of each constant
     * @param <E>       the enum type
     * @return e.g. {@code none, gzip, snappy, lz4, zstd}
     */
    public static <E extends Enum<E>> String validValues(Class<E> type, Function<E, List<String>> spellings) {
        return Stream.of(type.getEnumConstants())
                .map(e -> display(e, spellings.apply(e).get(0)))
                .collect(Collectors.joining(", "));
    }

    private static String display(Enum<?> e, String first) {
        if (normalize(e.name()).equals(normalize(first))) {
            return first;
        }
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-') + " (" + first + ")";
    }

    private static <E extends Enum<E>> Stream<String> spellingsOf(E e, Function<E, List<String>> spellings) {
        return Stream.concat(Stream.of(e.name()), spellings.apply(e).stream());
    }
}
