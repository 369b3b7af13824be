package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.consumer.DeadLetter;
import org.apache.kafka.common.TopicPartition;

/** {@link ConsumerMetrics} that record nothing. */
enum NoopConsumerMetrics implements ConsumerMetrics {
    INSTANCE;

    @Override
    public boolean enabled() {
        return false;
    }

    @Override
    public void processed(int records) {}

    @Override
    public void handlerTime(long nanos) {}

    @Override
    public void commitLatency(long nanos) {}

    @Override
    public void commitFailed() {}

    @Override
    public void deadLettered(DeadLetter.Reason reason) {}

    @Override
    public void skipped() {}

    @Override
    public void retryScheduled() {}

    @Override
    public void rebalance(String kind) {}

    @Override
    public void pollBudgetWarning() {}

    @Override
    public void committedLag(TopicPartition partition, long lag) {}

    @Override
    public void removeLag(TopicPartition partition) {}

    @Override
    public void close() {}
}
