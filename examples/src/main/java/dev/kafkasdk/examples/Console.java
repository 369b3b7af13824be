package dev.kafkasdk.examples;

import java.time.Duration;
import java.util.Locale;

/**
 * Progress lines on standard output, flushed at once so they show while an example runs.
 * Thread-safe (each line is one {@code println}).
 */
public final class Console {

    private Console() {}

    /**
     * Prints one formatted line ({@link Locale#ROOT}, so numbers read the same everywhere).
     *
     * @param format a {@link String#format} pattern
     * @param args   its arguments
     */
    public static void line(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
        System.out.flush();
    }

    /**
     * A duration as seconds with one decimal ({@code 2.4 s}) or milliseconds below one second.
     *
     * @param duration the duration
     * @return the text
     */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /**
     * Nanoseconds as milliseconds with one decimal.
     *
     * @param nanos the nanoseconds
     * @return e.g. {@code 3.2 ms}
     */
    public static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1_000_000.0);
    }
}
