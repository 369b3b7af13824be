package dev.kafkasdk.core.serde;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serde;

/**
 * Ready-made serdes for record keys and values, used by the producer (which takes the
 * serializer half) and the consumer (which takes the deserializer half) alike, so both sides of
 * a topic name its format the same way. Each returns a kafka-clients {@link Serde}, so any serde
 * written for Kafka works with the SDK too.
 *
 * <p>Factory names are singular and name the Java type a record carries: {@link #string()},
 * {@link #byteArray()}, {@link #integer()}, {@link #longValue()} ({@code long} is a Java
 * keyword), {@link #uuid()} and {@link #json(Class)}.
 *
 * <p>Every serde returned here is stateless or immutable and thread-safe. {@code null} maps to
 * {@code null} bytes and back (a {@code null} value is a tombstone on compacted topics). The
 * consumer skips decoding entirely when key and value both use {@link #byteArray()}.
 *
 * @since 0.1
 */
public final class Serdes {

    private Serdes() {}

    /**
     * UTF-8 strings.
     *
     * @return a string serde
     */
    public static Serde<String> string() {
        return org.apache.kafka.common.serialization.Serdes.String();
    }

    /**
     * Raw bytes, passed through unchanged.
     *
     * @return a byte-array serde
     */
    public static Serde<byte[]> byteArray() {
        return org.apache.kafka.common.serialization.Serdes.ByteArray();
    }

    /**
     * 32-bit integers as 4 big-endian bytes.
     *
     * @return an integer serde
     */
    public static Serde<Integer> integer() {
        return org.apache.kafka.common.serialization.Serdes.Integer();
    }

    /**
     * 64-bit integers as 8 big-endian bytes.
     *
     * @return a long serde
     */
    public static Serde<Long> longValue() {
        return org.apache.kafka.common.serialization.Serdes.Long();
    }

    /**
     * UUIDs in their 36-character text form, UTF-8 encoded.
     *
     * @return a UUID serde
     */
    public static Serde<UUID> uuid() {
        return org.apache.kafka.common.serialization.Serdes.UUID();
    }

    /**
     * JSON through Jackson with the SDK's default mapper ({@link JsonSerde#defaultMapper()}):
     * {@code java.time} types as ISO-8601 strings, unknown properties ignored when reading (so
     * producers can add fields without breaking older readers). {@code null} or empty bytes read
     * as {@code null}.
     *
     * @param type the class to write and read
     * @param <T> the value type
     * @return a JSON serde
     */
    public static <T> Serde<T> json(Class<T> type) {
        return JsonSerde.of(type, JsonSerde.defaultMapper());
    }

    /**
     * JSON through Jackson with the caller's mapper. The mapper is used as it is, never
     * reconfigured; Jackson mappers are thread-safe once configured.
     *
     * @param type the class to write and read
     * @param mapper the caller's object mapper
     * @param <T> the value type
     * @return a JSON serde
     */
    public static <T> Serde<T> json(Class<T> type, ObjectMapper mapper) {
        return JsonSerde.of(type, mapper);
    }

    /**
     * JSON for a generic type, such as {@code new TypeReference<List<Order>>() {}}, with the
     * SDK's default mapper (see {@link #json(Class)}).
     *
     * @param type the full generic type
     * @param <T> the value type
     * @return a JSON serde
     */
    public static <T> Serde<T> json(TypeReference<T> type) {
        return JsonSerde.of(type, JsonSerde.defaultMapper());
    }

    /**
     * JSON for a generic type with the caller's mapper, used as it is.
     *
     * @param type the full generic type
     * @param mapper the caller's object mapper
     * @param <T> the value type
     * @return a JSON serde
     */
    public static <T> Serde<T> json(TypeReference<T> type, ObjectMapper mapper) {
        return JsonSerde.of(type, mapper);
    }
}
