package dev.kafkasdk.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasdk.core.config.KafkaSdkConfig;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExampleConfigLintTest {

    static Path example() throws URISyntaxException {
        return Path.of(ExampleConfigLintTest.class
                .getResource("/kafka-sdk-admin-example.yaml")
                .toURI());
    }

    @Test
    void theExampleConfigPassesEveryRuleOffline() throws Exception {
        KafkaSdkConfig config =
                KafkaSdkConfig.loader().file(example()).environment(Map.of()).load();

        LintReport report = ConfigLinter.defaults()
                .lint(LintContext.builder(config).brokerCount(3).build());

        assertThat(report.findings()).isEmpty();
        assertThat(report.mode()).isEqualTo(LintContext.Mode.OFFLINE);
    }

    @Test
    void theExampleConfigFailsOnceItsTopicsOutgrowTheBrokers() throws Exception {
        KafkaSdkConfig config =
                KafkaSdkConfig.loader().file(example()).environment(Map.of()).load();

        LintReport report = ConfigLinter.defaults()
                .lint(LintContext.builder(config).brokerCount(2).build());

        assertThat(report.findingsOf("KSDK-L007"))
                .extracting(LintFinding::subject)
                .containsExactly("topic 'orders'", "topic 'payments'");
    }
}
