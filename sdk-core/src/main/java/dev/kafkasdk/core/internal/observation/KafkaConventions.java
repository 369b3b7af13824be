package dev.kafkasdk.core.internal.observation;

import static dev.kafkasdk.core.observation.KafkaObservationKeys.ATTEMPT;
import static dev.kafkasdk.core.observation.KafkaObservationKeys.BATCH_COUNT;
import static dev.kafkasdk.core.observation.KafkaObservationKeys.CLIENT_ID;
import static dev.kafkasdk.core.observation.KafkaObservationKeys.CONSUMER_GROUP;
import static dev.kafkasdk.core.observation.KafkaObservationKeys.DESTINATION;
import static dev.kafkasdk.core.observation.KafkaObservationKeys.ERROR_TYPE;
import static dev.kafkasdk.core.observation.KafkaObservationKeys.MESSAGE_KEY;
import static dev.kafkasdk.core.observation.KafkaObservationKeys.OFFSET;
import static dev.kafkasdk.core.observation.KafkaObservationKeys.OPERATION_TYPE;
import static dev.kafkasdk.core.observation.KafkaObservationKeys.OUTCOME;
import static dev.kafkasdk.core.observation.KafkaObservationKeys.PARTITION;
import static dev.kafkasdk.core.observation.KafkaObservationKeys.SYSTEM;

import dev.kafkasdk.core.observation.KafkaBatchProcessContext;
import dev.kafkasdk.core.observation.KafkaProcessContext;
import dev.kafkasdk.core.observation.KafkaSendContext;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The default names and key values of the SDK's observations. Span names follow OpenTelemetry's
 * messaging conventions ({@code send <topic>}, {@code process <topic>}); observation names (the
 * meter names with a meter handler) are {@code kafka.sdk.send}, {@code kafka.sdk.process} and
 * {@code kafka.sdk.process.batch}, apart from the SDK's own {@code kafka.sdk.producer.*} meters.
 */
public final class KafkaConventions {

    /** The send observation's name. */
    public static final String SEND = "kafka.sdk.send";
    /** The record-handling observation's name. */
    public static final String PROCESS = "kafka.sdk.process";
    /** The batch-handling observation's name. */
    public static final String PROCESS_BATCH = "kafka.sdk.process.batch";

    private static final int MAX_KEY_BYTES = 128;

    /** For sends. */
    public static final ObservationConvention<KafkaSendContext> SEND_CONVENTION = new ObservationConvention<>() {
        @Override
        public String getName() {
            return SEND;
        }

        @Override
        public String getContextualName(KafkaSendContext context) {
            return "send " + context.topic();
        }

        @Override
        public KeyValues getLowCardinalityKeyValues(KafkaSendContext context) {
            return KeyValues.of(
                    SYSTEM, "kafka",
                    OPERATION_TYPE, "send",
                    DESTINATION, context.topic(),
                    CLIENT_ID, context.clientId(),
                    OUTCOME, outcome(context),
                    ERROR_TYPE, errorType(context));
        }

        @Override
        public KeyValues getHighCardinalityKeyValues(KafkaSendContext context) {
            KeyValues values = context.partition() < 0
                    ? KeyValues.empty()
                    : KeyValues.of(PARTITION, Integer.toString(context.partition()));
            if (context.offset() >= 0) {
                values = values.and(OFFSET, Long.toString(context.offset()));
            }
            return withKey(values, context.key());
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return context instanceof KafkaSendContext;
        }
    };

    /** For handled records. */
    public static final ObservationConvention<KafkaProcessContext> PROCESS_CONVENTION = new ObservationConvention<>() {
        @Override
        public String getName() {
            return PROCESS;
        }

        @Override
        public String getContextualName(KafkaProcessContext context) {
            return "process " + context.topic();
        }

        @Override
        public KeyValues getLowCardinalityKeyValues(KafkaProcessContext context) {
            return KeyValues.of(
                    SYSTEM, "kafka",
                    OPERATION_TYPE, "process",
                    DESTINATION, context.topic(),
                    CLIENT_ID, context.clientId(),
                    CONSUMER_GROUP, group(context.group()),
                    OUTCOME, outcome(context),
                    ERROR_TYPE, errorType(context));
        }

        @Override
        public KeyValues getHighCardinalityKeyValues(KafkaProcessContext context) {
            return withKey(
                    KeyValues.of(
                            PARTITION, Integer.toString(context.partition()),
                            OFFSET, Long.toString(context.offset()),
                            ATTEMPT, Integer.toString(context.attempt())),
                    context.key());
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return context instanceof KafkaProcessContext;
        }
    };

    /** For handled batches. */
    public static final ObservationConvention<KafkaBatchProcessContext> BATCH_CONVENTION =
            new ObservationConvention<>() {
                @Override
                public String getName() {
                    return PROCESS_BATCH;
                }

                @Override
                public String getContextualName(KafkaBatchProcessContext context) {
                    return context.topics().size() == 1
                            ? "process " + context.topics().iterator().next()
                            : "process";
                }

                @Override
                public KeyValues getLowCardinalityKeyValues(KafkaBatchProcessContext context) {
                    String destination = context.topics().size() == 1
                            ? context.topics().iterator().next()
                            : "(several)";
                    return KeyValues.of(
                            SYSTEM, "kafka",
                            OPERATION_TYPE, "process",
                            DESTINATION, destination,
                            CLIENT_ID, context.clientId(),
                            CONSUMER_GROUP, group(context.group()),
                            OUTCOME, outcome(context),
                            ERROR_TYPE, errorType(context));
                }

                @Override
                public KeyValues getHighCardinalityKeyValues(KafkaBatchProcessContext context) {
                    return KeyValues.of(BATCH_COUNT, Integer.toString(context.count()));
                }

                @Override
                public boolean supportsContext(Observation.Context context) {
                    return context instanceof KafkaBatchProcessContext;
                }
            };

    private KafkaConventions() {}

    private static String outcome(Observation.Context context) {
        return context.getError() == null ? "success" : "failure";
    }

    private static String errorType(Observation.Context context) {
        Throwable error = context.getError();
        return error == null ? "none" : error.getClass().getSimpleName();
    }

    private static String group(@Nullable String group) {
        return group == null ? "none" : group;
    }

    private static KeyValues withKey(KeyValues values, byte @Nullable [] key) {
        String text = keyText(key);
        return text == null ? values : values.and(MESSAGE_KEY, text);
    }

    /** The key as text if it is short, valid UTF-8 without control characters; else null. */
    static @Nullable String keyText(byte @Nullable [] key) {
        if (key == null || key.length == 0 || key.length > MAX_KEY_BYTES) {
            return null;
        }
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(key))
                    .toString();
            return text.chars().anyMatch(Character::isISOControl) ? null : text;
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
