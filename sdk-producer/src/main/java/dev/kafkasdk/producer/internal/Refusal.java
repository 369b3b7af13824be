package dev.kafkasdk.producer.internal;

/**
 * Why the SDK refused a send before handing it to kafka-clients; {@link #tag()} is the
 * {@code error} tag of the failed-records counter.
 */
enum Refusal {
    PRODUCER_CLOSED("ProducerClosed"),
    PRODUCER_UNUSABLE("ProducerUnusable"),
    CIRCUIT_OPEN("CircuitOpen"),
    IN_FLIGHT_CAP("InFlightCapReached"),
    INTERRUPTED("Interrupted");

    private final String tag;

    Refusal(String tag) {
        this.tag = tag;
    }

    String tag() {
        return tag;
    }
}
