package dev.kafkasdk.test.internal;

import dev.kafkasdk.test.KafkaTestKitException;
import org.apache.kafka.common.utils.internals.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * While at least one in-process broker runs, turns Kafka's {@code Exit.exit}/{@code Exit.halt}
 * (called by the broker on fatal errors) into an exception on the calling broker thread instead of
 * ending the test JVM. Reference-counted; thread-safe.
 */
final class ExitGuard {

    private static final Logger LOG = LoggerFactory.getLogger(ExitGuard.class);
    private static int holders;

    private ExitGuard() {}

    static synchronized void acquire() {
        if (holders++ == 0) {
            Exit.setExitProcedure((status, message) -> refuse("exit", status, message));
            Exit.setHaltProcedure((status, message) -> refuse("halt", status, message));
        }
    }

    static synchronized void release() {
        if (holders > 0 && --holders == 0) {
            Exit.resetExitProcedure();
            Exit.resetHaltProcedure();
        }
    }

    /** How the exception thrown for a refused exit or halt begins. */
    static final String REFUSED_PREFIX = "An in-process Kafka broker asked to ";

    /**
     * @param failure a failure of a broker's start
     * @return whether it, or one of its causes, is a refused exit or halt
     */
    static boolean refusedExit(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof KafkaTestKitException
                    && t.getMessage() != null
                    && t.getMessage().startsWith(REFUSED_PREFIX)) {
                return true;
            }
        }
        return false;
    }

    private static void refuse(String kind, int status, String message) {
        String text = REFUSED_PREFIX + kind + " the JVM with status " + status + (message == null ? "" : ": " + message)
                + "; the test kit refused, the broker is now unusable";
        LOG.error(text);
        throw new KafkaTestKitException(text);
    }
}
