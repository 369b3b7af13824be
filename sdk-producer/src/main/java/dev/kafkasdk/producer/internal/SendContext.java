package dev.kafkasdk.producer.internal;

import dev.kafkasdk.core.internal.HealthEvents;

/**
 * What every send of one producer shares: where completions run, the meters, the circuit
 * breaker, the in-flight cap, the failure translator and the fatal state. Created once per
 * producer so that a send allocates nothing but its own record, future and completion.
 *
 * @param executor where futures complete and callbacks run
 * @param metrics the SDK's send meters (or the no-op)
 * @param gate the optional circuit breaker
 * @param limiter the optional in-flight cap
 * @param failures the failure translator
 * @param fatal the producer's fatal state
 * @param timestamps the send results' timestamps
 * @param timing whether a send needs a start time: only when meters or a breaker use it
 * @param health notes acknowledgements as contact with the cluster
 */
record SendContext(
        CompletionExecutor executor,
        SendMetrics metrics,
        BreakerGate gate,
        InFlightLimiter limiter,
        FailureTranslator failures,
        FatalState fatal,
        Timestamps timestamps,
        boolean timing,
        HealthEvents health) {

    SendContext(
            CompletionExecutor executor,
            SendMetrics metrics,
            BreakerGate gate,
            InFlightLimiter limiter,
            FailureTranslator failures,
            FatalState fatal,
            HealthEvents health) {
        this(
                executor,
                metrics,
                gate,
                limiter,
                failures,
                fatal,
                new Timestamps(),
                metrics.timing() || gate.enabled(),
                health);
    }
}
