package dev.kafkasdk.consumer.internal;

import dev.kafkasdk.consumer.LivenessAdvisor;
import dev.kafkasdk.consumer.LivenessFinding;
import dev.kafkasdk.consumer.LivenessInputs;
import dev.kafkasdk.consumer.LivenessReport;
import dev.kafkasdk.core.config.GroupProtocol;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the {@link LivenessAdvisor} with live measurements of one consumer: GC pauses, the
 * handler's per-record time and, under the consumer protocol, the broker's group timeouts.
 * {@link #report()} is safe from any thread.
 */
final class LivenessMonitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LivenessMonitor.class);
    private static final Duration BROKER_TIMEOUT = Duration.ofSeconds(5);

    private final ConsumerSpec<?, ?> spec;
    private volatile GcPauseMonitor gc;
    private final ProcessingStats stats;
    private volatile BrokerGroupConfig.Timeouts broker = BrokerGroupConfig.Timeouts.UNKNOWN;

    LivenessMonitor(ConsumerSpec<?, ?> spec, ProcessingStats stats) {
        this.spec = spec;
        this.stats = stats;
    }

    /** Starts observing GC pauses; called once when the consumer starts. */
    void startGcMonitor() {
        if (spec.liveness().enabled() && gc == null) {
            gc = GcPauseMonitor.start();
        }
    }

    /** Reads broker settings if needed and logs the start-up report. Runs on the poll thread. */
    void checkAtStart() {
        if (!spec.liveness().enabled()) {
            return;
        }
        if (spec.protocol() == GroupProtocol.CONSUMER && spec.liveness().readBrokerConfig()) {
            broker = readBroker();
        }
        LivenessReport report = report();
        if (report.worst().compareTo(LivenessFinding.Severity.WARNING) >= 0) {
            LOG.warn("Consumer {}: {}", spec.clientId(), report.format().strip());
        } else {
            LOG.debug("Consumer {}: {}", spec.clientId(), report.format().strip());
        }
    }

    private BrokerGroupConfig.Timeouts readBroker() {
        Optional<Admin> given = spec.liveness().admin();
        if (given.isPresent()) {
            return BrokerGroupConfig.read(given.get(), spec.groupId(), BROKER_TIMEOUT);
        }
        Map<String, Object> adminProps = new HashMap<>();
        spec.kafkaProperties().forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                adminProps.put(key, value);
            }
        });
        adminProps.put(AdminClientConfig.CLIENT_ID_CONFIG, spec.clientId() + "-liveness");
        try (Admin admin = Admin.create(adminProps)) {
            return BrokerGroupConfig.read(admin, spec.groupId(), BROKER_TIMEOUT);
        } catch (RuntimeException e) {
            LOG.info("Cannot create an admin client to read broker group settings: {}", e.toString());
            return BrokerGroupConfig.Timeouts.UNKNOWN;
        }
    }

    LivenessReport report() {
        return LivenessAdvisor.evaluate(new LivenessInputs(
                spec.protocol(),
                spec.sessionTimeout(),
                spec.heartbeatInterval(),
                spec.maxPollInterval(),
                spec.maxPollRecords(),
                maxGcPause(),
                stats.percentile(0.99),
                broker.session(),
                broker.heartbeat(),
                spec.liveness().enabled() && spec.liveness().adaptiveBatch(),
                spec.liveness().budgetFraction()));
    }

    private Optional<Duration> maxGcPause() {
        GcPauseMonitor monitor = gc;
        return monitor == null ? Optional.empty() : monitor.maxPause();
    }

    @Override
    public void close() {
        GcPauseMonitor monitor = gc;
        if (monitor != null) {
            monitor.close();
        }
    }
}
