package dev.kafkasdk.consumer;

import java.util.Objects;

/**
 * One result of a {@link LivenessAdvisor} check.
 *
 * @param id a stable identifier, e.g. {@code poll-budget}
 * @param severity how much it matters
 * @param message what was found, with the numbers
 * @param fix what to change
 * @since 0.1
 */
public record LivenessFinding(String id, Severity severity, String message, String fix) {

    /** How much a finding matters. */
    public enum Severity {
        /** For information; nothing to change. */
        INFO,
        /** A risk worth fixing. */
        WARNING,
        /** Membership loss is likely as configured. */
        CRITICAL
    }

    /**
     * Validates the fields.
     *
     * @param id the identifier
     * @param severity the severity
     * @param message the message
     * @param fix the fix
     */
    public LivenessFinding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fix, "fix");
    }

    @Override
    public String toString() {
        return "[" + severity + "] " + id + ": " + message + (fix.isEmpty() ? "" : " Fix: " + fix);
    }
}
