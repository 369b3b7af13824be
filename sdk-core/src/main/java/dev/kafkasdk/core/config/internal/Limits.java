package dev.kafkasdk.core.config.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bounds every configuration document is read within, the same for YAML, JSON and
 * properties, so that any input is accepted or rejected quickly and with bounded memory, and
 * helpers that shorten text for messages and tables. Not part of the API.
 */
public final class Limits {

    /** Largest document, in bytes (files) or characters (text): 1 MiB. */
    public static final int MAX_DOCUMENT_SIZE = 1024 * 1024;

    /** Deepest nesting of maps and lists, counted in path segments. */
    public static final int MAX_DEPTH = 16;

    /** Longest single value, in characters: 64 KiB. */
    public static final int MAX_VALUE_LENGTH = 64 * 1024;

    /** Longest single key, in characters. */
    public static final int MAX_KEY_LENGTH = 256;

    /** Longest value shown in a message, {@code describe()} or {@code toString()}, in characters. */
    public static final int SHOWN_LENGTH = 200;

    private Limits() {}

    /** @return the reason given for a path nested deeper than {@link #MAX_DEPTH} */
    static String tooDeep() {
        return "nests deeper than " + MAX_DEPTH + " levels; no setting is that deep";
    }

    /**
     * @param length the key's length
     * @return the reason given for a key longer than {@link #MAX_KEY_LENGTH}
     */
    static String keyTooLong(int length) {
        return "is a key of " + length + " characters; keys have at most " + MAX_KEY_LENGTH;
    }

    /**
     * @param length the value's length
     * @return the reason given for a value longer than {@link #MAX_VALUE_LENGTH}
     */
    static String valueTooLong(int length) {
        return "is a value of " + length + " characters; values have at most " + MAX_VALUE_LENGTH;
    }

    /**
     * Shortens text for display: beyond {@link #SHOWN_LENGTH} characters it keeps the start
     * and says how long the whole was.
     *
     * @param text the text, or {@code null}
     * @return the text itself when short enough (or {@code null}), else an excerpt
     */
    public static String shorten(String text) {
        return shorten(text, SHOWN_LENGTH);
    }

    /**
     * Shortens text for display to about {@code max} characters.
     *
     * @param text the text, or {@code null}
     * @param max  the longest text returned unchanged
     * @return the text itself when short enough (or {@code null}), else an excerpt
     */
    public static String shorten(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int keep = Math.max(0, max - 24);
        if (keep > 0 && Character.isHighSurrogate(text.charAt(keep - 1))) {
            keep--;
        }
        return text.substring(0, keep) + "...(" + text.length() + " chars)";
    }

    /**
     * Shortens every value of a map for display.
     *
     * @param map the map
     * @return a new map in the same order with each value {@link #shorten(String) shortened}
     */
    public static Map<String, String> shortenValues(Map<String, String> map) {
        Map<String, String> shown = new LinkedHashMap<>();
        map.forEach((k, v) -> shown.put(k, shorten(v)));
        return shown;
    }
}
