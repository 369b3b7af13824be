package dev.kafkasdk.core.config.internal;

import dev.kafkasdk.core.config.Origin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A configuration document as a format-independent tree of maps, lists and text scalars,
 * each node knowing its origin. YAML, JSON and properties all read into it. Not part of the
 * API.
 */
public sealed interface DocNode permits DocNode.MapNode, DocNode.ListNode, DocNode.Scalar {

    /**
     * Where the node came from.
     *
     * @return {@link Origin#FILE} or {@link Origin#ENVIRONMENT}
     */
    Origin origin();

    /**
     * A word for the node's kind, for messages.
     *
     * @return {@code a map}, {@code a list} or {@code a value}
     */
    String kind();

    /** A map node; mutable while the document is merged and overridden. */
    final class MapNode implements DocNode {
        private final Map<String, DocNode> entries = new LinkedHashMap<>();
        private final Origin origin;

        /**
         * Creates an empty map.
         *
         * @param origin its origin
         */
        public MapNode(Origin origin) {
            this.origin = origin;
        }

        /** @return the entries in document order, modifiable */
        public Map<String, DocNode> entries() {
            return entries;
        }

        @Override
        public Origin origin() {
            return origin;
        }

        @Override
        public String kind() {
            return "a map";
        }
    }

    /**
     * A list node.
     *
     * @param items  the items, modifiable
     * @param origin its origin
     */
    record ListNode(List<DocNode> items, Origin origin) implements DocNode {
        /**
         * Creates an empty list.
         *
         * @param origin its origin
         */
        public ListNode(Origin origin) {
            this(new ArrayList<>(), origin);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    /**
     * A scalar as text.
     *
     * @param text   the text; {@code null} for an explicit null (treated as unset)
     * @param origin its origin
     * @param source the environment variable that set it, or {@code null} for a document
     */
    record Scalar(String text, Origin origin, String source) implements DocNode {
        @Override
        public String kind() {
            return "a value";
        }

        /**
         * A note naming the environment variable, for messages.
         *
         * @return {@code " (from environment variable X)"} or {@code ""}
         */
        public String sourceNote() {
            return source == null ? "" : " (from environment variable " + source + ")";
        }
    }
}
