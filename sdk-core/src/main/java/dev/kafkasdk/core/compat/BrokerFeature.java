package dev.kafkasdk.core.compat;

/**
 * A cluster-side feature that some SDK clients need, with the {@code describeFeatures} feature flag
 * and level that turn it on, the first Kafka release that has it and how to enable it.
 *
 * @since 0.1
 */
public enum BrokerFeature {
    /** The KIP-848 consumer group protocol, used by consumers with {@code group-protocol: consumer}. */
    CONSUMER_GROUP_PROTOCOL(
            "the KIP-848 consumer group protocol (group-protocol: consumer)",
            "group.version",
            (short) 1,
            "4.0",
            "use group-protocol: classic, or upgrade every broker to Kafka 4.0 or newer and enable the feature"
                    + " with kafka-features.sh --bootstrap-server <servers> upgrade --feature group.version=1"),
    /** KIP-932 share groups, used by share consumers. */
    SHARE_GROUPS(
            "share groups (KIP-932 share consumers)",
            "share.version",
            (short) 1,
            "4.2",
            "upgrade every broker to Kafka 4.2 or newer and enable the feature with kafka-features.sh"
                    + " --bootstrap-server <servers> upgrade --feature share.version=1"),
    /** KIP-890 transactions version 2: server-side defence against hanging and zombie transactions. */
    TRANSACTIONS_V2(
            "transactions version 2 (KIP-890 server-side defence)",
            "transaction.version",
            (short) 2,
            "4.0",
            "transactions still work with version 1; for version 2 upgrade every broker to Kafka 4.0 or newer"
                    + " and run kafka-features.sh --bootstrap-server <servers> upgrade --feature transaction.version=2"),
    /** The KIP-1071 streams group protocol of Kafka Streams. */
    STREAMS_GROUPS(
            "the KIP-1071 streams group protocol",
            "streams.version",
            (short) 1,
            "4.2",
            "use the classic Kafka Streams rebalance protocol, or upgrade every broker to Kafka 4.2 or newer and"
                    + " run kafka-features.sh --bootstrap-server <servers> upgrade --feature streams.version=1");

    private final String description;
    private final String featureFlag;
    private final short minimumLevel;
    private final String sinceRelease;
    private final String fix;

    BrokerFeature(String description, String featureFlag, short minimumLevel, String sinceRelease, String fix) {
        this.description = description;
        this.featureFlag = featureFlag;
        this.minimumLevel = minimumLevel;
        this.sinceRelease = sinceRelease;
        this.fix = fix;
    }

    /** @return what the feature is, for messages: {@code the KIP-848 consumer group protocol (...)} */
    public String description() {
        return description;
    }

    /** @return the {@code describeFeatures} flag that enables it, such as {@code group.version} */
    public String featureFlag() {
        return featureFlag;
    }

    /** @return the lowest finalized level of {@link #featureFlag()} that enables it */
    public short minimumLevel() {
        return minimumLevel;
    }

    /** @return the first Kafka release whose brokers have it, such as {@code 4.0} */
    public String sinceRelease() {
        return sinceRelease;
    }

    /** @return how to make a cluster support it, or what to use instead */
    public String fix() {
        return fix;
    }
}
