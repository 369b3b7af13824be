package dev.kafkasdk.admin;

import dev.kafkasdk.core.ConfigException;
import dev.kafkasdk.core.ConfigProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Inputs for {@link PartitionSizing#recommend(SizingRequest)}: the throughput a topic must carry, the
 * throughput one partition reaches on the producer and on the consumer side (measured, for example with
 * Kafka's {@code ProducerPerformance} and {@code ConsumerPerformance}), the headroom to add and what the
 * cluster looks like now.
 *
 * <p>Immutable and thread-safe; build one with {@link #builder()}.
 *
 * @since 0.1
 */
public final class SizingRequest {

    /** The default headroom added on top of the computed partition count: 20%. */
    public static final double DEFAULT_HEADROOM = 0.20;

    /** The default number of partition replicas one broker should host at most (the notes' figure). */
    public static final int DEFAULT_PARTITION_BUDGET_PER_BROKER = 2_000;

    private final Throughput target;
    private final Throughput producerPerPartition;
    private final Throughput consumerPerPartition;
    private final double headroom;
    private final int partitionBudgetPerBroker;
    private final int replicationFactor;
    private final OptionalInt currentPartitions;
    private final OptionalInt brokerCount;
    private final Map<Integer, Integer> replicasPerBroker;

    private SizingRequest(Builder b) {
        this.target = b.target;
        this.producerPerPartition = b.producerPerPartition;
        this.consumerPerPartition = b.consumerPerPartition;
        this.headroom = b.headroom;
        this.partitionBudgetPerBroker = b.partitionBudgetPerBroker;
        this.replicationFactor = b.replicationFactor;
        this.currentPartitions = b.currentPartitions;
        this.replicasPerBroker = Map.copyOf(b.replicasPerBroker);
        this.brokerCount = b.brokerCount.isPresent() || b.replicasPerBroker.isEmpty()
                ? b.brokerCount
                : OptionalInt.of(b.replicasPerBroker.size());
    }

    /**
     * Starts a request with the default headroom (20%), budget (2,000 replicas per broker) and a
     * replication factor of 1.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the throughput the topic must carry */
    public Throughput target() {
        return target;
    }

    /** @return what one partition reaches on the producer side */
    public Throughput producerPerPartition() {
        return producerPerPartition;
    }

    /** @return what one partition reaches on the consumer side */
    public Throughput consumerPerPartition() {
        return consumerPerPartition;
    }

    /** @return the headroom as a fraction, 0.2 for 20% */
    public double headroom() {
        return headroom;
    }

    /** @return the number of partition replicas one broker should host at most */
    public int partitionBudgetPerBroker() {
        return partitionBudgetPerBroker;
    }

    /** @return the replication factor of the topic being sized */
    public int replicationFactor() {
        return replicationFactor;
    }

    /** @return the topic's current partition count, when it exists */
    public OptionalInt currentPartitions() {
        return currentPartitions;
    }

    /** @return the number of brokers, when known */
    public OptionalInt brokerCount() {
        return brokerCount;
    }

    /** @return partition replicas each broker hosts now, by broker id; empty when unknown */
    public Map<Integer, Integer> replicasPerBroker() {
        return new TreeMap<>(replicasPerBroker);
    }

    /** Collects the inputs of a {@link SizingRequest}. Not thread-safe. */
    public static final class Builder {
        private Throughput target;
        private Throughput producerPerPartition;
        private Throughput consumerPerPartition;
        private double headroom = DEFAULT_HEADROOM;
        private int partitionBudgetPerBroker = DEFAULT_PARTITION_BUDGET_PER_BROKER;
        private int replicationFactor = 1;
        private OptionalInt currentPartitions = OptionalInt.empty();
        private OptionalInt brokerCount = OptionalInt.empty();
        private Map<Integer, Integer> replicasPerBroker = Map.of();

        private Builder() {}

        /**
         * @param target the throughput the topic must carry
         * @return this builder
         */
        public Builder target(Throughput target) {
            this.target = target;
            return this;
        }

        /**
         * @param rate the measured producer throughput of one partition
         * @return this builder
         */
        public Builder producerPerPartition(Throughput rate) {
            this.producerPerPartition = rate;
            return this;
        }

        /**
         * @param rate the measured consumer throughput of one partition
         * @return this builder
         */
        public Builder consumerPerPartition(Throughput rate) {
            this.consumerPerPartition = rate;
            return this;
        }

        /**
         * @param fraction headroom added after rounding up, 0.2 for 20%; 0 or more
         * @return this builder
         */
        public Builder headroom(double fraction) {
            this.headroom = fraction;
            return this;
        }

        /**
         * @param budget partition replicas one broker should host at most; positive
         * @return this builder
         */
        public Builder partitionBudgetPerBroker(int budget) {
            this.partitionBudgetPerBroker = budget;
            return this;
        }

        /**
         * @param replicationFactor the topic's replication factor; positive
         * @return this builder
         */
        public Builder replicationFactor(int replicationFactor) {
            this.replicationFactor = replicationFactor;
            return this;
        }

        /**
         * @param partitions the topic's partition count now; 0 or more
         * @return this builder
         */
        public Builder currentPartitions(int partitions) {
            this.currentPartitions = OptionalInt.of(partitions);
            return this;
        }

        /**
         * Sets the broker count when per-broker replica counts are not known.
         *
         * @param brokers number of brokers; positive
         * @return this builder
         */
        public Builder brokerCount(int brokers) {
            this.brokerCount = OptionalInt.of(brokers);
            return this;
        }

        /**
         * Sets the partition replicas each broker hosts now (what
         * {@link ClusterOperations#partitionLoad()} reads from a live cluster). Also sets the broker count
         * when it was not given.
         *
         * @param replicas replicas by broker id
         * @return this builder
         */
        public Builder replicasPerBroker(Map<Integer, Integer> replicas) {
            this.replicasPerBroker = Map.copyOf(Objects.requireNonNull(replicas, "replicas"));
            return this;
        }

        /**
         * Validates every input and builds the request.
         *
         * @return the request
         * @throws ConfigException naming every missing or invalid input at once
         */
        public SizingRequest build() {
            List<ConfigProblem> problems = new ArrayList<>();
            if (target == null) {
                problems.add(problem("target: required (the throughput the topic must carry)"));
            }
            if (producerPerPartition == null) {
                problems.add(problem("producerPerPartition: required (measured producer throughput of one partition)"));
            }
            if (consumerPerPartition == null) {
                problems.add(problem("consumerPerPartition: required (measured consumer throughput of one partition)"));
            }
            if (target != null
                    && producerPerPartition != null
                    && consumerPerPartition != null
                    && (target.unit() != producerPerPartition.unit() || target.unit() != consumerPerPartition.unit())) {
                problems.add(problem(
                        "units: target, producer and consumer rates must all be in bytes or all in records, were "
                                + target.unit() + ", " + producerPerPartition.unit() + ", "
                                + consumerPerPartition.unit()));
            }
            if (!(headroom >= 0) || headroom > 10) {
                problems.add(
                        problem("headroom: " + headroom + " is invalid; use a fraction between 0 and 10 (0.2 = 20%)"));
            }
            if (partitionBudgetPerBroker < 1) {
                problems.add(problem(
                        "partitionBudgetPerBroker: " + partitionBudgetPerBroker + " is invalid; must be positive"));
            }
            if (replicationFactor < 1) {
                problems.add(problem("replicationFactor: " + replicationFactor + " is invalid; must be positive"));
            }
            if (currentPartitions.isPresent() && currentPartitions.getAsInt() < 0) {
                problems.add(problem(
                        "currentPartitions: " + currentPartitions.getAsInt() + " is invalid; must be 0 or more"));
            }
            if (brokerCount.isPresent() && brokerCount.getAsInt() < 1) {
                problems.add(problem("brokerCount: " + brokerCount.getAsInt() + " is invalid; must be positive"));
            }
            if (!problems.isEmpty()) {
                throw new ConfigException(problems);
            }
            return new SizingRequest(this);
        }

        /** Splits {@code "key: reason"} into a problem for that key. */
        private static ConfigProblem problem(String text) {
            int colon = text.indexOf(": ");
            return new ConfigProblem(text.substring(0, colon), null, text.substring(colon + 2));
        }
    }
}
