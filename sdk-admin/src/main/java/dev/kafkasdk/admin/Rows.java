package dev.kafkasdk.admin;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * How the result records print: one line each, fixed-width columns with a label, {@code -} for an
 * absent value, so that printing a list of them reads as a table. Not API.
 */
final class Rows {

    /** The text of an absent value. */
    static final String NONE = "-";

    private Rows() {}

    static String text(OptionalLong value) {
        return value.isPresent() ? Long.toString(value.getAsLong()) : NONE;
    }

    static String text(OptionalInt value) {
        return value.isPresent() ? Integer.toString(value.getAsInt()) : NONE;
    }

    static String text(Optional<?> value) {
        return value.map(String::valueOf).filter(v -> !v.isEmpty()).orElse(NONE);
    }

    static String text(String value) {
        return value == null || value.isEmpty() ? NONE : value;
    }
}
