package dev.kafkasdk.examples;

import java.util.List;

/**
 * The record value the examples send: a small order, written as JSON by the SDK's serdes.
 *
 * @param id          unique order id, also the record key
 * @param customer    who ordered
 * @param amountCents the amount in cents
 */
public record Order(String id, String customer, long amountCents) {

    private static final List<String> CUSTOMERS = List.of("ada", "grace", "linus", "margaret", "ken");

    /**
     * A deterministic sample order: the same {@code n} always gives the same order.
     *
     * @param n the order number, 0 or more
     * @return an order with id {@code order-<n>}
     */
    public static Order sample(int n) {
        return new Order(String.format("order-%06d", n), CUSTOMERS.get(n % CUSTOMERS.size()), 100 + (n * 37L) % 9_900);
    }
}
