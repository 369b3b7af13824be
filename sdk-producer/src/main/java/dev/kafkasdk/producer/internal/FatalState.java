package dev.kafkasdk.producer.internal;

import dev.kafkasdk.core.FatalKafkaSdkException;
import dev.kafkasdk.core.KafkaSdkException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers the first fatal error of a producer (fenced, not authorized, not authenticated,
 * unsupported version, out-of-order sequence). It is logged once; from then on every send fails
 * at once with a message naming it, instead of each send rediscovering it.
 */
final class FatalState {

    private static final Logger LOG = LoggerFactory.getLogger(FatalState.class);

    private final String clientId;
    private final AtomicReference<KafkaSdkException> first = new AtomicReference<>();
    private final Consumer<KafkaSdkException> onFirst;

    FatalState(String clientId) {
        this(clientId, failure -> {});
    }

    /**
     * @param clientId the producer's client id, for the log line
     * @param onFirst told of the first fatal error, once
     */
    FatalState(String clientId, Consumer<KafkaSdkException> onFirst) {
        this.clientId = clientId;
        this.onFirst = onFirst;
    }

    /** The first fatal error, or null while the producer is healthy. */
    KafkaSdkException get() {
        return first.get();
    }

    /**
     * Records a failure if it is a fatal error reported by kafka-clients (a closed producer is
     * not recorded: it is its own state).
     *
     * @param failure the translated failure
     * @return true if this call recorded the producer's first fatal error
     */
    boolean record(KafkaSdkException failure) {
        if (!(failure instanceof FatalKafkaSdkException)
                || failure.getCause() == null
                || failure.getCause() instanceof IllegalStateException) {
            return false;
        }
        if (first.compareAndSet(null, failure)) {
            LOG.error(
                    "Producer {} hit a fatal error and can no longer send; every later send fails"
                            + " at once. Close it and create a new producer after fixing the cause.",
                    clientId,
                    failure);
            onFirst.accept(failure);
            return true;
        }
        return false;
    }
}
