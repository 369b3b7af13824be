package dev.kafkasdk.core.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class SerdesTest {

    record Order(String orderId, long cents, Instant placedAt) {}

    private static <T> T roundTrip(Serde<T> serde, T value) {
        byte[] bytes = serde.serializer().serialize("t", value);
        return serde.deserializer().deserialize("t", bytes);
    }

    @Test
    void primitiveSerdesRoundTrip() {
        UUID id = UUID.randomUUID();

        assertThat(roundTrip(Serdes.string(), "héllo")).isEqualTo("héllo");
        assertThat(roundTrip(Serdes.byteArray(), new byte[] {1, 2, 3})).containsExactly(1, 2, 3);
        assertThat(roundTrip(Serdes.integer(), -42)).isEqualTo(-42);
        assertThat(roundTrip(Serdes.longValue(), Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
        assertThat(roundTrip(Serdes.uuid(), id)).isEqualTo(id);
        assertThat(Serdes.longValue().serializer().serialize("t", 1L)).hasSize(8);
    }

    @Test
    void nullsStayNull() {
        assertThat(Serdes.string().serializer().serialize("t", null)).isNull();
        assertThat(Serdes.json(Order.class).serializer().serialize("t", null)).isNull();
        assertThat(Serdes.json(Order.class).deserializer().deserialize("t", null))
                .isNull();
    }

    @Test
    void jsonByClassWritesIsoTimestampsAndReadsBack() {
        Order order = new Order("o-1", 1999, Instant.parse("2026-01-02T03:04:05Z"));

        byte[] json = Serdes.json(Order.class).serializer().serialize("t", order);

        assertThat(new String(json, StandardCharsets.UTF_8))
                .isEqualTo("{\"orderId\":\"o-1\",\"cents\":1999,\"placedAt\":\"2026-01-02T03:04:05Z\"}");
        assertThat(roundTrip(Serdes.json(Order.class), order)).isEqualTo(order);
    }

    @Test
    void jsonIgnoresUnknownPropertiesWhenReading() {
        byte[] newer = "{\"orderId\":\"o-2\",\"cents\":5,\"placedAt\":\"2026-01-02T03:04:05Z\",\"extra\":1}"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(Serdes.json(Order.class)
                        .deserializer()
                        .deserialize("t", newer)
                        .orderId())
                .isEqualTo("o-2");
    }

    @Test
    void jsonByTypeReferenceKeepsGenericTypes() {
        List<Order> orders = List.of(new Order("a", 1, Instant.EPOCH), new Order("b", 2, Instant.EPOCH));

        List<Order> back = roundTrip(Serdes.json(new TypeReference<List<Order>>() {}), orders);

        assertThat(back).containsExactlyElementsOf(orders);
    }

    @Test
    void jsonUsesTheCallersMapperAsItIs() {
        ObjectMapper snake = new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .findAndRegisterModules();

        byte[] json = Serdes.json(Order.class, snake).serializer().serialize("t", new Order("o-3", 7, Instant.EPOCH));

        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"order_id\":\"o-3\"");
        assertThat(snake.getPropertyNamingStrategy()).isSameAs(PropertyNamingStrategies.SNAKE_CASE);
    }

    @Test
    void invalidJsonFailsWithSerializationExceptionNamingTheTopicAndType() {
        assertThatThrownBy(() -> Serdes.json(Order.class)
                        .deserializer()
                        .deserialize("orders", "{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("orders")
                .hasMessageContaining("Order");
    }
}
