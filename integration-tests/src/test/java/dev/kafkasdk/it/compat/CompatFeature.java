package dev.kafkasdk.it.compat;

/**
 * The rows of the compatibility table, in order. {@code smoke} rows also run in the default build
 * (one round trip per client kind); the others only with {@code -Pcompat}.
 */
enum CompatFeature {
    PRODUCER("SdkProducer: send and acknowledge", true),
    CONSUMER_CLASSIC("SdkConsumer, group-protocol: classic", true),
    CONSUMER_PROTOCOL("SdkConsumer, group-protocol: consumer (KIP-848)", true),
    CONCURRENT_CONSUMER("SdkConsumer, concurrency 4 (key ordering)", false),
    TRANSACTIONS("TransactionalProducer: commit, read_committed consumer", false),
    ADMIN_TOPICS("SdkAdmin topics: apply and plan", true),
    ADMIN_GROUPS("SdkAdmin groups: list, describe, lag", false),
    ADMIN_HEALTH("SdkAdmin cluster health (quorum, ISR)", false),
    LINT_ONLINE("config lint, online", false),
    CLI("sdk-admin CLI: cluster health, groups list", false),
    SHARE_CONSUMER("SdkShareConsumer (KIP-932): start and receive", false),
    ADMIN_SHARE_GROUPS("SdkAdmin share groups: list", false),
    CLIENT_INSTANCE_ID("KIP-714 client instance id (the kit's brokers run no telemetry plugin)", false);

    private final String title;
    private final boolean smoke;

    CompatFeature(String title, boolean smoke) {
        this.title = title;
        this.smoke = smoke;
    }

    String title() {
        return title;
    }

    boolean smoke() {
        return smoke;
    }
}
