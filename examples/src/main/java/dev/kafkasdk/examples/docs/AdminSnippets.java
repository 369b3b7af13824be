package dev.kafkasdk.examples.docs;

import dev.kafkasdk.admin.ApplyResult;
import dev.kafkasdk.admin.ConfigLinter;
import dev.kafkasdk.admin.GroupLag;
import dev.kafkasdk.admin.HealthReport;
import dev.kafkasdk.admin.LintContext;
import dev.kafkasdk.admin.LintReport;
import dev.kafkasdk.admin.OffsetResetRequest;
import dev.kafkasdk.admin.OffsetResetResult;
import dev.kafkasdk.admin.PartitionSizing;
import dev.kafkasdk.admin.ResetTarget;
import dev.kafkasdk.admin.SdkAdmin;
import dev.kafkasdk.admin.SizingRecommendation;
import dev.kafkasdk.admin.SizingRequest;
import dev.kafkasdk.admin.Throughput;
import dev.kafkasdk.admin.TopicPlan;
import dev.kafkasdk.core.config.KafkaSdkConfig;
import java.nio.file.Path;
import java.time.Instant;

/** The Java blocks of {@code docs/admin-and-cli.md}, compiled; {@code DocsSnippetsTest} keeps the copies equal. */
final class AdminSnippets {

    private AdminSnippets() {}

    static LintReport tour() {
        // tag::library[]
        KafkaSdkConfig config = KafkaSdkConfig.load(Path.of("kafka-sdk.yaml"));
        try (SdkAdmin admin = SdkAdmin.create(config.admin())) { // or SdkAdmin.wrap(existingAdmin, options)
            TopicPlan plan = admin.topics().plan(config.topics().values()); // changes nothing
            ApplyResult applied = admin.topics().apply(config.topics().values());
            GroupLag lag = admin.groups().lag("billing");
            OffsetResetResult preview = admin.groups()
                    .resetOffsets(OffsetResetRequest.of(
                                    "billing", ResetTarget.toTimestamp(Instant.parse("2026-01-31T12:00:00Z")))
                            .asDryRun());
            HealthReport health = admin.cluster().health();
            LintReport online = ConfigLinter.defaults()
                    .lint(admin.cluster()
                            .lintContext(LintContext.builder(config).build()));
        }
        SizingRecommendation sizing = PartitionSizing.recommend(SizingRequest.builder()
                .target(Throughput.parse("120MB/s"))
                .producerPerPartition(Throughput.parse("15MB/s"))
                .consumerPerPartition(Throughput.parse("40MB/s"))
                .headroom(0.2)
                .replicationFactor(3)
                .build());
        LintReport offline = ConfigLinter.defaults()
                .lint(LintContext.builder(config).brokerCount(3).build());
        // end::library[]
        return offline;
    }
}
