package dev.kafkasdk.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.kafkasdk.consumer.internal.RecordDecoder;
import dev.kafkasdk.core.serde.Serdes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class ConsumerSerdesTest {

    record Order(String id, int quantity) {}

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void jsonReadsIntoAClassAndAGenericType() {
        assertThat(Serdes.json(Order.class).deserializer().deserialize("t", utf8("{\"id\":\"a\",\"quantity\":2}")))
                .isEqualTo(new Order("a", 2));
        List<Map<String, Integer>> list = Serdes.json(new TypeReference<List<Map<String, Integer>>>() {})
                .deserializer()
                .deserialize("t", utf8("[{\"x\":1}]"));
        assertThat(list).containsExactly(Map.of("x", 1));
    }

    @Test
    void jsonOfNullBytesIsNullAndBadJsonIsASerializationException() {
        assertThat(Serdes.json(Order.class).deserializer().deserialize("t", null))
                .isNull();
        assertThatThrownBy(() -> Serdes.json(Order.class).deserializer().deserialize("t", utf8("{not json")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic t");
    }

    @Test
    void primitiveDeserializersRoundTrip() {
        UUID id = UUID.randomUUID();
        assertThat(Serdes.uuid().deserializer().deserialize("t", utf8(id.toString())))
                .isEqualTo(id);
        assertThat(Serdes.integer().deserializer().deserialize("t", new byte[] {0, 0, 1, 0}))
                .isEqualTo(256);
        assertThat(Serdes.longValue().deserializer().deserialize("t", new byte[] {0, 0, 0, 0, 0, 0, 0, 7}))
                .isEqualTo(7L);
        assertThat(Serdes.string().deserializer().deserialize("t", utf8("hé"))).isEqualTo("hé");
    }

    @Test
    void decoderKeepsRecordCoordinatesAndReportsWhichPartFailed() {
        RecordDecoder<String, Integer> decoder = new RecordDecoder<>(
                Serdes.string().deserializer(), Serdes.integer().deserializer());
        ConsumerRecord<byte[], byte[]> good = new ConsumerRecord<>("t", 3, 42, utf8("k"), new byte[] {0, 0, 0, 9});
        ConsumerRecord<String, Integer> typed = decoder.decode(good);
        assertThat(typed.key()).isEqualTo("k");
        assertThat(typed.value()).isEqualTo(9);
        assertThat(typed.partition()).isEqualTo(3);
        assertThat(typed.offset()).isEqualTo(42);

        ConsumerRecord<byte[], byte[]> poison = new ConsumerRecord<>("t", 3, 43, utf8("k"), new byte[] {1, 2});
        assertThatThrownBy(() -> decoder.decode(poison))
                .isInstanceOf(RecordDecoder.DecodeException.class)
                .hasMessageContaining("value of t-3@43");
    }

    @Test
    void byteArrayDecodingPassesTheRawRecordThrough() {
        RecordDecoder<byte[], byte[]> decoder = new RecordDecoder<>(
                Serdes.byteArray().deserializer(), Serdes.byteArray().deserializer());
        ConsumerRecord<byte[], byte[]> raw = new ConsumerRecord<>("t", 0, 1, utf8("k"), utf8("v"));

        assertThat(decoder.decode(raw)).isSameAs(raw);
    }
}
