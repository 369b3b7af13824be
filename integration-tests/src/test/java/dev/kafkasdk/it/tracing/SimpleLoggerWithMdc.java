package dev.kafkasdk.it.tracing;

import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.simple.SimpleServiceProvider;
import org.slf4j.spi.MDCAdapter;

/**
 * slf4j-simple with a working MDC (its own is a no-op), so that tests can see what the SDK puts in
 * the MDC. Chosen with {@code -Dslf4j.provider} in this module's failsafe configuration.
 */
public final class SimpleLoggerWithMdc extends SimpleServiceProvider {

    private final MDCAdapter mdc = new BasicMDCAdapter();

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }
}
