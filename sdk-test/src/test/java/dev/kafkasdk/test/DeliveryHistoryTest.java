package dev.kafkasdk.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryHistoryTest {

    @Test
    void aCompleteInOrderHistoryIsCleanEvenWithRedeliveries() {
        DeliveryHistory history = new DeliveryHistory();
        for (long id = 0; id < 5; id++) {
            history.acknowledged("t", 0, id, "k", id);
            history.consumed("t", 0, id, "k", id);
        }
        history.consumed("t", 0, 3, "k", 3);

        DeliveryHistory.Report report = history.check();

        assertThat(report.isClean()).isTrue();
        assertThat(report.acknowledged()).isEqualTo(5);
        assertThat(report.redeliveries()).isEqualTo(1);
        assertThat(report.consumedTotal()).isEqualTo(6);
    }

    @Test
    void countsLostRecordsWithASample() {
        DeliveryHistory history = new DeliveryHistory();
        history.acknowledged("t", 0, 0, "k", 0);
        history.acknowledged("t", 0, 1, "k", 1);
        history.consumed("t", 0, 0, "k", 0);

        DeliveryHistory.Report report = history.check();

        assertThat(report.lost()).isEqualTo(1);
        assertThat(report.lostSample()).containsExactly(1L);
        assertThat(report.isClean()).isFalse();
        assertThat(report.toString()).contains("lost=1 e.g. [1]");
    }

    @Test
    void countsAValueWrittenAtTwoOffsetsAsADuplicateWrite() {
        DeliveryHistory history = new DeliveryHistory();
        history.acknowledged("t", 0, 1, "k", 7);
        history.consumed("t", 0, 0, "k", 7);
        history.consumed("t", 0, 1, "k", 7);

        DeliveryHistory.Report report = history.check();

        assertThat(report.duplicateWrites()).isEqualTo(1);
        assertThat(report.redeliveries()).isZero();
    }

    @Test
    void countsOrderViolationsPerPartitionAndPerKey() {
        DeliveryHistory history = new DeliveryHistory();
        history.consumed("t", 0, 0, "a", 2);
        history.consumed("t", 0, 1, "b", 1);
        history.consumed("t", 0, 2, "a", 3);
        history.consumed("t", 1, 0, "c", 5);
        history.consumed("t", 1, 1, "c", 4);

        DeliveryHistory.Report report = history.check();

        assertThat(report.partitionOrderViolations()).isEqualTo(2);
        assertThat(report.keyOrderViolations()).isEqualTo(1);
    }

    @Test
    void anAcknowledgedOffsetHoldingAnotherRecordIsMisplaced() {
        DeliveryHistory history = new DeliveryHistory();
        history.acknowledged("t", 0, 0, null, 1);
        history.consumed("t", 0, 0, null, 2);
        history.consumed("t", 0, 1, null, 1);

        assertThat(history.check().misplaced()).isEqualTo(1);
    }
}
