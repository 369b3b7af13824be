package dev.kafkasdk.core.config.internal;

import dev.kafkasdk.core.ConfigException;
import dev.kafkasdk.core.config.Origin;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Loads configuration documents: read each source (at most {@link Limits#MAX_DOCUMENT_SIZE},
 * strict UTF-8, a leading byte order mark dropped; each format within the same {@link Limits}
 * and rejecting a key set twice), merge them (later sources win, maps merge
 * deeply), apply {@code KAFKA_SDK_...} overrides, substitute {@code ${ENV}}, check the keys
 * against the schema; the config package then binds the result through its key tables. Problems from every step are
 * gathered into one {@link ConfigException}; only unreadable or malformed documents stop
 * the load early. Not part of the API.
 */
public final class ConfigLoading {

    /** The document formats. */
    public enum Format {
        /** YAML. */
        YAML,
        /** JSON. */
        JSON,
        /** Java properties. */
        PROPERTIES;

        /**
         * The format a file name implies.
         *
         * @param fileName the name
         * @return the format, or empty for an unknown extension
         */
        public static Optional<Format> ofFileName(String fileName) {
            String n = fileName.toLowerCase(Locale.ROOT);
            if (n.endsWith(".yaml") || n.endsWith(".yml")) {
                return Optional.of(YAML);
            }
            if (n.endsWith(".json")) {
                return Optional.of(JSON);
            }
            return n.endsWith(".properties") ? Optional.of(PROPERTIES) : Optional.empty();
        }
    }

    /**
     * One document to load: a file (read at load time) or text.
     *
     * @param name   the name used in messages
     * @param format the format, or {@code null} to take it from the file name
     * @param file   the file, or {@code null}
     * @param text   the text, or {@code null} for a file
     */
    public record Source(String name, Format format, Path file, String text) {}

    private ConfigLoading() {}

    /**
     * Reads, merges, overrides, substitutes and checks the documents against the schema.
     *
     * @param sources  the documents, in increasing precedence
     * @param env      the environment for substitution and overrides
     * @param schema   the schema, derived from the key tables
     * @param problems collects the problems of the later steps
     * @return the merged document, to be bound by the caller
     * @throws ConfigException when a document cannot be read or parsed
     */
    public static DocNode.MapNode load(
            List<Source> sources, Map<String, String> env, Schema.Section schema, Problems problems) {
        DocNode.MapNode root = new DocNode.MapNode(Origin.FILE);
        for (Source source : sources) {
            read(source, problems).ifPresent(doc -> merge(root, doc));
        }
        problems.throwIfAny();
        EnvOverrides.apply(root, env, schema, problems);
        EnvSubstitution.apply(root, env, problems);
        SchemaChecker.check(root, schema, problems);
        return root;
    }

    private static Optional<DocNode.MapNode> read(Source source, Problems problems) {
        Optional<Format> format = Optional.ofNullable(source.format()).or(() -> Format.ofFileName(source.name()));
        if (format.isEmpty()) {
            problems.missing(source.name(), "has an unknown extension; use .yaml, .yml, .json or .properties");
            return Optional.empty();
        }
        Optional<String> text = source.text() == null ? readFile(source, problems) : Optional.of(source.text());
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (text.get().length() > Limits.MAX_DOCUMENT_SIZE) {
            problems.missing(
                    source.name(),
                    "holds " + text.get().length() + " characters; a configuration document " + "holds at most "
                            + Limits.MAX_DOCUMENT_SIZE + " (1 MiB)");
            return Optional.empty();
        }
        return parse(source.name(), format.get(), stripByteOrderMark(text.get()), problems);
    }

    private static Optional<DocNode.MapNode> parse(String name, Format format, String text, Problems problems) {
        return switch (format) {
            case YAML -> JacksonReader.read(name, text, true, problems);
            case JSON -> JacksonReader.read(name, text, false, problems);
            case PROPERTIES -> Optional.of(PropertiesReader.read(name, text, problems));
        };
    }

    /**
     * Reads at most {@link Limits#MAX_DOCUMENT_SIZE} bytes of a file, so that neither a huge file
     * nor an endless one ({@code /dev/zero}) is read whole, and decodes them as strict UTF-8.
     */
    private static Optional<String> readFile(Source source, Problems problems) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(source.file())) {
            bytes = in.readNBytes(Limits.MAX_DOCUMENT_SIZE + 1);
        } catch (IOException | RuntimeException e) {
            problems.missing(
                    source.name(),
                    "cannot be read: " + e.getClass().getSimpleName() + " "
                            + Limits.shorten(Optional.ofNullable(e.getMessage()).orElse("")));
            return Optional.empty();
        }
        if (bytes.length > Limits.MAX_DOCUMENT_SIZE) {
            problems.missing(
                    source.name(),
                    "is larger than " + Limits.MAX_DOCUMENT_SIZE + " bytes (1 MiB), the "
                            + "largest configuration file read");
            return Optional.empty();
        }
        try {
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException e) {
            problems.missing(source.name(), "is not valid UTF-8 text");
            return Optional.empty();
        }
    }

    /** A UTF-8 byte order mark is dropped in every format (Java keeps it as U+FEFF). */
    private static String stripByteOrderMark(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static void merge(DocNode.MapNode target, DocNode.MapNode source) {
        source.entries().forEach((k, v) -> {
            if (target.entries().get(k) instanceof DocNode.MapNode t && v instanceof DocNode.MapNode s) {
                merge(t, s);
            } else {
                target.entries().put(k, v);
            }
        });
    }
}
