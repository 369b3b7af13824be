package dev.kafkasdk.examples;

import dev.kafkasdk.admin.ApplyResult;
import dev.kafkasdk.admin.SdkAdmin;
import dev.kafkasdk.admin.TopicChange;
import dev.kafkasdk.core.config.AdminSettings;
import dev.kafkasdk.core.config.ClusterSettings;
import dev.kafkasdk.core.config.TopicSpec;
import java.util.Collection;
import java.util.List;

/**
 * Creates the topics an example needs with the admin module's topics-as-code apply: missing topics
 * are created, existing ones are left as they are (drift is only reported).
 */
public final class ExampleTopics {

    private ExampleTopics() {}

    /**
     * Applies topic specs with a default admin client of the cluster.
     *
     * @param cluster the cluster
     * @param specs   the topics
     * @return what was created and what was already there
     * @throws dev.kafkasdk.core.KafkaSdkException if a topic cannot be created
     */
    public static ApplyResult ensure(ClusterSettings cluster, TopicSpec... specs) {
        return ensure(AdminSettings.defaults(cluster), List.of(specs));
    }

    /**
     * Applies topic specs and prints one line per change.
     *
     * @param admin the admin client's settings
     * @param specs the topics
     * @return what was created and what was already there
     * @throws dev.kafkasdk.core.KafkaSdkException if a topic cannot be created
     */
    public static ApplyResult ensure(AdminSettings admin, Collection<TopicSpec> specs) {
        try (SdkAdmin sdkAdmin = SdkAdmin.create(admin)) {
            ApplyResult result = sdkAdmin.topics().apply(specs);
            result.applied().forEach(c -> Console.line("      applied  %s", c.describe()));
            result.plan().upToDate().forEach(t -> Console.line("      up to date  %s", t));
            result.drift().stream().map(TopicChange::describe).forEach(d -> Console.line("      drift  %s", d));
            return result;
        }
    }

    /**
     * A topic spec with a partition count and the broker's default replication factor.
     *
     * @param name       the topic
     * @param partitions its partitions
     * @return the spec
     */
    public static TopicSpec topic(String name, int partitions) {
        return TopicSpec.builder(name).partitions(partitions).build();
    }
}
