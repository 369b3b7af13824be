package dev.kafkasdk.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kafkasdk.consumer.internal.CommitModes;
import dev.kafkasdk.consumer.internal.GroupMembers;
import dev.kafkasdk.core.ConfigException;
import dev.kafkasdk.core.config.ClusterSettings;
import dev.kafkasdk.core.config.ConsumerSettings;
import dev.kafkasdk.core.config.Ordering;
import dev.kafkasdk.core.serde.Serdes;
import dev.kafkasdk.core.transaction.TransactionalSink;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** What the builder accepts and refuses for concurrent processing and several instances. */
class ConcurrentBuilderTest {

    private static ConsumerSettings.Builder settings() {
        return ConsumerSettings.builder()
                .cluster(ClusterSettings.of("localhost:9"))
                .groupId("g")
                .ordering(Ordering.KEY)
                .concurrency(8);
    }

    @Test
    void refusesCommitModesThatCannotCommitOutOfOrderCompletion() {
        for (CommitMode mode :
                new CommitMode[] {CommitMode.auto(), CommitMode.syncPerRecord(), CommitMode.transactional(sink())}) {
            ConfigException e = catchThrowableOfType(
                    ConfigException.class,
                    () -> SdkConsumer.builder(settings().build(), Serdes.string(), Serdes.string())
                            .subscribe("t")
                            .recordHandler(r -> {})
                            .commitMode(mode)
                            .build());
            assertThat(e).as(CommitModes.describe(mode)).isNotNull();
            assertThat(e.getMessage())
                    .contains("commitMode")
                    .contains("ordering key with concurrency 8")
                    .contains("CommitMode.async()");
        }
    }

    private static TransactionalSink<?, ?> sink() {
        return (TransactionalSink<?, ?>) java.lang.reflect.Proxy.newProxyInstance(
                TransactionalSink.class.getClassLoader(),
                new Class<?>[] {TransactionalSink.class},
                (proxy, method, args) -> null);
    }

    @Test
    void refusesABatchHandlerAndAStoreWithoutWatermarks() {
        OffsetStore loadOnly = partitions -> Map.of();
        ConfigException e = catchThrowableOfType(
                ConfigException.class,
                () -> SdkConsumer.builder(settings().build(), Serdes.string(), Serdes.string())
                        .subscribe("t")
                        .batchHandler(b -> {})
                        .commitMode(CommitMode.external(loadOnly))
                        .build());

        assertThat(e.getMessage())
                .contains("consumers.default.concurrency")
                .contains("batchHandler")
                .contains("storeWatermarks");
    }

    @Test
    void acceptsAStoreThatStoresWatermarks() {
        OffsetStore store = new OffsetStore() {
            @Override
            public Map<TopicPartition, Long> load(java.util.Set<TopicPartition> partitions) {
                return Map.of();
            }

            @Override
            public void storeWatermarks(Map<TopicPartition, Long> watermarks) {}
        };
        SdkConsumer<String, String> consumer = SdkConsumer.builder(settings().build(), Serdes.string(), Serdes.string())
                .subscribe("t")
                .recordHandler(r -> {})
                .commitMode(CommitMode.external(store))
                .build();

        assertThat(consumer.state()).isEqualTo(ConsumerState.NEW);
    }

    @Test
    void severalInstancesGetDistinctClientIds() {
        SdkConsumer<String, String> consumer = SdkConsumer.builder(
                        settings().clientId("orders").instances(3).build(), Serdes.string(), Serdes.string())
                .subscribe("t")
                .recordHandler(r -> {})
                .build();

        assertThat(consumer).isInstanceOf(GroupMembers.class);
        assertThat(((GroupMembers<String, String>) consumer).members())
                .extracting(SdkConsumer::clientId)
                .containsExactly("orders-1", "orders-2", "orders-3");
        assertThat(consumer.clientId()).isEqualTo("orders");
        assertThat(consumer.state()).isEqualTo(ConsumerState.NEW);
    }

    @Test
    void severalInstancesNeedASubscription() {
        ConfigException e = catchThrowableOfType(
                ConfigException.class,
                () -> SdkConsumer.builder(settings().instances(2).build(), Serdes.string(), Serdes.string())
                        .assign(new TopicPartition("t", 0))
                        .recordHandler(r -> {})
                        .build());

        assertThat(e.getMessage()).contains("consumers.default.instances").contains("use subscribe(...)");
    }
}
