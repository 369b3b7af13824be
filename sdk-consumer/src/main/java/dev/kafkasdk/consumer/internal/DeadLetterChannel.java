package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.consumer.DeadLetter;
import dev.kafkasdk.consumer.DeadLetterPublisher;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A consumer's dead-letter publisher with the consumer's settings for it: the bound on storing
 * one dead letter ({@code dead-letter-timeout}), whether missing dead-letter topics are created
 * ({@code create-dead-letter-topics}) and the connection the topics are checked through. Publishing
 * and naming go to the wrapped publisher; {@link #close()} closes it.
 *
 * @param delegate the publisher
 * @param timeout the longest the poll thread waits to store one dead letter, and the bound on the start-up check
 * @param createTopics whether missing dead-letter topics are created at start
 * @param adminProperties client properties that reach the dead-letter topics' cluster; hold secrets
 * @param settingPrefix where the consumer's settings live, e.g. {@code consumers.orders.}
 */
public record DeadLetterChannel(
        DeadLetterPublisher delegate,
        Duration timeout,
        boolean createTopics,
        Map<String, Object> adminProperties,
        String settingPrefix)
        implements DeadLetterPublisher {

    /**
     * Copies the properties.
     *
     * @param delegate the publisher
     * @param timeout the bound
     * @param createTopics whether to create missing topics
     * @param adminProperties the connection
     * @param settingPrefix the settings' prefix
     */
    public DeadLetterChannel {
        adminProperties = Map.copyOf(adminProperties);
    }

    @Override
    public CompletableFuture<Void> publish(DeadLetter letter) {
        return delegate.publish(letter);
    }

    @Override
    public Optional<String> topicFor(String sourceTopic) {
        return delegate.topicFor(sourceTopic);
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public String toString() {
        return "DeadLetterChannel[" + delegate + ", timeout=" + timeout + ", createTopics=" + createTopics + "]";
    }
}
