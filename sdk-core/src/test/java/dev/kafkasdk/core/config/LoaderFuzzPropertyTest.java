package dev.kafkasdk.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.kafkasdk.core.ConfigException;
import dev.kafkasdk.core.ConfigProblem;
import dev.kafkasdk.core.config.FuzzDoc.Doc;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Mutates the complete example configuration and loads every mutation in YAML, JSON and
 * properties. Each try applies one to three mutations to the document tree (delete, duplicate,
 * rename or swap keys, values of the wrong type or shape, huge values, deep nesting, unicode,
 * a literal secret) and renders it in all three formats, then one mutation to each rendered
 * text (truncation, quotes removed, a byte order mark, lines deleted, duplicated or swapped,
 * stray characters, a huge line, deep nesting, an unquoted secret). Every load must give a
 * configuration or a {@link ConfigException} whose problems all have a path; no secret may
 * appear in a message, a problem, {@code toString()} or {@code describe()}; a tree mutation
 * must load identically (or fail) in all three formats. The seed is fixed so that the build is
 * repeatable; change it to explore other mutations.
 */
class LoaderFuzzPropertyTest {

    static final Map<String, String> ENV = Map.of(
            "KAFKA_PASSWORD", "kafkaPw-7QzXv",
            "TRUSTSTORE_PASSWORD", "trustPw-8RyWq",
            "KEYSTORE_PASSWORD", "storePw-9SxVn",
            "KEY_PASSWORD", "keyPw-1TwUm");
    static final List<String> FORMATS = List.of("yaml", "json", "properties");
    static final Doc EXAMPLE = FuzzDoc.exampleTree();

    static final AtomicInteger TREE_MUTATIONS = new AtomicInteger();
    static final AtomicInteger TEXT_MUTATIONS = new AtomicInteger();
    static final AtomicInteger LOADS = new AtomicInteger();
    static final AtomicInteger LOADED_EVERYWHERE = new AtomicInteger();
    static final long STARTED = System.nanoTime();

    @Property(
            tries = 1000,
            seed = "20261203",
            shrinking = ShrinkingMode.OFF,
            afterFailure = AfterFailureMode.SAMPLE_FIRST)
    void everyMutationIsAConfigOrAConfigExceptionAndLeaksNoSecret(@ForAll long seed) {
        Random r = new Random(seed);
        Doc doc = EXAMPLE.copy();
        Set<String> secrets = new HashSet<>(ENV.values());
        int n = 1 + r.nextInt(3);
        List<String> applied = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            applied.add(FuzzMutations.TreeMutation.apply(doc, r, secrets));
            TREE_MUTATIONS.incrementAndGet();
        }
        doc.prune();
        Map<String, String> texts = new LinkedHashMap<>();
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        for (String format : FORMATS) {
            texts.put(format, FuzzDoc.Render.as(format, doc));
            outcomes.put(format, load(format, texts.get(format), secrets, applied));
        }
        assertSameEverywhere(outcomes, applied);
        for (String format : FORMATS) {
            String text = texts.get(format);
            Set<String> textSecrets = new HashSet<>(secrets);
            FuzzMutations.TextMutation mutation = FuzzMutations.TextMutation.apply(format, text, r, textSecrets);
            TEXT_MUTATIONS.incrementAndGet();
            Outcome after = load(format, mutation.text(), textSecrets, List.of(mutation.name()));
            if (mutation.name().equals("bom")) {
                assertThat(after.shown())
                        .as("a BOM changed the %s result", format)
                        .isEqualTo(outcomes.get(format).shown());
            }
            if (mutation.name().equals("huge line")) {
                assertThat(after.config())
                        .as("a %s document over 1 MiB loaded", format)
                        .isNull();
            }
        }
    }

    @AfterContainer
    static void report() {
        System.out.printf(
                "loader fuzz: %d tree mutations (each loaded in 3 formats), %d text mutations, %d loads, "
                        + "%d tries loaded in all formats, %.1f s (%.1f s of CPU)%n",
                TREE_MUTATIONS.get(),
                TEXT_MUTATIONS.get(),
                LOADS.get(),
                LOADED_EVERYWHERE.get(),
                (System.nanoTime() - STARTED) / 1e9,
                ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e9);
    }

    /** A load's result: the configuration, or the problems. */
    record Outcome(KafkaSdkConfig config, ConfigException error, String shown) {}

    static Outcome load(String format, String text, Set<String> secrets, List<String> applied) {
        LOADS.incrementAndGet();
        KafkaSdkConfig.Loader loader = KafkaSdkConfig.loader().environment(ENV);
        loader = switch (format) {
            case "json" -> loader.json(text);
            case "properties" -> loader.properties(text);
            default -> loader.yaml(text);
        };
        long start = System.nanoTime();
        try {
            KafkaSdkConfig config = loader.load();
            String shown = config.describe() + "\n" + config;
            assertNoSecret(shown, secrets, format, applied);
            return new Outcome(config, null, shown);
        } catch (ConfigException e) {
            for (ConfigProblem p : e.problems()) {
                assertThat(p.path()).as("a problem without a path: %s", p).isNotBlank();
                assertNoSecret(p.toString() + " " + p.value(), secrets, format, applied);
            }
            assertNoSecret(e.getMessage(), secrets, format, applied);
            assertThat(e.getMessage().length()).as("message length").isLessThan(100_000);
            return new Outcome(null, e, "rejected");
        } catch (AssertionError e) {
            throw e;
        } catch (Throwable t) {
            return fail("%s after %s in %s: %s", t.getClass().getName(), applied, format, t, t);
        } finally {
            assertThat((System.nanoTime() - start) / 1_000_000)
                    .as("ms to load %s after %s", format, applied)
                    .isLessThan(5_000);
        }
    }

    /** No secret appears, not even cut short: its first 12 characters are enough to fail. */
    static void assertNoSecret(String text, Set<String> secrets, String format, List<String> applied) {
        for (String secret : secrets) {
            if (text.contains(secret.substring(0, Math.min(12, secret.length())))) {
                fail("secret '%s' shown in %s after %s:%n%s", secret, format, applied, text);
            }
        }
    }

    static void assertSameEverywhere(Map<String, Outcome> outcomes, List<String> applied) {
        Outcome yaml = outcomes.get("yaml");
        for (String format : List.of("json", "properties")) {
            Outcome other = outcomes.get(format);
            assertThat(other.shown())
                    .as(
                            "%s and yaml disagree after %s; yaml: %s; %s: %s",
                            format,
                            applied,
                            yaml.error() == null ? "loaded" : yaml.error().getMessage(),
                            format,
                            other.error() == null ? "loaded" : other.error().getMessage())
                    .isEqualTo(yaml.shown());
        }
        if (yaml.config() != null) {
            LOADED_EVERYWHERE.incrementAndGet();
        }
    }
}
