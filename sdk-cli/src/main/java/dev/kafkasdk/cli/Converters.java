package dev.kafkasdk.cli;

import dev.kafkasdk.admin.ConfigLinter;
import dev.kafkasdk.admin.LintRule;
import dev.kafkasdk.core.ConfigException;
import dev.kafkasdk.core.ConfigProblem;
import dev.kafkasdk.core.config.ClusterSettings;
import dev.kafkasdk.core.config.Durations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Checks of option and argument values that run while picocli parses the command line, so a bad value
 * exits 2 ({@link ExitCodes#USAGE}) with picocli's "Invalid value for option '--NAME'" before any
 * connection is made. Each message quotes the value and says what is valid.
 */
final class Converters {

    private Converters() {}

    /** An integer of 1 or more: {@code --attempts}, {@code --partition-budget}, counts. */
    static final class PositiveInt implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int parsed;
            try {
                parsed = Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a whole number; use 1 or more");
            }
            if (parsed < 1) {
                throw new TypeConversionException("'" + value + "' is too small; use 1 or more");
            }
            return parsed;
        }
    }

    /** An offset: a whole number of 0 or more. */
    static final class Offset implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            long parsed;
            try {
                parsed = Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a whole number; use an offset of 0 or more");
            }
            if (parsed < 0) {
                throw new TypeConversionException("'" + value + "' is negative; use an offset of 0 or more");
            }
            return parsed;
        }
    }

    /** A headroom percentage between 0 and 1000. */
    static final class Percent implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double parsed;
            try {
                parsed = Double.parseDouble(value.trim());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a number; use a percentage from 0 to 1000");
            }
            if (!(parsed >= 0 && parsed <= 1000)) {
                throw new TypeConversionException("'" + value + "' is out of range; use a percentage from 0 to 1000");
            }
            return parsed;
        }
    }

    /** A positive duration such as {@code 500ms}, {@code 10s} or {@code 2m}. */
    static final class PositiveDuration implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            Duration parsed;
            try {
                parsed = Durations.parse(value);
            } catch (RuntimeException e) {
                throw new TypeConversionException(e.getMessage());
            }
            if (parsed.isZero() || parsed.isNegative()) {
                throw new TypeConversionException("'" + value + "' is not positive; use a duration such as 10s");
            }
            return parsed;
        }
    }

    /** A name that is not empty or blank: group ids, topic names, bootstrap servers, client names. */
    static final class NonBlank implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (value.isBlank()) {
                throw new TypeConversionException("'" + value + "' is empty; give a non-blank value");
            }
            return value;
        }
    }

    /** Bootstrap servers: a non-blank list of {@code host:port}, checked the way the cluster settings check it. */
    static final class BootstrapServers implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String servers = new NonBlank().convert(value);
            try {
                ClusterSettings.of(servers);
            } catch (ConfigException e) {
                List<String> reasons = new ArrayList<>();
                for (ConfigProblem problem : e.problems()) {
                    reasons.add(problem.reason());
                }
                throw new TypeConversionException(String.join("; ", reasons));
            }
            return servers;
        }
    }

    /** A config file that exists and can be read; what is in it is checked when it is loaded (exit 3). */
    static final class ReadableFile implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            Path path = Path.of(new NonBlank().convert(value));
            if (!Files.isRegularFile(path)) {
                throw new TypeConversionException("'" + value + "' is not a file");
            }
            if (!Files.isReadable(path)) {
                throw new TypeConversionException("'" + value + "' cannot be read");
            }
            return path;
        }
    }

    /** A point in time: ISO-8601 with an offset, or without one for UTC. */
    static final class Timestamp implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                try {
                    return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException again) {
                    throw new TypeConversionException(
                            "'" + value + "' is not a time; use ISO-8601 such as 2026-01-31T12:00:00Z (no zone: UTC)");
                }
            }
        }
    }

    /** The id of one of the built-in lint rules. */
    static final class LintRuleId implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            Set<String> known = new TreeSet<>();
            for (LintRule rule : ConfigLinter.defaults().rules()) {
                known.add(rule.id());
            }
            if (!known.contains(value)) {
                throw new TypeConversionException(
                        "'" + value + "' is not a lint rule id; known ids: " + String.join(", ", known));
            }
            return value;
        }
    }
}
