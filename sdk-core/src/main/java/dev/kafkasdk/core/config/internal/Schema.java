package dev.kafkasdk.core.config.internal;

import java.util.Map;
import java.util.Set;

/**
 * The keys a configuration document may hold, as a tree; built from the key tables of the
 * public config package and passed in. Used to reject unknown keys with a
 * suggestion, to check node kinds, and to resolve {@code KAFKA_SDK_...} environment
 * overrides. Not part of the API.
 */
public final class Schema {

    /** A schema node. */
    public sealed interface Node permits Section, Named, Leaf, Raw {}

    /**
     * A map with fixed keys.
     *
     * @param label    what it is, for messages ({@code producer})
     * @param children the keys and their schemas, in display order
     */
    public record Section(String label, Map<String, Node> children) implements Node {}

    /**
     * A map from user-chosen names to elements of one schema.
     *
     * @param label   what an element is ({@code producer})
     * @param element the schema of each element
     */
    public record Named(String label, Section element) implements Node {}

    /**
     * A single value.
     *
     * @param listAllowed whether a list of values is accepted too
     */
    public record Leaf(boolean listAllowed) implements Node {}

    /**
     * A map of raw kafka keys to values.
     *
     * @param label what the keys are ({@code producer config})
     * @param keys  the valid keys
     */
    public record Raw(String label, Set<String> keys) implements Node {}

    private Schema() {}
}
