package dev.kafkasdk.consumer.internal;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/** Jackson-backed JSON deserializer; {@code null} or empty bytes give {@code null}. Thread-safe. */
public final class JsonDeserializer<T> implements Deserializer<T> {

  private final ObjectReader reader;
  private final JavaType type;

  /**
   * Creates a deserializer.
   *
   * @param mapper the mapper to read with, not modified
   * @param type the target type
   */
  public JsonDeserializer(ObjectMapper mapper, JavaType type) {
    this.reader = mapper.readerFor(type);
    this.type = type;
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null || data.length == 0) {
      return null;
    }
    try {
      return reader.readValue(data);
    } catch (IOException e) {
      throw new SerializationException(
          "cannot read " + data.length + " bytes from topic " + topic + " as JSON " + type + ": " + e.getMessage(), e);
    }
  }
}
