package dev.kafkasdk.admin;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rate measured per second, either in bytes or in records.
 *
 * <p>Partition sizing divides one throughput by another, so both must use the same {@link Unit};
 * {@link #ratio(Throughput)} refuses to mix them. Instances are immutable and thread-safe.
 *
 * @param perSecond amount per second, positive
 * @param unit what is counted
 * @since 0.1
 */
public record Throughput(double perSecond, Unit unit) {

    private static final Pattern TEXT =
            Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([a-zA-Z]*)\\s*(?:/\\s*s(?:ec)?)?\\s*");

    /** What a {@link Throughput} counts. */
    public enum Unit {
        /** Bytes per second. */
        BYTES,
        /** Records per second. */
        RECORDS
    }

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if the rate is not a positive finite number
     * @throws NullPointerException if {@code unit} is null
     *
     * @param perSecond amount per second, positive
     * @param unit what is counted
     */
    public Throughput {
        Objects.requireNonNull(unit, "unit");
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("throughput must be a positive number per second, was " + perSecond);
        }
    }

    /**
     * A byte rate.
     *
     * @param bytes bytes per second
     * @return the throughput
     */
    public static Throughput bytesPerSecond(double bytes) {
        return new Throughput(bytes, Unit.BYTES);
    }

    /**
     * A byte rate given in mebibytes (1 MiB = 1,048,576 bytes, the unit Kafka's perf tools print as MB).
     *
     * @param mebibytes MiB per second
     * @return the throughput
     */
    public static Throughput mebibytesPerSecond(double mebibytes) {
        return new Throughput(mebibytes * 1024 * 1024, Unit.BYTES);
    }

    /**
     * A record rate.
     *
     * @param records records per second
     * @return the throughput
     */
    public static Throughput recordsPerSecond(double records) {
        return new Throughput(records, Unit.RECORDS);
    }

    /**
     * Parses text such as {@code 50MB/s}, {@code 1.5GiB/s}, {@code 800KB/s}, {@code 2000B/s} or
     * {@code 20000rec/s}. {@code KB}, {@code MB} and {@code GB} are read as binary units (1024-based),
     * as Kafka's own tools print them.
     *
     * @param text the rate
     * @return the throughput
     * @throws IllegalArgumentException if the text is not a rate, naming what is accepted
     */
    public static Throughput parse(String text) {
        Matcher m = TEXT.matcher(Objects.requireNonNull(text, "text"));
        if (!m.matches()) {
            throw new IllegalArgumentException(invalid(text));
        }
        double amount = Double.parseDouble(m.group(1));
        String suffix = m.group(2).toLowerCase(Locale.ROOT);
        return switch (suffix) {
            case "", "b" -> bytesPerSecond(amount);
            case "k", "kb", "kib" -> bytesPerSecond(amount * 1024);
            case "m", "mb", "mib" -> bytesPerSecond(amount * 1024 * 1024);
            case "g", "gb", "gib" -> bytesPerSecond(amount * 1024 * 1024 * 1024);
            case "r", "rec", "recs", "record", "records", "msg", "msgs" -> recordsPerSecond(amount);
            default -> throw new IllegalArgumentException(invalid(text));
        };
    }

    private static String invalid(String text) {
        return "'" + text + "' is not a throughput; use e.g. 50MB/s, 800KB/s, 1GB/s, 2000B/s or 20000rec/s";
    }

    /**
     * Divides this rate by another of the same unit.
     *
     * @param other the divisor
     * @return {@code this / other}
     * @throws IllegalArgumentException if the units differ
     */
    public double ratio(Throughput other) {
        if (other.unit != unit) {
            throw new IllegalArgumentException("cannot compare a rate in " + unit + " with one in " + other.unit
                    + "; give every throughput in the same unit");
        }
        return perSecond / other.perSecond;
    }

    /**
     * Human-readable form, for example {@code 50.0 MiB/s} or {@code 20000 records/s}.
     *
     * @return the text
     */
    @Override
    public String toString() {
        if (unit == Unit.RECORDS) {
            return String.format(Locale.ROOT, "%.0f records/s", perSecond);
        }
        if (perSecond >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MiB/s", perSecond / (1024 * 1024));
        }
        if (perSecond >= 1024) {
            return String.format(Locale.ROOT, "%.1f KiB/s", perSecond / 1024);
        }
        return String.format(Locale.ROOT, "%.0f B/s", perSecond);
    }
}
