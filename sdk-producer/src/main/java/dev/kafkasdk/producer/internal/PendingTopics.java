package dev.kafkasdk.producer.internal;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code send()} from waiting for topic metadata. kafka-clients runs with
 * {@code max.block.ms=0}, so a send to a topic without metadata fails at once inside
 * kafka-clients; the SDK then parks that record, and every later record for the topic, in the
 * topic's bounded {@link TopicLane}, and this class's own thread hands them to kafka-clients in
 * order once the metadata arrives. After that, sends to the topic go straight to kafka-clients
 * again.
 *
 * <p>While no topic waits, the send path reads one volatile counter and nothing else. The thread
 * fails a lane's records when the cluster answers metadata requests without the topic for
 * {@code missing-topic-timeout}, or when a record has waited {@code delivery-timeout} without the
 * cluster answering at all. In the first case it asks the cluster once, through
 * {@link TopicDiagnosis}, whether the topic is missing or not authorized, and fails the records
 * with that answer (or with both possibilities named when none comes within the bound).
 */
final class PendingTopics {

    private static final Logger LOG = LoggerFactory.getLogger(PendingTopics.class);
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long JOIN_MILLIS = 1_000;

    private final Producer<byte[], byte[]> kafka;
    private final ProducerLimits limits;
    private final FailureTranslator failures;
    private final MetadataAge metadataAge;
    private final TopicDiagnosis diagnosis;
    private final ConcurrentHashMap<String, TopicLane> lanes = new ConcurrentHashMap<>();
    /** Lanes that are not ready; zero on the fast path. */
    private final AtomicInteger waitingLanes = new AtomicInteger();

    private final AtomicInteger queued = new AtomicInteger();
    private final Object emptied = new Object();
    private final Thread thread;
    private volatile boolean stopped;

    PendingTopics(
            Producer<byte[], byte[]> kafka,
            ProducerLimits limits,
            FailureTranslator failures,
            TopicDiagnosis diagnosis,
            String threadName) {
        this.kafka = kafka;
        this.diagnosis = diagnosis;
        this.limits = limits;
        this.failures = failures;
        this.metadataAge = MetadataAge.of(kafka);
        this.thread = new Thread(this::run, threadName);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * Asks kafka-clients for the metadata of these topics without waiting for it, so that their
     * first sends find it.
     *
     * @param topics the topics
     */
    void warm(List<String> topics) {
        for (String topic : topics) {
            try {
                kafka.partitionsFor(topic);
            } catch (KafkaException e) {
                LOG.debug("Metadata of topic {} is not known yet: {}", topic, e.getMessage());
            }
        }
    }

    /** Whether a send to this topic may go straight to kafka-clients; no lock, no allocation. */
    boolean direct(String topic) {
        if (waitingLanes.get() == 0) {
            return true;
        }
        TopicLane lane = lanes.get(topic);
        return lane == null || lane.ready;
    }

    /**
     * Queues a record behind the topic's waiting records.
     *
     * @param record the encoded record
     * @param completion its completion, holding its permits
     * @param afterMiss whether kafka-clients just refused it for lack of metadata
     * @return false if the lane became ready meanwhile and the caller must send it itself
     */
    boolean offer(ProducerRecord<byte[], byte[]> record, SendCompletion completion, boolean afterMiss) {
        String topic = record.topic();
        TopicLane lane = lanes.computeIfAbsent(topic, TopicLane::new);
        int size = RecordSizeEstimator.upperBound(
                record.key(), record.value(), record.headers().toArray());
        TopicLane.Offer result;
        synchronized (lane) {
            if (lane.ready && !afterMiss) {
                return false;
            }
            if (stopped) {
                // raced with close: nobody would hand this record over any more
                completion.failHeld(failures.closedWhilePending(topic, completion.key()), "TopicMetadataUnavailable");
                return true;
            }
            if (lane.ready) {
                lane.ready = false;
                lane.waitingSince = System.nanoTime();
                waitingLanes.incrementAndGet();
            }
            result = lane.add(record, completion, size, limits);
            if (result == TopicLane.Offer.QUEUED) {
                queued.incrementAndGet();
            }
        }
        if (result == TopicLane.Offer.QUEUED) {
            LockSupport.unpark(thread);
        } else {
            completion.failHeld(failures.pendingFull(topic, completion.key(), result, limits), "PendingFull");
        }
        return true;
    }

    /** Waits until no record waits for metadata (handed over or failed). */
    void awaitEmpty() throws InterruptedException {
        awaitEmpty(Long.MAX_VALUE);
    }

    /**
     * Waits until no record waits for metadata, or the deadline passes.
     *
     * @param timeoutNanos the longest wait
     * @return whether none waits
     */
    boolean awaitEmpty(long timeoutNanos) throws InterruptedException {
        long start = System.nanoTime();
        synchronized (emptied) {
            while (queued.get() > 0 && !stopped) {
                long left = timeoutNanos - (System.nanoTime() - start);
                if (left <= 0) {
                    return false;
                }
                emptied.wait(Math.max(1, Math.min(100, TimeUnit.NANOSECONDS.toMillis(left))));
            }
        }
        return queued.get() == 0;
    }

    /** Stops the thread and fails every record still waiting for metadata. */
    void close() {
        stopped = true;
        LockSupport.unpark(thread);
        try {
            thread.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (TopicLane lane : lanes.values()) {
            synchronized (lane) {
                removed(lane.failAll(entry -> failures.closedWhilePending(entry.topic(), entry.key())));
            }
        }
        if (diagnosis != null) {
            diagnosis.close();
        }
    }

    private void run() {
        while (!stopped) {
            boolean waiting = false;
            for (TopicLane lane : lanes.values()) {
                if (!lane.ready) {
                    waiting = true;
                    try {
                        service(lane);
                    } catch (RuntimeException e) {
                        LOG.warn("Handing records for topic {} to the producer failed", lane.topic, e);
                    }
                }
            }
            if (waiting) {
                LockSupport.parkNanos(this, TICK_NANOS);
            } else {
                LockSupport.park(this);
            }
        }
    }

    private void service(TopicLane lane) {
        List<PartitionInfo> partitions = null;
        RuntimeException refusal = null;
        try {
            partitions = kafka.partitionsFor(lane.topic);
        } catch (TimeoutException e) {
            // no metadata yet
        } catch (RuntimeException e) {
            refusal = e;
        }
        long now = System.nanoTime();
        synchronized (lane) {
            if (refusal != null) {
                RuntimeException cause = refusal;
                removed(lane.failAll(entry -> failures.translate(cause, entry.topic(), -1, entry.key(), true)));
            } else if (partitions != null) {
                int count = partitions.size();
                lane.probe = null;
                removed(lane.drain(
                        kafka,
                        count,
                        entry -> failures.noSuchPartition(
                                entry.topic(), entry.key(), entry.record().partition(), count)));
            } else if (lane.probe != null
                    || now - lane.waitingSince >= TimeUnit.MILLISECONDS.toNanos(limits.missingTopicTimeoutMs())
                            && clusterAnsweredSince(lane.waitingSince, now)) {
                missing(lane, now);
            } else {
                expire(lane, now);
            }
            if (lane.isEmpty()) {
                // with metadata: direct sends again; without (all failed): the next send starts afresh
                lane.ready = true;
                lane.probe = null;
                waitingLanes.decrementAndGet();
            }
        }
    }

    /**
     * The cluster answered without the topic for {@code missing-topic-timeout}: asks it why, and
     * fails the records with the answer once it comes (or the question's bound passes).
     */
    private void missing(TopicLane lane, long now) {
        if (lane.probe == null) {
            if (diagnosis == null) {
                failMissing(lane, now, TopicDiagnosis.Verdict.UNKNOWN);
                return;
            }
            lane.probe = diagnosis.start(lane.topic);
        }
        TopicDiagnosis.Verdict verdict = lane.probe.verdict(now);
        if (verdict == null) {
            expire(lane, now);
        } else if (verdict == TopicDiagnosis.Verdict.EXISTS) {
            // created meanwhile: the producer's metadata follows; give it another timeout
            lane.probe = null;
            lane.waitingSince = now;
            expire(lane, now);
        } else {
            failMissing(lane, now, verdict);
        }
    }

    private void failMissing(TopicLane lane, long now, TopicDiagnosis.Verdict verdict) {
        long waitedMs = TimeUnit.NANOSECONDS.toMillis(now - lane.waitingSince);
        lane.probe = null;
        removed(lane.failAll(entry -> switch (verdict) {
            case NOT_AUTHORIZED -> failures.topicNotAuthorized(entry.topic(), entry.key(), waitedMs);
            case MISSING -> failures.topicDoesNotExist(entry.topic(), entry.key(), waitedMs);
            default -> failures.missingTopic(entry.topic(), entry.key(), waitedMs);
        }));
    }

    private void expire(TopicLane lane, long now) {
        removed(lane.expire(
                now,
                TimeUnit.MILLISECONDS.toNanos(limits.deliveryTimeoutMs()),
                entry -> failures.noMetadata(entry.topic(), entry.key())));
    }

    /**
     * Whether a metadata response arrived well after the topic started waiting: then the cluster
     * is reachable and left the topic out.
     */
    private boolean clusterAnsweredSince(long sinceNanos, long now) {
        long lastAnswer = metadataAge.lastSuccessNanos(now);
        long settle = Math.min(
                TimeUnit.SECONDS.toNanos(1), TimeUnit.MILLISECONDS.toNanos(limits.missingTopicTimeoutMs()) / 2);
        return lastAnswer - (sinceNanos + settle) > 0;
    }

    private void removed(int count) {
        if (count > 0 && queued.addAndGet(-count) == 0) {
            synchronized (emptied) {
                emptied.notifyAll();
            }
        }
    }
}
