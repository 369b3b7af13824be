package dev.kafkasdk.consumer;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kafkasdk.core.serde.JsonSerde;
import java.util.UUID;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.IntegerDeserializer;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.UUIDDeserializer;

/**
 * Key and value deserializers for {@link SdkConsumer#builder}. Any Kafka {@link Deserializer} works;
 * these are the common ones.
 *
 * <p>The consumer runs deserializers itself, on the poll thread, after Kafka hands it the raw bytes:
 * a failure is a poison pill handled by policy (see {@link SdkConsumerBuilder#onPoisonPill}), never a
 * stuck loop. The consumer neither configures nor closes deserializers it is given.
 */
public final class Deserializers {

  private Deserializers() {}

  /**
   * UTF-8 strings.
   *
   * @return a deserializer
   */
  public static Deserializer<String> string() {
    return new StringDeserializer();
  }

  /**
   * Raw bytes, unchanged. The consumer skips decoding entirely when both key and value use this.
   *
   * @return a deserializer
   */
  public static Deserializer<byte[]> bytes() {
    return new ByteArrayDeserializer();
  }

  /**
   * 4-byte big-endian integers.
   *
   * @return a deserializer
   */
  public static Deserializer<Integer> integer() {
    return new IntegerDeserializer();
  }

  /**
   * 8-byte big-endian longs.
   *
   * @return a deserializer
   */
  public static Deserializer<Long> longs() {
    return new LongDeserializer();
  }

  /**
   * UUIDs in their 36-character string form.
   *
   * @return a deserializer
   */
  public static Deserializer<UUID> uuid() {
    return new UUIDDeserializer();
  }

  /**
   * JSON via Jackson into a class, with the SDK's shared default {@link ObjectMapper}
   * ({@link JsonSerde#defaultMapper()}: ISO-8601 {@code java.time} values, unknown properties
   * ignored), the same JSON the producer's {@code Serdes.json} writes. {@code null} or empty bytes
   * give {@code null}.
   *
   * @param type the target class
   * @param <T> the target type
   * @return a deserializer
   */
  public static <T> Deserializer<T> json(Class<T> type) {
    return json(type, JsonSerde.defaultMapper());
  }

  /**
   * JSON via Jackson into a class with the given mapper.
   *
   * @param type the target class
   * @param mapper the mapper; used concurrently only if the caller shares it, never modified
   * @param <T> the target type
   * @return a deserializer
   */
  public static <T> Deserializer<T> json(Class<T> type, ObjectMapper mapper) {
    return JsonSerde.of(type, mapper).deserializer();
  }

  /**
   * JSON via Jackson into a generic type, e.g. {@code new TypeReference<List<Order>>() {}}.
   *
   * @param type the target type
   * @param <T> the target type
   * @return a deserializer
   */
  public static <T> Deserializer<T> json(TypeReference<T> type) {
    return json(type, JsonSerde.defaultMapper());
  }

  /**
   * JSON via Jackson into a generic type with the given mapper.
   *
   * @param type the target type
   * @param mapper the mapper, never modified
   * @param <T> the target type
   * @return a deserializer
   */
  public static <T> Deserializer<T> json(TypeReference<T> type, ObjectMapper mapper) {
    return JsonSerde.of(type, mapper).deserializer();
  }
}
