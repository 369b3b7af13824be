package dev.kafkasdk.jdbc.internal;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A validated, unquoted SQL table name, optionally schema-qualified. It is concatenated into SQL, so
 * only plain identifiers pass: no quotes, spaces, semicolons or comment markers can get through.
 *
 * @param sql the name as it goes into SQL
 */
public record TableName(String sql) {

    /** The longest identifier part: PostgreSQL's limit, the smallest of the supported databases. */
    public static final int MAX_PART_LENGTH = 63;

    private static final Pattern PART = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** What a valid name looks like, for error messages. */
    public static final String RULE = "letters, digits and '_', starting with a letter or '_', at most "
            + MAX_PART_LENGTH + " characters, optionally qualified by a schema of the same form (schema.table)";

    /**
     * Validates a table name.
     *
     * @param name the name
     * @return the validated name
     * @throws IllegalArgumentException naming the bad value and the rule
     */
    public static TableName of(String name) {
        Objects.requireNonNull(name, "table");
        String problem = problem(name);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return new TableName(name);
    }

    /**
     * Why a table name is not valid.
     *
     * @param name the name
     * @return the problem, naming the key {@code table}, the value and the rule; {@code null} if valid
     */
    public static @org.jspecify.annotations.Nullable String problem(String name) {
        String[] parts = name.split("\\.", -1);
        boolean valid = parts.length <= 2;
        for (String part : parts) {
            valid &= part.length() <= MAX_PART_LENGTH && PART.matcher(part).matches();
        }
        if (valid) {
            return null;
        }
        return String.format(Locale.ROOT, "table: '%s' is not a valid table name; use %s", printable(name), RULE);
    }

    private static String printable(String value) {
        String shown = value.length() > 80 ? value.substring(0, 80) + "..." : value;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
