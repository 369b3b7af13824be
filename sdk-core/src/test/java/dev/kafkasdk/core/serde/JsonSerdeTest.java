package dev.kafkasdk.core.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {

    record Order(String id, Instant placed) {}

    private final JsonSerde<Order> serde = JsonSerde.of(Order.class, JsonSerde.defaultMapper());

    @Test
    void writesJavaTimeAsIsoStringsAndReadsItBack() {
        Order order = new Order("o-1", Instant.parse("2026-11-25T12:00:00Z"));

        byte[] json = serde.serializer().serialize("orders", order);

        assertThat(new String(json, StandardCharsets.UTF_8))
                .isEqualTo("{\"id\":\"o-1\",\"placed\":\"2026-11-25T12:00:00Z\"}");
        assertThat(serde.deserializer().deserialize("orders", json)).isEqualTo(order);
    }

    @Test
    void readerIgnoresPropertiesANewerWriterAdded() {
        byte[] json = "{\"id\":\"o-2\",\"placed\":\"2026-11-25T12:00:00Z\",\"coupon\":\"X\"}"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(serde.deserializer().deserialize("orders", json).id()).isEqualTo("o-2");
    }

    @Test
    void nullAndEmptyBytesReadAsNull() {
        assertThat(serde.deserializer().deserialize("orders", null)).isNull();
        assertThat(serde.deserializer().deserialize("orders", new byte[0])).isNull();
        assertThat(serde.serializer().serialize("orders", null)).isNull();
    }

    @Test
    void unreadableJsonNamesTheTopicTheTypeAndTheSize() {
        byte[] broken = "{not json".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> serde.deserializer().deserialize("orders", broken))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("9 bytes from topic orders")
                .hasMessageContaining("Order");
    }

    @Test
    void genericTypesRoundTrip() {
        JsonSerde<List<Order>> list = JsonSerde.of(new TypeReference<List<Order>>() {}, JsonSerde.defaultMapper());
        List<Order> orders = List.of(new Order("a", Instant.EPOCH), new Order("b", Instant.EPOCH));

        assertThat(list.deserializer().deserialize("t", list.serializer().serialize("t", orders)))
                .isEqualTo(orders);
    }
}
