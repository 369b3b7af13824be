package dev.kafkasdk.core.serde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.Objects;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Jackson-backed serde, behind {@link Serdes#json(Class)}, so that producer and consumer read
 * and write JSON the same way. The writer
 * and reader are resolved once for the target type, so each call does no type lookup.
 * Thread-safe. A caller's {@link ObjectMapper} is used as it is, never reconfigured.
 *
 * <p>The {@linkplain #defaultMapper() default mapper} writes {@code java.time} values as ISO-8601
 * strings and ignores unknown properties when reading, so a consumer tolerates fields that a newer
 * producer added. A {@code null} value, and on the reading side an empty one, is {@code null}.
 *
 * @param <T> the value type
 * @since 0.1
 */
public final class JsonSerde<T> implements Serde<T> {

    private static final ObjectMapper DEFAULT_MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final JavaType type;
    private final ObjectWriter writer;
    private final ObjectReader reader;

    private JsonSerde(JavaType type, ObjectMapper mapper) {
        this.type = type;
        this.writer = mapper.writerFor(type);
        this.reader = mapper.readerFor(type);
    }

    /**
     * The SDK's default mapper; shared, never handed out for modification.
     *
     * @return the default mapper
     */
    public static ObjectMapper defaultMapper() {
        return DEFAULT_MAPPER;
    }

    /**
     * A serde for a class.
     *
     * @param type the class
     * @param mapper the mapper to use, not modified
     * @param <T> the value type
     * @return the serde
     */
    public static <T> JsonSerde<T> of(Class<T> type, ObjectMapper mapper) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(mapper, "mapper");
        return new JsonSerde<>(mapper.constructType(type), mapper);
    }

    /**
     * A serde for a generic type.
     *
     * @param type the type reference
     * @param mapper the mapper to use, not modified
     * @param <T> the value type
     * @return the serde
     */
    public static <T> JsonSerde<T> of(TypeReference<T> type, ObjectMapper mapper) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(mapper, "mapper");
        return new JsonSerde<>(mapper.constructType(type), mapper);
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, data) -> {
            if (data == null) {
                return null;
            }
            try {
                return writer.writeValueAsBytes(data);
            } catch (JsonProcessingException e) {
                throw new SerializationException(
                        "Cannot write " + data.getClass().getName() + " as JSON (" + type + ") for topic " + topic
                                + ": " + e.getOriginalMessage(),
                        e);
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, data) -> {
            if (data == null || data.length == 0) {
                return null;
            }
            try {
                return reader.readValue(data);
            } catch (IOException e) {
                throw new SerializationException(
                        "Cannot read " + data.length + " bytes from topic " + topic + " as JSON " + type + ": "
                                + e.getMessage(),
                        e);
            }
        };
    }

    @Override
    public String toString() {
        return "JsonSerde{" + type + "}";
    }
}
