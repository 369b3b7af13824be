package dev.kafkasdk.consumer.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a share consumer carries from one poll's {@link ShareRound} to the next: the outcomes workers
 * report, the number of handler tasks running, the records whose acquisition lock was renewed
 * (RENEW) while their handler still ran, and the lock duration the renewals are timed against.
 *
 * <p>A renewed record leaves its round: kafka-clients hands it back on a later poll (same delivery
 * count), and that poll's round acknowledges it once its outcome is known. Everything but
 * {@link #outcomes}, {@link #runningTasks} and {@link #lockDuration} is confined to the poll thread.
 */
final class ShareInFlight {

    private static final Logger LOG = LoggerFactory.getLogger(ShareInFlight.class);
    /** How long past its lock a renewed record may stay away before the consumer gives it up. */
    private static final long RETURN_GRACE_NANOS = TimeUnit.SECONDS.toNanos(10);

    /** One record of a share partition. */
    record Key(String topic, int partition, long offset) {
        static Key of(ConsumerRecord<?, ?> record) {
            return new Key(record.topic(), record.partition(), record.offset());
        }
    }

    /** How a record's work ended. */
    enum Verdict {
        /** The handler succeeded (or the batch set ACCEPT). */
        SUCCEEDED,
        /** The handler failed; retriable if attempts remain and retryOn accepts the failure. */
        FAILED,
        /** The batch handler set RELEASE. */
        RELEASED,
        /** The batch handler set REJECT. */
        REJECTED,
        /** The dead letter is stored. */
        STORED,
        /** The dead letter could not be stored. */
        STORE_FAILED
    }

    /** A record's outcome, reported by a worker or a dead-letter publish. */
    record Outcome(Key key, Verdict verdict, @Nullable Throwable failure) {}

    /** A record renewed and not yet handed back by kafka-clients. */
    static final class Renewal {
        final long renewedNanos;
        final boolean started;

        @Nullable
        Outcome outcome;

        Renewal(long renewedNanos, boolean started) {
            this.renewedNanos = renewedNanos;
            this.started = started;
        }
    }

    final LinkedBlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
    final AtomicInteger runningTasks = new AtomicInteger();
    final Map<Key, Renewal> renewing = new HashMap<>();
    private final String clientId;
    private volatile long lockMillis;

    ShareInFlight(Duration lockDuration, String clientId) {
        this.lockMillis = lockDuration.toMillis();
        this.clientId = clientId;
    }

    /** @return the acquisition lock duration renewals are timed against */
    Duration lockDuration() {
        return Duration.ofMillis(lockMillis);
    }

    /** Takes the lock duration kafka-clients reports for the last fetch, when it reports one. */
    void lockDuration(long millis) {
        if (millis > 0) {
            lockMillis = millis;
        }
    }

    /** @return how long a record may be held before its lock is renewed: half the lock duration */
    long renewAfterNanos() {
        return TimeUnit.MILLISECONDS.toNanos(lockMillis) / 2;
    }

    /**
     * Gives up renewed records that kafka-clients has not handed back within the lock duration and a
     * grace: their renewal failed and the broker delivers them again, possibly to another member.
     *
     * @param nowNanos {@link System#nanoTime()}
     * @return how many were given up
     */
    int expireStale(long nowNanos) {
        long limit = TimeUnit.MILLISECONDS.toNanos(lockMillis) + RETURN_GRACE_NANOS;
        int expired = 0;
        for (Iterator<Map.Entry<Key, Renewal>> it = renewing.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Key, Renewal> e = it.next();
            if (nowNanos - e.getValue().renewedNanos > limit) {
                LOG.warn(
                        "{}: renewed record {}-{}@{} did not come back within the lock; the broker delivers it"
                                + " again",
                        clientId,
                        e.getKey().topic(),
                        e.getKey().partition(),
                        e.getKey().offset());
                it.remove();
                expired++;
            }
        }
        return expired;
    }
}
