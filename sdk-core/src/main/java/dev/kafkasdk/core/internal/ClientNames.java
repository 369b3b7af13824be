package dev.kafkasdk.core.internal;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Gives every SDK client its {@code client.id} and thread names, by the one rule documented on
 * {@link dev.kafkasdk.core.SdkClient}: threads {@code kafka-sdk-<kind>-<name>-<n>-<role>}; client
 * id the explicit one verbatim, else {@code <prefix>-<name>-<n>}, else
 * {@code kafka-sdk-<kind>-<name>-<n>}. {@code n} counts the clients of one kind and settings
 * name built in this JVM, from 1. Thread-safe. Not API.
 */
public final class ClientNames {

    /** The prefix of every default client id and SDK thread name. */
    public static final String PREFIX = "kafka-sdk-";

    private static final ConcurrentMap<String, AtomicInteger> SEQUENCES = new ConcurrentHashMap<>();

    /**
     * The names of one client.
     *
     * @param clientId its {@code client.id}
     * @param base {@code kafka-sdk-<kind>-<name>-<n>}, unique in this JVM, the stem of its thread names
     */
    public record Name(String clientId, String base) {

        /**
         * A thread name of this client.
         *
         * @param role what the thread does, e.g. {@code poll}
         * @return {@code <base>-<role>}
         */
        public String thread(String role) {
            return base + "-" + role;
        }
    }

    private ClientNames() {}

    /**
     * Names the next client of a kind.
     *
     * @param kind {@code producer}, {@code consumer} or {@code admin}
     * @param name the settings name, e.g. {@code orders}
     * @param resolvedClientId what the settings give as client id: the explicit one, or
     *     {@code <prefix>-<name>} derived from the cluster's prefix; empty when neither is set
     * @param prefix the cluster's {@code client-id-prefix}, if any
     * @return the names, with a new sequence number
     */
    public static Name next(String kind, String name, Optional<String> resolvedClientId, Optional<String> prefix) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        int n = SEQUENCES
                .computeIfAbsent(kind + '\u0000' + name, k -> new AtomicInteger())
                .incrementAndGet();
        String base = PREFIX + kind + "-" + name + "-" + n;
        @Nullable String derived = prefix.map(p -> p + "-" + name).orElse(null);
        String clientId;
        if (resolvedClientId.isEmpty() || resolvedClientId.get().isBlank()) {
            clientId = base;
        } else if (resolvedClientId.get().equals(derived)) {
            clientId = derived + "-" + n;
        } else {
            clientId = resolvedClientId.get();
        }
        return new Name(clientId, base);
    }
}
