package dev.kafkasdk.producer.internal;

import dev.kafkasdk.core.config.SecuritySettings;
import dev.kafkasdk.core.internal.AuthenticationHints;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TransactionAbortableException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.jspecify.annotations.Nullable;

/**
 * Helps translate kafka-clients exceptions. Once a producer is in an error state, its methods
 * throw a plain {@link KafkaException} ("Cannot execute transactional method because we are in
 * an error state") that wraps the error that caused the state; the SDK classifies by that one.
 */
final class KafkaErrors {

    private KafkaErrors() {}

    /**
     * The exception that says what happened: the first Kafka {@link ApiException} in the cause
     * chain (fenced, not authorized, a failed send), or the exception itself.
     *
     * @param error what a transactional method threw
     * @return the exception to classify and keep as the cause
     */
    static Throwable significantCause(Throwable error) {
        Throwable current = error;
        for (int depth = 0; current != null && depth < 10; depth++) {
            if (current instanceof ApiException) {
                return current;
            }
            current = current.getCause();
        }
        return error;
    }

    /**
     * A short hint on what the caller should do.
     *
     * @param cause the significant cause
     * @return the hint, starting with "; ", or empty
     */
    static String hint(Throwable cause) {
        return hint(cause, null);
    }

    /**
     * A short hint on what the caller should do, naming the client's mechanism and principal for
     * authentication failures.
     *
     * @param cause the significant cause
     * @param security the producer's security settings, if known
     * @return the hint, starting with "; ", or empty
     */
    static String hint(Throwable cause, @Nullable SecuritySettings security) {
        if (cause instanceof ProducerFencedException) {
            return "; another producer with the same transactional.id started and fenced this one,"
                    + " which can no longer be used";
        }
        if (cause instanceof TransactionalIdAuthorizationException) {
            return "; the principal lacks WRITE on the transactional id: grant WRITE and DESCRIBE on"
                    + " TRANSACTIONAL_ID (the transactional-id setting) and create a new producer";
        }
        if (cause instanceof AuthorizationException) {
            return "; the principal lacks an ACL (WRITE on the transactional id or topic, or"
                    + " IDEMPOTENT_WRITE on the cluster); grant it and create a new producer";
        }
        if (cause instanceof InvalidProducerEpochException || cause instanceof TransactionAbortableException) {
            return "; abort the transaction and run it again";
        }
        return AuthenticationHints.hint(cause, security);
    }
}
