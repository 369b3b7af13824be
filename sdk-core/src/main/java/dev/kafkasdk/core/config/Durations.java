package dev.kafkasdk.core.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and formats durations as written in configuration: a whole number and a unit,
 * {@code 250ms}, {@code 5s}, {@code 1m}, {@code 2h}, {@code 7d}, or ISO-8601 ({@code PT5S}).
 * A plain number is rejected: {@code 5000} could mean milliseconds or seconds. Negative
 * durations are rejected. Stateless and thread-safe.
 */
public final class Durations {

    private static final Pattern UNIT_FORM = Pattern.compile("(\\d+)\\s*([a-zA-Z]+)");
    private static final String USE = "use a number with a unit: ms, s, m, h, d (e.g. 250ms, 5s)";

    private Durations() {}

    /**
     * Parses a duration.
     *
     * @param text e.g. {@code 250ms}, {@code 5s}, {@code 1m}, {@code 2h}, {@code 7d} or {@code PT5S}
     * @return the duration, zero or positive
     * @throws IllegalArgumentException with a message that quotes the text and says what is valid
     */
    public static Duration parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.matches("-?\\d+")) {
            throw new IllegalArgumentException("'" + text + "' has no unit; " + USE);
        }
        if (trimmed.regionMatches(true, 0, "P", 0, 1) || trimmed.regionMatches(true, 0, "-P", 0, 2)) {
            return parseIso(text, trimmed);
        }
        Matcher m = UNIT_FORM.matcher(trimmed);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; " + USE);
        }
        try {
            long amount = Long.parseLong(m.group(1));
            switch (m.group(2).toLowerCase(Locale.ROOT)) {
                case "ms":
                    return Duration.ofMillis(amount);
                case "s":
                    return Duration.ofSeconds(amount);
                case "m":
                    return Duration.ofMinutes(amount);
                case "h":
                    return Duration.ofHours(amount);
                case "d":
                    return Duration.ofDays(amount);
                default:
                    throw new IllegalArgumentException("'" + text + "' is not a duration; " + USE);
            }
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is too large for a duration", e);
        }
    }

    private static Duration parseIso(String text, String trimmed) {
        Duration d;
        try {
            d = Duration.parse(trimmed.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a duration; " + USE + ", or ISO-8601 such as PT5S", e);
        }
        if (d.isNegative()) {
            throw new IllegalArgumentException("'" + text + "' is negative; durations must be zero or more");
        }
        return d;
    }

    /**
     * Formats a duration with the largest unit that represents it exactly ({@code 7d},
     * {@code 90s}, {@code 250ms}); sub-millisecond durations use ISO-8601.
     *
     * @param duration the duration, never {@code null}
     * @return the text, which {@link #parse(String)} reads back to an equal duration
     */
    public static String format(Duration duration) {
        if (duration.getNano() % 1_000_000 != 0 || duration.isNegative()) {
            return duration.toString();
        }
        long ms = duration.toMillis();
        if (ms == 0) {
            return "0ms";
        }
        if (ms % 86_400_000L == 0) {
            return ms / 86_400_000L + "d";
        }
        if (ms % 3_600_000L == 0) {
            return ms / 3_600_000L + "h";
        }
        if (ms % 60_000L == 0) {
            return ms / 60_000L + "m";
        }
        if (ms % 1000L == 0) {
            return ms / 1000L + "s";
        }
        return ms + "ms";
    }
}
