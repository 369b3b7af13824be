package dev.kafkasdk.core.internal;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/**
 * Sorts kafka-clients exceptions into retriable, fatal and other. Not part of the API.
 */
public final class ErrorClassification {

    /** The three kinds of failure the exception family distinguishes. */
    public enum Kind {
        /** A retry may succeed. */
        RETRIABLE,
        /** The client is unusable. */
        FATAL,
        /** Neither is known. */
        OTHER
    }

    private ErrorClassification() {}

    /**
     * Classifies an exception, looking through one level of {@link ExecutionException} or
     * {@link CompletionException}.
     *
     * @param error the exception; {@code null} gives {@link Kind#OTHER}
     * @return its kind
     */
    public static Kind classify(Throwable error) {
        Throwable t = error;
        if ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof RetriableException) {
            return Kind.RETRIABLE;
        }
        if (t instanceof ProducerFencedException
                || t instanceof FencedInstanceIdException
                || t instanceof AuthenticationException
                || t instanceof AuthorizationException
                || t instanceof UnsupportedVersionException
                || t instanceof OutOfOrderSequenceException) {
            return Kind.FATAL;
        }
        return Kind.OTHER;
    }
}
