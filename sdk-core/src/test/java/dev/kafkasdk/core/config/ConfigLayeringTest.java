package dev.kafkasdk.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No import cycle between {@code config} and {@code config.internal}: internal classes use
 * only the config package's leaf value types, and those import nothing from internal.
 */
class ConfigLayeringTest {

    static final Path CONFIG = Path.of("src/main/java/dev/kafkasdk/core/config");
    static final Set<String> LEAF_TYPES = Set.of("Origin", "Secret", "ByteSize", "Durations");
    static final Pattern CONFIG_IMPORT =
            Pattern.compile("^import (?:static )?dev\\.kafkasdk\\.core\\.config\\.([A-Z]\\w*)", Pattern.MULTILINE);

    @Test
    void internalClassesImportOnlyLeafValueTypesOfTheConfigPackage() throws IOException {
        try (Stream<Path> files = Files.list(CONFIG.resolve("internal"))) {
            for (Path file : files.toList()) {
                Matcher m = CONFIG_IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    assertThat(LEAF_TYPES)
                            .as(file.getFileName() + " imports config." + m.group(1))
                            .contains(m.group(1));
                }
            }
        }
    }

    @Test
    void leafValueTypesImportNothingFromInternal() throws IOException {
        for (String type : List.copyOf(LEAF_TYPES)) {
            assertThat(Files.readString(CONFIG.resolve(type + ".java"))).doesNotContain("core.config.internal");
        }
    }
}
