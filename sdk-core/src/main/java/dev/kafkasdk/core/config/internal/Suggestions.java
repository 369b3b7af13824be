package dev.kafkasdk.core.config.internal;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean" suggestions by optimal-string-alignment (Damerau-Levenshtein) distance.
 * Not part of the API.
 */
public final class Suggestions {

    private Suggestions() {}

    /**
     * The candidate closest to the input, if it is close enough to be a likely typo: at most
     * one edit per three characters, at least one and at most three.
     *
     * @param input      what was written
     * @param candidates what is valid
     * @return the best candidate, or empty
     */
    public static Optional<String> closest(String input, Collection<String> candidates) {
        String in = input.toLowerCase(Locale.ROOT);
        int limit = Math.max(1, Math.min(3, in.length() / 3));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(in, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return bestDistance <= limit ? Optional.of(best) : Optional.empty();
    }

    /**
     * A "did you mean" clause for a message.
     *
     * @param input      what was written
     * @param candidates what is valid
     * @return {@code "; did you mean X?"}, or {@code ""} when nothing is close
     */
    public static String didYouMean(String input, Collection<String> candidates) {
        return closest(input, candidates).map(s -> "; did you mean " + s + "?").orElse("");
    }

    /**
     * The optimal-string-alignment distance: insertions, deletions, substitutions and
     * transpositions of adjacent characters each cost one.
     *
     * @param a one string
     * @param b another
     * @return the number of edits
     */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
