package dev.kafkasdk.consumer.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Keeps the client's paused partitions equal to the union of the reasons to pause: a user
 * {@code pause()}, a retry backoff, or a finished replay window. Poll thread only.
 */
final class PauseManager {

    private final Consumer<byte[], byte[]> consumer;
    private final RetryTracker retries;
    private final WindowTracker windows;
    private final Set<TopicPartition> retryPaused = new HashSet<>();
    private final Set<TopicPartition> full = new HashSet<>();
    private boolean userPaused;

    PauseManager(Consumer<byte[], byte[]> consumer, RetryTracker retries, WindowTracker windows) {
        this.consumer = consumer;
        this.retries = retries;
        this.windows = windows;
    }

    boolean userPaused() {
        return userPaused;
    }

    void pauseForRetry(TopicPartition partition) {
        retryPaused.add(partition);
        consumer.pause(List.of(partition));
    }

    void pauseFinishedWindow(TopicPartition partition) {
        consumer.pause(List.of(partition));
    }

    /**
     * Resumes partitions whose backoff has ended.
     *
     * @param nowNanos the current time
     */
    void resumeDue(long nowNanos) {
        if (retryPaused.isEmpty()) {
            return;
        }
        List<TopicPartition> due = new ArrayList<>();
        for (TopicPartition partition : retryPaused) {
            if (!retries.isWaiting(partition, nowNanos)) {
                due.add(partition);
            }
        }
        if (due.isEmpty()) {
            return;
        }
        due.forEach(retryPaused::remove);
        if (!userPaused) {
            due.removeIf(windows::isFinished);
            due.retainAll(consumer.assignment());
            consumer.resume(due);
        }
    }

    /**
     * Concurrent modes' back-pressure: pauses partitions that became full, resumes those no longer full
     * unless another reason holds them.
     *
     * @param nowFull the partitions whose queues are full
     * @return how many partitions were newly paused
     */
    int backpressure(Set<TopicPartition> nowFull) {
        if (nowFull.equals(full)) {
            return 0;
        }
        List<TopicPartition> pause = new ArrayList<>(nowFull);
        pause.removeAll(full);
        List<TopicPartition> resume = new ArrayList<>(full);
        resume.removeAll(nowFull);
        full.clear();
        full.addAll(nowFull);
        if (!pause.isEmpty()) {
            consumer.pause(pause);
        }
        if (!userPaused && !resume.isEmpty()) {
            resume.removeAll(retryPaused);
            resume.removeIf(windows::isFinished);
            resume.retainAll(consumer.assignment());
            consumer.resume(resume);
        }
        return pause.size();
    }

    /**
     * Whether back-pressure pauses every one of {@code assignment} (and it is not empty): then a poll
     * can return no records.
     *
     * @param assignment the assigned partitions
     * @return {@code true} when all are paused for back-pressure
     */
    boolean backpressureCovers(Set<TopicPartition> assignment) {
        return !assignment.isEmpty() && full.containsAll(assignment);
    }

    boolean hasBackpressure() {
        return !full.isEmpty();
    }

    boolean hasRetryPaused() {
        return !retryPaused.isEmpty();
    }

    void setUserPaused(boolean paused) {
        userPaused = paused;
        Set<TopicPartition> assignment = consumer.assignment();
        if (paused) {
            consumer.pause(assignment);
        } else {
            List<TopicPartition> resume = new ArrayList<>(assignment);
            resume.removeAll(retryPaused);
            resume.removeAll(full);
            resume.removeIf(windows::isFinished);
            consumer.resume(resume);
        }
    }

    void onAssigned(Collection<TopicPartition> partitions) {
        if (userPaused && !partitions.isEmpty()) {
            consumer.pause(partitions);
        }
    }

    /**
     * Drops a partition's retry pause (after a user seek) and resumes it unless another reason holds.
     *
     * @param partition the partition
     */
    void release(TopicPartition partition) {
        retryPaused.remove(partition);
        full.remove(partition);
        if (!userPaused && !windows.isFinished(partition)) {
            consumer.resume(List.of(partition));
        }
    }

    void forget(Collection<TopicPartition> partitions) {
        retryPaused.removeAll(partitions);
        full.removeAll(partitions);
    }
}
