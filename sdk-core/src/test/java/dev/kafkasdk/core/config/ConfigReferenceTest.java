package dev.kafkasdk.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigReferenceTest {

    static final Path FILE = Path.of("..", "docs", "config-reference.md");

    @Test
    void checkedInReferenceIsWhatTheKeyTablesGenerate() throws IOException {
        String generated = ConfigReference.markdown();
        if (Boolean.getBoolean("regenerate")) {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, generated, StandardCharsets.UTF_8);
        }
        assertThat(FILE)
                .as("docs/config-reference.md is missing; regenerate it with: " + ConfigReference.REGENERATE)
                .exists();
        assertThat(Files.readString(FILE, StandardCharsets.UTF_8))
                .as("docs/config-reference.md differs from the key tables; regenerate it with: "
                        + ConfigReference.REGENERATE)
                .isEqualTo(generated);
    }

    @Test
    void referenceListsEveryKeyOfEverySection() {
        String reference = ConfigReference.markdown();

        for (KeyTable<?> table : new KeyTable<?>[] {
            ClusterKeys.TABLE,
            ClusterKeys.SECURITY,
            ClusterKeys.SASL,
            ClusterKeys.STORE,
            ProducerKeys.TABLE,
            ConsumerKeys.TABLE,
            AdminKeys.TABLE,
            TopicKeys.TABLE
        }) {
            assertThat(reference).contains("## `" + table.path() + "`");
            table.keys().forEach(k -> assertThat(reference).contains("| `" + k.name() + "` |"));
        }
        assertThat(reference)
                .contains("| `linger` | duration | kafka-clients: 5 | LOW_LATENCY=1ms, BALANCED=5ms,")
                .contains("`linger.ms`")
                .contains("| `acks` | enum: 0, 1, all |");
    }
}
