package dev.kafkasdk.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.kafkasdk.core.KafkaSdkException;
import dev.kafkasdk.core.compat.BrokerFeature;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** {@link SdkAdmin#shareGroups()} against a real broker's share group. */
@KafkaBroker
class ShareGroupsIT {

    @Test
    void listsAndDescribesAShareGroupWithItsMemberAndBacklog(KafkaCluster kafka) throws Exception {
        BrokerAssumptions.assumeSupported(kafka.bootstrapServers(), BrokerFeature.SHARE_GROUPS);
        String topic = kafka.uniqueTopicName("share-admin");
        String group = topic + "-share";
        kafka.createTopic(topic, 1, 1);
        try (Admin raw = Admin.create(kafka.adminClientProperties());
                SdkAdmin admin = SdkAdmin.wrap(
                        raw,
                        AdminOptions.builder()
                                .callTimeout(Duration.ofSeconds(15))
                                .build())) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.GROUP, group);
            raw.incrementalAlterConfigs(Map.of(
                            resource,
                            List.of(new AlterConfigOp(
                                    new ConfigEntry("share.auto.offset.reset", "earliest"), AlterConfigOp.OpType.SET))))
                    .all()
                    .get();
            kafka.produceValues(
                    topic, IntStream.range(0, 10).mapToObj(i -> "v" + i).toList());
            Map<String, Object> props = new HashMap<>();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
            props.put(ConsumerConfig.CLIENT_ID_CONFIG, "share-admin-member");
            props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            props.put(ConsumerConfig.SHARE_ACKNOWLEDGEMENT_MODE_CONFIG, "explicit");
            try (KafkaShareConsumer<String, String> member = new KafkaShareConsumer<>(props)) {
                member.subscribe(List.of(topic));
                int[] accepted = {0};
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    ConsumerRecords<String, String> records = member.poll(Duration.ofMillis(200));
                    records.forEach(r -> member.acknowledge(r, AcknowledgeType.ACCEPT));
                    member.commitSync();
                    accepted[0] += records.count();
                    return accepted[0] == 10;
                });
                kafka.produceValues(topic, List.of("late-1", "late-2", "late-3"));

                assertThat(admin.shareGroups().list()).anySatisfy(g -> {
                    assertThat(g.groupId()).isEqualTo(group);
                    assertThat(g.type()).isEqualTo(GroupType.SHARE);
                });
                ShareGroupInfo d = admin.shareGroups().describe(group);
                assertThat(d.members()).singleElement().satisfies(m -> {
                    assertThat(m.clientId()).isEqualTo("share-admin-member");
                    assertThat(m.assignment()).hasSize(1);
                });
                await().atMost(Duration.ofSeconds(30))
                        .untilAsserted(() -> assertThat(
                                        admin.shareGroups().describe(group).totalLag())
                                .isEqualTo(3));
                // one partition, so the late records land where the group has started
                assertThat(admin.shareGroups().describe(group).partitions())
                        .hasSize(1)
                        .allSatisfy(p -> assertThat(p.topic()).isEqualTo(topic));
            }
            assertThatThrownBy(() -> admin.shareGroups().describe("no-such-share-group"))
                    .isInstanceOf(KafkaSdkException.class)
                    .hasMessageContaining("no-such-share-group");
        }
    }
}
