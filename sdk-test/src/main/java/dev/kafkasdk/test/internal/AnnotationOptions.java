package dev.kafkasdk.test.internal;

import dev.kafkasdk.test.EmbeddedKafkaOptions;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaSecurity;
import dev.kafkasdk.test.KafkaTestKitException;
import dev.kafkasdk.test.SecuredListener;
import dev.kafkasdk.test.SecurityOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a {@link KafkaBroker} annotation into {@link EmbeddedKafkaOptions}. Stateless and thread-safe. */
public final class AnnotationOptions {

    private AnnotationOptions() {}

    /**
     * Converts the annotation's attributes; {@code null} (extension registered without the
     * annotation) gives the default options.
     *
     * @param annotation the annotation, may be {@code null}
     * @param testClass  the annotated class, named in error messages
     * @return the options
     * @throws KafkaTestKitException naming every malformed {@code brokerProperties} line or invalid value
     */
    public static EmbeddedKafkaOptions toOptions(KafkaBroker annotation, Class<?> testClass) {
        if (annotation == null) {
            return EmbeddedKafkaOptions.defaults();
        }
        try {
            return EmbeddedKafkaOptions.builder()
                    .nodes(annotation.nodes())
                    .backend(annotation.backend())
                    .brokerProperties(parse(annotation.brokerProperties()))
                    .defaultPartitions(annotation.partitions())
                    .startupTimeout(Duration.ofSeconds(annotation.startupTimeoutSeconds()))
                    .security(security(annotation.security()))
                    .faultProxy(annotation.faultProxy())
                    .brokerVersion(annotation.version())
                    .build();
        } catch (KafkaTestKitException e) {
            throw new KafkaTestKitException("@KafkaBroker on " + testClass.getName() + ": " + e.getMessage(), e);
        }
    }

    private static SecurityOptions security(KafkaSecurity security) {
        SecuredListener[] interBroker = security.interBrokerListener();
        if (interBroker.length > 1) {
            throw new KafkaTestKitException("Invalid Kafka test cluster security: security.interBrokerListener="
                    + List.of(interBroker) + ": name at most one listener, e.g. SASL_SSL");
        }
        SecurityOptions.Builder builder = SecurityOptions.builder();
        if (interBroker.length == 1) {
            builder.interBroker(interBroker[0], security.interBrokerMechanism());
        }
        return builder.listeners(security.listeners())
                .users(security.users())
                .authorizer(security.authorizer())
                .superUser(security.superUser())
                .oauth(security.oauth())
                .tokenLifetime(Duration.ofSeconds(security.tokenLifetimeSeconds()))
                .certificateHosts(security.certificateHosts())
                .build();
    }

    /**
     * Parses {@code key=value} lines; the value may contain further {@code =} characters.
     *
     * @param lines the lines
     * @return the keys and values in order
     * @throws KafkaTestKitException listing every line without {@code =} or with an empty key
     */
    static Map<String, String> parse(String[] lines) {
        Map<String, String> result = new LinkedHashMap<>();
        List<String> malformed = new ArrayList<>();
        for (String line : lines) {
            int equals = line.indexOf('=');
            if (equals <= 0 || line.substring(0, equals).isBlank()) {
                malformed.add("'" + line + "'");
            } else {
                result.put(
                        line.substring(0, equals).trim(),
                        line.substring(equals + 1).trim());
            }
        }
        if (!malformed.isEmpty()) {
            throw new KafkaTestKitException(
                    "brokerProperties must be key=value lines; malformed: " + String.join(", ", malformed));
        }
        return result;
    }
}
