package dev.kafkasdk.producer.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a missing topic from a topic this principal may not see. With {@code max.block.ms=0}
 * kafka-clients never reports the broker's {@code TOPIC_AUTHORIZATION_FAILED} for a topic's
 * metadata (it gives up before looking), so when {@link PendingTopics} has waited
 * {@code missing-topic-timeout} for a topic, it asks the cluster once, through an admin client of
 * its own made from the producer's connection settings on first need, and fails the records with
 * what the cluster answered.
 *
 * <p>Never blocks: {@link #start(String)} returns a {@link Probe} that the {@link PendingTopics}
 * thread reads on its ticks. A probe that has no answer within its bound is {@link Verdict#UNKNOWN}.
 */
final class TopicDiagnosis {

    private static final Logger LOG = LoggerFactory.getLogger(TopicDiagnosis.class);

    /** What the cluster said about a topic. */
    enum Verdict {
        /** The topic exists and this principal may describe it: its metadata should follow. */
        EXISTS,
        /** The topic does not exist (or this principal may describe only existing topics). */
        MISSING,
        /** This principal may not describe the topic. */
        NOT_AUTHORIZED,
        /** No answer within the bound, or another error. */
        UNKNOWN
    }

    /** One question about one topic. */
    static final class Probe {
        private final KafkaFuture<TopicDescription> answer;
        private final long deadlineNanos;

        Probe(KafkaFuture<TopicDescription> answer, long deadlineNanos) {
            this.answer = answer;
            this.deadlineNanos = deadlineNanos;
        }

        /**
         * The answer, without waiting.
         *
         * @param now the current {@link System#nanoTime()}
         * @return the verdict, or null while the question is open and within its bound
         */
        Verdict verdict(long now) {
            if (answer == null) {
                return Verdict.UNKNOWN;
            }
            if (!answer.isDone()) {
                return now - deadlineNanos >= 0 ? Verdict.UNKNOWN : null;
            }
            try {
                answer.get();
                return Verdict.EXISTS;
            } catch (ExecutionException e) {
                return of(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Verdict.UNKNOWN;
            } catch (RuntimeException e) {
                return Verdict.UNKNOWN;
            }
        }

        private static Verdict of(Throwable cause) {
            if (cause instanceof TopicAuthorizationException) {
                return Verdict.NOT_AUTHORIZED;
            }
            if (cause instanceof UnknownTopicOrPartitionException) {
                return Verdict.MISSING;
            }
            LOG.debug("Describing a topic to diagnose its missing metadata failed", cause);
            return Verdict.UNKNOWN;
        }
    }

    private final Function<Map<String, Object>, Admin> factory;
    private final Map<String, Object> properties;
    private final long boundMs;
    private volatile Admin admin;
    private boolean unavailable;

    /**
     * @param producerProperties the producer's kafka-clients properties; only the admin's keys are used
     * @param clientId the producer's client id; the admin's is this with {@code -diagnosis}
     * @param bound the longest a probe waits for its answer
     * @param factory creates the admin client
     */
    TopicDiagnosis(
            Map<String, Object> producerProperties,
            String clientId,
            Duration bound,
            Function<Map<String, Object>, Admin> factory) {
        Map<String, Object> admin = new HashMap<>();
        producerProperties.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                admin.put(key, value);
            }
        });
        admin.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId + "-diagnosis");
        int timeoutMs = (int) Math.max(1, Math.min(Integer.MAX_VALUE, bound.toMillis()));
        admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        admin.remove(ProducerConfig.METRIC_REPORTER_CLASSES_CONFIG);
        this.properties = admin;
        this.boundMs = bound.toMillis();
        this.factory = factory;
    }

    /**
     * Asks the cluster about a topic without waiting; called on the {@link PendingTopics} thread only.
     *
     * @param topic the topic
     * @return the question, whose answer the caller reads on later ticks
     */
    Probe start(String topic) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(boundMs);
        Admin client = admin();
        if (client == null) {
            return new Probe(null, deadline);
        }
        try {
            KafkaFuture<TopicDescription> answer = client.describeTopics(
                            List.of(topic), new DescribeTopicsOptions().timeoutMs((int) boundMs))
                    .topicNameValues()
                    .get(topic);
            return new Probe(answer, deadline);
        } catch (RuntimeException e) {
            LOG.debug("Cannot describe topic {} to diagnose its missing metadata", topic, e);
            return new Probe(null, deadline);
        }
    }

    private Admin admin() {
        if (admin == null && !unavailable) {
            try {
                admin = factory.apply(properties);
            } catch (RuntimeException e) {
                unavailable = true;
                LOG.debug("Cannot create the admin client that tells missing from unauthorized topics", e);
            }
        }
        return admin;
    }

    /** Closes the admin client, if one was made, without waiting. */
    void close() {
        Admin client = admin;
        if (client != null) {
            try {
                client.close(Duration.ZERO);
            } catch (RuntimeException e) {
                LOG.debug("Closing the diagnosis admin client failed", e);
            }
        }
    }
}
