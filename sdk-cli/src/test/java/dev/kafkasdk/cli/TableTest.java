package dev.kafkasdk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void padsColumnsToTheWidestCellAndPrintsNullAsDash() {
        StringWriter text = new StringWriter();
        new Table("TOPIC", "PARTITION", "LAG")
                .row("orders", 0, 12)
                .row("a", 10, null)
                .print(new PrintWriter(text));

        assertThat(text.toString().lines())
                .containsExactly("TOPIC   PARTITION  LAG", "orders  0          12", "a       10         -");
    }

    @Test
    void rejectsRowsOfTheWrongWidth() {
        assertThatThrownBy(() -> new Table("A", "B").row("only one")).isInstanceOf(IllegalArgumentException.class);
    }
}
