package dev.kafkasdk.core.observation;

import io.micrometer.observation.transport.Propagator;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes trace context in Kafka record headers, as UTF-8 text. Writing replaces any
 * header of the same name, so a record that is forwarded or dead-lettered carries one
 * {@code traceparent}, the new one. Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class KafkaHeadersCarrier {

    /** Writes a header, replacing earlier headers of that name. */
    public static final Propagator.Setter<Headers> SETTER = KafkaHeadersCarrier::set;

    /** Reads the last header of a name. */
    public static final Propagator.Getter<Headers> GETTER = KafkaHeadersCarrier::get;

    private KafkaHeadersCarrier() {}

    private static void set(@Nullable Headers headers, String name, String value) {
        if (headers == null) {
            return;
        }
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The last header of a name as UTF-8 text.
     *
     * @param headers the headers
     * @param name the header name
     * @return the value, or {@code null} if there is no such header or it has no value
     */
    public static @Nullable String get(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
