package dev.kafkasdk.core.config.internal;

import dev.kafkasdk.core.config.ByteSize;
import dev.kafkasdk.core.config.Durations;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Range checks and raw-property checks shared by the settings rules. Not part of the API.
 */
public final class Checks {

    private static final long INT_MAX = Integer.MAX_VALUE;

    private Checks() {}

    /** A duration rendered in ms into an INT (or LONG when {@code intMs} is false) key. */
    static void duration(Problems p, String path, Optional<Duration> value, boolean allowZero, boolean intMs) {
        value.ifPresent(d -> {
            long ms = d.toMillis();
            if (ms == 0 && !allowZero) {
                p.invalid(path, Durations.format(d), "must be more than zero");
            } else if (intMs && ms > INT_MAX) {
                p.invalid(
                        path,
                        Durations.format(d),
                        "is too long; kafka-clients takes at most 2147483647ms (about 24d)" + " here");
            } else if (d.toNanos() % 1_000_000 != 0) {
                p.invalid(path, Durations.format(d), "has a fraction of a millisecond; kafka-clients counts whole ms");
            }
        });
    }

    /** A size rendered in bytes into an INT (or LONG when {@code intBytes} is false) key. */
    static void size(Problems p, String path, Optional<ByteSize> value, boolean allowZero, boolean intBytes) {
        value.ifPresent(s -> {
            if (s.toBytes() == 0 && !allowZero) {
                p.invalid(path, s.toString(), "must be more than zero");
            } else if (intBytes && s.toBytes() > INT_MAX) {
                p.invalid(
                        path,
                        s.toString(),
                        "is too large; kafka-clients takes at most 2147483647 bytes (2GiB - 1)" + " here");
            }
        });
    }

    /** An int with a lower bound. */
    static void atLeast(Problems p, String path, Optional<Integer> value, int min) {
        value.filter(v -> v < min).ifPresent(v -> p.invalid(path, v.toString(), "must be at least " + min));
    }

    /** A text value that, when set, must not be blank. */
    static void notBlank(Problems p, String path, Optional<String> value) {
        value.filter(String::isBlank).ifPresent(v -> p.invalid(path, v, "must not be blank"));
    }

    /**
     * Raw properties: each key must be known to the client, its value must parse as the key's
     * type, and it must not repeat an explicitly set typed setting.
     */
    public static void raw(
            Problems p, KafkaKeys.Client client, String prefix, Map<String, String> raw, PropertyTable table) {
        raw.forEach((key, value) -> {
            String path = prefix + "properties." + key;
            ConfigDef.Type type = client.type(key);
            Optional<String> shareReason = client == KafkaKeys.Client.SHARE_CONSUMER
                    ? KafkaKeys.shareUnsupportedReason(key)
                    : Optional.empty();
            if (shareReason.isPresent()) {
                p.invalid(path, value, "is refused by kafka-clients for share consumers: " + shareReason.get());
            } else if (type == null) {
                p.missing(
                        path,
                        "unknown " + client.label() + " config of kafka-clients"
                                + didYouMean(key, client.names(), client.label()));
            } else if (type != ConfigDef.Type.PASSWORD) {
                checkRawValue(p, client, path, key, value, type);
            }
        });
        for (PropertyTable.Conflict c : table.conflicts()) {
            p.missing(
                    c.rawSetting(),
                    "conflicts with " + c.typedSetting() + " (both set " + c.key() + "); keep only one of them");
        }
    }

    public static String didYouMean(String key, Set<String> names, String label) {
        String suggestion = Suggestions.didYouMean(key, names);
        return suggestion.isEmpty() ? "; see the " + label + " configs in the kafka-clients documentation" : suggestion;
    }

    private static void checkRawValue(
            Problems p, KafkaKeys.Client client, String path, String key, String value, ConfigDef.Type type) {
        try {
            Object parsed = ConfigDef.parseType(key, value, type);
            ConfigDef.Validator validator = client.validator(key);
            if (validator != null) {
                validator.ensureValid(key, parsed);
            }
        } catch (ConfigException e) {
            p.invalid(
                    path,
                    value,
                    "is not a valid value for " + key + " (" + type.name().toLowerCase() + ")"
                            + Optional.ofNullable(e.getMessage())
                                    .map(m -> ": " + Limits.shorten(m))
                                    .orElse(""));
        }
    }
}
