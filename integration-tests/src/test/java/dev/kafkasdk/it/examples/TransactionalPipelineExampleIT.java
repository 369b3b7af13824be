package dev.kafkasdk.it.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkasdk.examples.TransactionalPipelineExample;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

@KafkaBroker
class TransactionalPipelineExampleIT {

    private static final int RECORDS = 300;

    @Test
    void readCommittedReadersSeeEveryOutputRecordOnceDespiteAnAbortedTransaction(KafkaCluster kafka) throws Exception {
        String input = kafka.uniqueTopicName("sentences");
        String output = kafka.uniqueTopicName("shouted");
        String group = input + "-shouter";

        TransactionalPipelineExample.Result result =
                TransactionalPipelineExample.run(ClusterReads.clusterOf(kafka), input, output, group, RECORDS);

        assertThat(result.abortedRounds()).isEqualTo(1);
        assertThat(result.committedOutput()).isEqualTo(RECORDS);
        assertThat(result.distinctOutput()).isEqualTo(RECORDS);
        List<ConsumerRecord<String, String>> committed = ClusterReads.readAll(
                kafka, output, IsolationLevel.READ_COMMITTED, new StringDeserializer(), new StringDeserializer());
        assertThat(committed)
                .extracting(ConsumerRecord::value)
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, RECORDS)
                        .mapToObj(i -> TransactionalPipelineExample.sentence(i).toUpperCase(Locale.ROOT))
                        .toList());
        assertThat(committed)
                .allSatisfy(r -> assertThat(r.value())
                        .isEqualTo(TransactionalPipelineExample.sentence(
                                        Integer.parseInt(r.key().substring(4)))
                                .toUpperCase(Locale.ROOT)));
        // the input offsets were committed inside the same transactions
        assertThat(ClusterReads.committedOffsets(kafka, group)).isEqualTo(ClusterReads.endOffsets(kafka, input));
    }
}
