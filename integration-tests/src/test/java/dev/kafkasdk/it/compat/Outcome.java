package dev.kafkasdk.it.compat;

/**
 * What one feature did against one broker version: a cell of the compatibility table.
 *
 * @param kind yes, no (fails at start) or degrades
 * @param detail for {@code NO} the start-time error, for {@code DEGRADES} what is lost; else empty
 */
record Outcome(Kind kind, String detail) {

    enum Kind {
        YES,
        NO,
        DEGRADES
    }

    /** Prefix of a {@code NO} detail that lint reported rather than a client at start. */
    static final String LINT_ERROR = "lint ERROR KSDK-L014: ";

    static Outcome yes() {
        return new Outcome(Kind.YES, "");
    }

    static Outcome failsAtStart(String message) {
        return new Outcome(Kind.NO, message);
    }

    static Outcome degrades(String what) {
        return new Outcome(Kind.DEGRADES, what);
    }

    /** The table cell: {@code yes}, {@code no: fails at start with "..."} or {@code degrades: ...}. */
    String cell() {
        return switch (kind) {
            case YES -> "yes";
            case NO ->
                detail.startsWith(LINT_ERROR)
                        ? "no: " + LINT_ERROR + "\"" + firstSentence(detail.substring(LINT_ERROR.length())) + "\""
                        : "no: fails at start with \"" + firstSentence(detail) + "\"";
            case DEGRADES -> "degrades: " + detail;
        };
    }

    /** The message up to the first ". " (the rest names the cluster and the fix); pipes escaped. */
    static String firstSentence(String message) {
        int end = message.indexOf(". ");
        String first = end < 0 ? message : message.substring(0, end);
        return first.replace("|", "\\|").replace("\n", " ");
    }
}
