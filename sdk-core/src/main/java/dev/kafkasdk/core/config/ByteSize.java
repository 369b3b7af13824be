package dev.kafkasdk.core.config;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number of bytes, as written in configuration. Units: {@code B}; binary (1024-based)
 * {@code KiB}, {@code MiB}, {@code GiB}, {@code TiB}; decimal (1000-based) {@code KB},
 * {@code MB}, {@code GB}, {@code TB}. A plain number is bytes. Units are matched
 * case-insensitively, so {@code kb} is 1000 bytes and {@code kib} 1024. Fractions and
 * negative sizes are rejected. Immutable and thread-safe.
 */
public final class ByteSize implements Comparable<ByteSize> {

    private static final Pattern FORM = Pattern.compile("(\\d+)\\s*([a-zA-Z]*)");
    private static final Map<String, Long> UNITS = Map.of(
            "b",
            1L,
            "kb",
            1000L,
            "mb",
            1000L * 1000,
            "gb",
            1000L * 1000 * 1000,
            "tb",
            1000L * 1000 * 1000 * 1000,
            "kib",
            1L << 10,
            "mib",
            1L << 20,
            "gib",
            1L << 30,
            "tib",
            1L << 40);
    private static final String[] BINARY = {"B", "KiB", "MiB", "GiB", "TiB"};
    private static final String USE =
            "use a number with a unit: B, KiB, MiB, GiB (1024-based) or KB, MB, GB" + " (1000-based), e.g. 64KiB";

    private final long bytes;

    private ByteSize(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("a byte size cannot be negative: " + bytes);
        }
        this.bytes = bytes;
    }

    /**
     * A size in bytes.
     *
     * @param bytes zero or more
     * @return the size
     * @throws IllegalArgumentException if negative
     */
    public static ByteSize ofBytes(long bytes) {
        return new ByteSize(bytes);
    }

    /**
     * A size in KiB (1024 bytes).
     *
     * @param kib zero or more
     * @return the size
     * @throws ArithmeticException on overflow
     */
    public static ByteSize ofKibibytes(long kib) {
        return new ByteSize(Math.multiplyExact(kib, 1L << 10));
    }

    /**
     * A size in MiB (1024 KiB).
     *
     * @param mib zero or more
     * @return the size
     * @throws ArithmeticException on overflow
     */
    public static ByteSize ofMebibytes(long mib) {
        return new ByteSize(Math.multiplyExact(mib, 1L << 20));
    }

    /**
     * A size in GiB (1024 MiB).
     *
     * @param gib zero or more
     * @return the size
     * @throws ArithmeticException on overflow
     */
    public static ByteSize ofGibibytes(long gib) {
        return new ByteSize(Math.multiplyExact(gib, 1L << 30));
    }

    /**
     * Parses a size such as {@code 64KiB}, {@code 1MiB}, {@code 512B}, {@code 1024} or {@code 5MB}.
     *
     * @param text the text
     * @return the size
     * @throws IllegalArgumentException with a message that quotes the text and says what is valid
     */
    public static ByteSize parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a byte size; " + USE);
        }
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        Long factor = unit.isEmpty() ? Long.valueOf(1L) : UNITS.get(unit);
        if (factor == null) {
            throw new IllegalArgumentException("'" + text + "' has an unknown unit; " + USE);
        }
        try {
            return new ByteSize(Math.multiplyExact(Long.parseLong(m.group(1)), factor));
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is too large for a byte size", e);
        }
    }

    /**
     * The size in bytes.
     *
     * @return zero or more
     */
    public long toBytes() {
        return bytes;
    }

    /**
     * The size in bytes as an {@code int}, for the many kafka-clients settings of type INT.
     *
     * @return the size
     * @throws ArithmeticException if it is larger than {@link Integer#MAX_VALUE} (2 GiB - 1)
     */
    public int toInt() {
        if (bytes > Integer.MAX_VALUE) {
            throw new ArithmeticException(this + " does not fit in an int (at most 2147483647 bytes)");
        }
        return (int) bytes;
    }

    /**
     * Orders by number of bytes.
     *
     * @param other another size
     * @return negative, zero or positive
     */
    @Override
    public int compareTo(ByteSize other) {
        return Long.compare(bytes, other.bytes);
    }

    /**
     * Equal when the number of bytes is equal ({@code 1KiB} equals {@code 1024}).
     *
     * @param o another object
     * @return whether equal
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof ByteSize other && other.bytes == bytes;
    }

    /**
     * A hash of the number of bytes.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Long.hashCode(bytes);
    }

    /**
     * The size with the largest binary unit that represents it exactly: {@code 64KiB},
     * {@code 1MiB}, {@code 1000B}.
     *
     * @return text that {@link #parse(String)} reads back to an equal size
     */
    @Override
    public String toString() {
        long value = bytes;
        int unit = 0;
        while (value != 0 && value % 1024 == 0 && unit < BINARY.length - 1) {
            value /= 1024;
            unit++;
        }
        return value + BINARY[unit];
    }
}
