package dev.kafkasdk.core.config.internal;

import dev.kafkasdk.core.ConfigException;
import dev.kafkasdk.core.ConfigProblem;
import dev.kafkasdk.core.config.Secret;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects configuration problems so that every one is reported at once. Values at secret
 * paths are masked and long values shortened on the way in; past 200 problems the rest are only
 * counted, so that a broken file of 1 MiB cannot make a message of many megabytes. Not thread-safe. Not part of the API.
 */
public final class Problems {

    /** A safety net: no reason or path runs longer, whatever value it quotes. */
    private static final int MAX_REASON = 2000;

    /** A safety net: past this many problems, the rest are only counted. */
    private static final int MAX_PROBLEMS = 200;

    private int dropped;
    private String firstDroppedPath;
    private final List<ConfigProblem> list = new ArrayList<>();
    private final Set<String> suppressed = new HashSet<>();

    /**
     * Drops every later problem at a path: it would only be a consequence of one already
     * recorded there (a value left unset because its environment variable is missing).
     *
     * @param path the path
     */
    public void suppressFurther(String path) {
        suppressed.add(path);
    }

    /**
     * Records a problem whose reason is already complete.
     *
     * @param path   where
     * @param value  the value as written, or {@code null}; masked if the path is secret
     * @param reason the full reason; must not contain a secret value
     */
    public void add(String path, String value, String reason) {
        record(new ConfigProblem(path, mask(path, value), reason));
    }

    /**
     * Records a bad value; the reason becomes {@code 'value' <reason>} with the value masked
     * if the path is secret.
     *
     * @param path   where
     * @param value  the value as written
     * @param reason what is wrong with it and what is valid, e.g. {@code "must be at least 1"}
     */
    public void invalid(String path, String value, String reason) {
        String shown = mask(path, value);
        record(new ConfigProblem(path, shown, "'" + shown + "' " + reason));
    }

    /**
     * Records a missing value.
     *
     * @param path   where
     * @param reason e.g. {@code "is required; e.g. broker1:9092"}
     */
    public void missing(String path, String reason) {
        record(new ConfigProblem(path, null, reason));
    }

    /**
     * Adds problems found elsewhere.
     *
     * @param problems the problems
     */
    public void addAll(Collection<ConfigProblem> problems) {
        problems.forEach(this::record);
    }

    private void record(ConfigProblem problem) {
        if (suppressed.contains(problem.path())) {
            return;
        }
        if (list.size() >= MAX_PROBLEMS) {
            if (dropped++ == 0) {
                firstDroppedPath = Limits.shorten(problem.path());
            }
        } else {
            list.add(new ConfigProblem(
                    Limits.shorten(problem.path(), MAX_REASON),
                    problem.value(),
                    Limits.shorten(problem.reason(), MAX_REASON)));
        }
    }

    /**
     * Tells whether nothing was recorded.
     *
     * @return {@code true} if there is no problem
     */
    public boolean isEmpty() {
        return list.isEmpty();
    }

    /**
     * The problems so far.
     *
     * @return a copy
     */
    public List<ConfigProblem> list() {
        return List.copyOf(list);
    }

    /**
     * Throws if anything was recorded.
     *
     * @throws ConfigException with every problem
     */
    public void throwIfAny() {
        if (dropped > 0) {
            List<ConfigProblem> all = new ArrayList<>(list);
            all.add(new ConfigProblem(
                    firstDroppedPath,
                    null,
                    "and " + dropped + " more problems from here on, not " + "listed; fix the ones above first"));
            throw new ConfigException(all);
        }
        if (!list.isEmpty()) {
            throw new ConfigException(list);
        }
    }

    private static String mask(String path, String value) {
        return value != null && SecretPaths.isSecret(path) ? Secret.MASK : Limits.shorten(value);
    }
}
