package dev.kafkasdk.admin.internal.lint;

import static dev.kafkasdk.admin.internal.lint.LintValues.bytes;

import dev.kafkasdk.admin.LintContext;
import dev.kafkasdk.admin.LintContext.ClientFacts;
import dev.kafkasdk.admin.LintContext.TopicFacts;
import dev.kafkasdk.admin.LintFinding;
import dev.kafkasdk.admin.LintRule;
import dev.kafkasdk.admin.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;

/** Rules that keep producer, broker/topic and consumer size limits consistent. */
final class SizeRules {

    static final String PRODUCER_REQUEST_SIZE = "KSDK-L001";
    static final String CONSUMER_FETCH_MAX = "KSDK-L002";
    static final String CONSUMER_PARTITION_FETCH = "KSDK-L003";

    private SizeRules() {}

    static List<LintRule> all() {
        return List.of(
                new Rule(
                        PRODUCER_REQUEST_SIZE,
                        "producer max.request.size fits the topic/broker message size limit",
                        SizeRules::producerRequestSize),
                new Rule(
                        CONSUMER_FETCH_MAX,
                        "consumer fetch.max.bytes holds the largest record batch",
                        SizeRules::consumerFetchMax),
                new Rule(
                        CONSUMER_PARTITION_FETCH,
                        "consumer max.partition.fetch.bytes holds the largest record batch",
                        SizeRules::consumerPartitionFetch));
    }

    /** A topic (or the broker default) and the largest batch it accepts. */
    private record Limit(String where, long maxMessageBytes) {}

    private static List<Limit> limits(LintContext context) {
        if (context.topics().isEmpty()) {
            long broker = LintValues.broker(context, "message.max.bytes")
                    .map(LintValues::parseLong)
                    .orElse(LintValues.BROKER_MESSAGE_MAX_BYTES);
            return List.of(new Limit("the broker (message.max.bytes)", broker));
        }
        List<Limit> limits = new ArrayList<>();
        for (TopicFacts topic : context.topics()) {
            limits.add(new Limit(
                    "topic '" + topic.name() + "'",
                    LintValues.topicLong(
                            context,
                            topic,
                            TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                            LintValues.BROKER_MESSAGE_MAX_BYTES)));
        }
        return limits;
    }

    private static List<LintFinding> producerRequestSize(LintContext context) {
        List<LintFinding> findings = new ArrayList<>();
        List<Limit> limits = limits(context);
        for (ClientFacts producer : context.producers()) {
            long request = LintValues.producerLong(producer, ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
            List<Limit> smaller =
                    limits.stream().filter(l -> l.maxMessageBytes() < request).toList();
            if (smaller.isEmpty()) {
                continue;
            }
            long lowest =
                    smaller.stream().mapToLong(Limit::maxMessageBytes).min().orElseThrow();
            findings.add(new LintFinding(
                    PRODUCER_REQUEST_SIZE,
                    Severity.ERROR,
                    "producer '" + producer.name() + "'",
                    "max.request.size=" + bytes(request) + " is larger than the batch size accepted by "
                            + describe(smaller) + "; records between the two sizes pass the producer's check and are"
                            + " then rejected by the broker with RecordTooLargeException",
                    "lower max.request.size to " + lowest + " or raise max.message.bytes on the topic"
                            + " (message.max.bytes on the broker) to at least " + request));
        }
        return findings;
    }

    private static List<LintFinding> consumerFetchMax(LintContext context) {
        List<LintFinding> findings = new ArrayList<>();
        List<Limit> limits = limits(context);
        for (ClientFacts consumer : context.consumers()) {
            long fetchMax = LintValues.consumerLong(consumer, ConsumerConfig.FETCH_MAX_BYTES_CONFIG);
            long partitionMax = LintValues.consumerLong(consumer, ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG);
            String subject = "consumer '" + consumer.name() + "'";
            List<Limit> larger = limits.stream()
                    .filter(l -> l.maxMessageBytes() - LintValues.LOG_OVERHEAD > fetchMax)
                    .toList();
            if (!larger.isEmpty()) {
                long highest =
                        larger.stream().mapToLong(Limit::maxMessageBytes).max().orElseThrow();
                findings.add(new LintFinding(
                        CONSUMER_FETCH_MAX,
                        Severity.WARN,
                        subject,
                        "fetch.max.bytes=" + bytes(fetchMax) + " is smaller than the largest batch allowed by "
                                + describe(larger) + "; such a batch still arrives, but alone in its fetch, so"
                                + " throughput drops on exactly the large records",
                        "raise fetch.max.bytes to at least " + highest + " or lower max.message.bytes to " + fetchMax));
            }
            if (fetchMax < partitionMax) {
                findings.add(new LintFinding(
                        CONSUMER_FETCH_MAX,
                        Severity.INFO,
                        subject,
                        "fetch.max.bytes=" + bytes(fetchMax) + " is below max.partition.fetch.bytes="
                                + bytes(partitionMax) + ", so the per-partition limit is never reached",
                        "raise fetch.max.bytes to at least " + partitionMax + " or lower max.partition.fetch.bytes"));
            }
        }
        return findings;
    }

    private static List<LintFinding> consumerPartitionFetch(LintContext context) {
        List<LintFinding> findings = new ArrayList<>();
        List<Limit> limits = limits(context);
        for (ClientFacts consumer : context.consumers()) {
            long partitionMax = LintValues.consumerLong(consumer, ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG);
            List<Limit> larger = limits.stream()
                    .filter(l -> l.maxMessageBytes() - LintValues.LOG_OVERHEAD > partitionMax)
                    .toList();
            if (larger.isEmpty()) {
                continue;
            }
            long highest =
                    larger.stream().mapToLong(Limit::maxMessageBytes).max().orElseThrow();
            findings.add(new LintFinding(
                    CONSUMER_PARTITION_FETCH,
                    Severity.WARN,
                    "consumer '" + consumer.name() + "'",
                    "max.partition.fetch.bytes=" + bytes(partitionMax)
                            + " is smaller than the largest batch allowed by " + describe(larger)
                            + "; each such batch is fetched on its own, one partition at a time",
                    "raise max.partition.fetch.bytes to at least " + highest));
        }
        return findings;
    }

    private static String describe(List<Limit> limits) {
        return limits.stream()
                .map(l -> l.where() + " (" + l.maxMessageBytes() + ")")
                .collect(Collectors.joining(", "));
    }
}
