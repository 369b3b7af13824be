package dev.kafkasdk.core.internal;

/**
 * Counted nouns for log and exception messages: {@code "1 record"}, {@code "2 records"}, never
 * {@code "record(s)"}. English only; stateless and thread-safe.
 */
public final class Plurals {

    private Plurals() {}

    /**
     * A count and a regular noun: {@code count(1, "record")} is {@code "1 record"},
     * {@code count(2, "record")} is {@code "2 records"}; nouns ending in s, x, ch or sh take "es".
     *
     * @param n the count
     * @param singular the noun for one
     * @return the count and the noun
     */
    public static String count(long n, String singular) {
        return n + " " + noun(n, singular);
    }

    /**
     * A count and an irregular noun: {@code count(2, "replica", "replicas")}.
     *
     * @param n the count
     * @param singular the noun for one
     * @param plural the noun for any other count
     * @return the count and the noun
     */
    public static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    /**
     * The noun alone, in the form the count takes: {@code noun(3, "change")} is {@code "changes"}.
     *
     * @param n the count
     * @param singular the noun for one
     * @return the singular for 1, else the regular plural
     */
    public static String noun(long n, String singular) {
        if (n == 1) {
            return singular;
        }
        boolean sibilant =
                singular.endsWith("s") || singular.endsWith("x") || singular.endsWith("ch") || singular.endsWith("sh");
        return singular + (sibilant ? "es" : "s");
    }
}
