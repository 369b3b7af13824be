package dev.kafkasdk.consumer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasdk.consumer.CommitMode;
import dev.kafkasdk.consumer.OffsetStore;
import dev.kafkasdk.core.transaction.TransactionalSink;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every commit mode's behaviour, decided in one place. */
class CommitModesTest {

    private static final OffsetStore STORE = partitions -> Map.of();
    private static final TransactionalSink<?, ?> SINK = (TransactionalSink<?, ?>) Proxy.newProxyInstance(
            TransactionalSink.class.getClassLoader(), new Class<?>[] {TransactionalSink.class}, (p, m, a) -> null);

    @Test
    void mapsEveryVariantToItsKind() {
        assertThat(CommitModes.kind(CommitMode.auto())).isEqualTo(CommitModes.Kind.AUTO);
        assertThat(CommitModes.kind(CommitMode.syncPerBatch())).isEqualTo(CommitModes.Kind.SYNC_PER_BATCH);
        assertThat(CommitModes.kind(CommitMode.syncPerRecord())).isEqualTo(CommitModes.Kind.SYNC_PER_RECORD);
        assertThat(CommitModes.kind(CommitMode.async())).isEqualTo(CommitModes.Kind.ASYNC);
        assertThat(CommitModes.kind(CommitMode.external(STORE))).isEqualTo(CommitModes.Kind.EXTERNAL);
        assertThat(CommitModes.kind(CommitMode.transactional(SINK))).isEqualTo(CommitModes.Kind.TRANSACTIONAL);
        assertThat(CommitModes.kind(CommitMode.none())).isEqualTo(CommitModes.Kind.NONE);
        assertThat(CommitMode.class.getPermittedSubclasses())
                .as("a new variant needs a Kind")
                .hasSize(CommitModes.Kind.values().length);
    }

    @Test
    void knowsWhichModesCommitToKafka() {
        assertThat(CommitModes.commitsToKafka(CommitMode.none())).isFalse();
        assertThat(CommitModes.commitsToKafka(CommitMode.external(STORE))).isFalse();
        assertThat(CommitModes.commitsToKafka(CommitMode.external(STORE).mirrored()))
                .isTrue();
        assertThat(CommitModes.commitsToKafka(CommitMode.async())).isTrue();
        assertThat(CommitModes.committedKnown(CommitMode.auto())).isFalse();
        assertThat(CommitModes.committedKnown(CommitMode.syncPerBatch())).isTrue();
        assertThat(CommitModes.autoCommitInterval(CommitMode.auto(Duration.ofSeconds(2))))
                .contains(Duration.ofSeconds(2));
        assertThat(CommitModes.autoCommitInterval(CommitMode.async())).isEmpty();
        assertThat(CommitModes.store(CommitMode.external(STORE))).isSameAs(STORE);
        assertThat(CommitModes.store(CommitMode.async())).isNull();
    }

    @Test
    void givesEachModeItsWatermarkTargetOrNone() {
        assertThat(CommitModes.watermarkTarget(CommitMode.async())).contains(WatermarkCommits.Target.KAFKA_ASYNC);
        assertThat(CommitModes.watermarkTarget(CommitMode.syncPerBatch())).contains(WatermarkCommits.Target.KAFKA_SYNC);
        assertThat(CommitModes.watermarkTarget(CommitMode.external(STORE))).contains(WatermarkCommits.Target.STORE);
        assertThat(CommitModes.watermarkTarget(CommitMode.none())).contains(WatermarkCommits.Target.NONE);
        for (CommitMode refused :
                new CommitMode[] {CommitMode.auto(), CommitMode.syncPerRecord(), CommitMode.transactional(SINK)}) {
            assertThat(CommitModes.watermarkTarget(refused)).isEqualTo(Optional.empty());
        }
    }
}
