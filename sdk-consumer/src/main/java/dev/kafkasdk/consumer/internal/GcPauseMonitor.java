package dev.kafkasdk.consumer.internal;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Observes stop-the-world GC pauses through {@link GarbageCollectionNotificationInfo} notifications.
 * Concurrent collector cycles (beans named "... Cycles" or "... Concurrent ...") are not pauses and
 * are ignored. Where the JVM offers no notifications the monitor reports nothing.
 *
 * <p>Thread-safe: notifications arrive on a JMX thread; readers use any thread.
 */
public final class GcPauseMonitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GcPauseMonitor.class);

    private final AtomicLong maxPauseMillis = new AtomicLong(-1);
    private final AtomicLong pauses = new AtomicLong();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::onNotification;

    private GcPauseMonitor() {}

    /**
     * Starts listening on every GC bean that emits notifications.
     *
     * @return a running monitor; close it to stop listening
     */
    public static GcPauseMonitor start() {
        GcPauseMonitor monitor = new GcPauseMonitor();
        try {
            for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (bean instanceof NotificationEmitter emitter && isPauseCollector(bean.getName())) {
                    emitter.addNotificationListener(monitor.listener, null, null);
                    monitor.emitters.add(emitter);
                }
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("GC notifications unavailable; GC pauses will not be measured", e);
        }
        return monitor;
    }

    static boolean isPauseCollector(String name) {
        return !(name.contains("Cycles") || name.contains("Concurrent"));
    }

    private void onNotification(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        if (!isPauseCollector(info.getGcName())) {
            return;
        }
        record(info.getGcInfo().getDuration());
    }

    /**
     * Records one pause (also used by tests).
     *
     * @param millis the pause length
     */
    void record(long millis) {
        pauses.incrementAndGet();
        maxPauseMillis.accumulateAndGet(millis, Math::max);
    }

    /**
     * The longest pause seen since start.
     *
     * @return the pause, or empty if none was observed
     */
    public Optional<Duration> maxPause() {
        long max = maxPauseMillis.get();
        return max < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(max));
    }

    /**
     * How many pauses were observed.
     *
     * @return the count
     */
    public long pauseCount() {
        return pauses.get();
    }

    @Override
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                LOG.debug("GC listener already removed", e);
            }
        }
        emitters.clear();
    }
}
