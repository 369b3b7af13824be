package dev.kafkasdk.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.kafkasdk.admin.AdminAuthorizationException.ResourceType;
import dev.kafkasdk.core.config.TopicSpec;
import dev.kafkasdk.test.KafkaBroker;
import dev.kafkasdk.test.KafkaCluster;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A broker with Kafka's StandardAuthorizer that allows everything without an ACL; each test denies one
 * resource to the anonymous principal and checks that the error names it.
 */
@KafkaBroker(
        brokerProperties = {
            "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
            "allow.everyone.if.no.acl.found=true"
        })
class AuthorizationIT {

    private static Admin raw;
    private static SdkAdmin admin;

    @BeforeAll
    static void connect(KafkaCluster kafka) {
        raw = Admin.create(kafka.adminClientProperties());
        admin = SdkAdmin.wrap(
                raw, AdminOptions.builder().callTimeout(Duration.ofSeconds(10)).build());
    }

    @AfterAll
    static void close() {
        admin.close();
        raw.close();
    }

    private static void deny(org.apache.kafka.common.resource.ResourceType type, String name) throws Exception {
        raw.createAcls(List.of(new AclBinding(
                        new ResourcePattern(type, name, PatternType.LITERAL),
                        new AccessControlEntry("User:ANONYMOUS", "*", AclOperation.ALL, AclPermissionType.DENY))))
                .all()
                .get(10, TimeUnit.SECONDS);
    }

    @Test
    void planningADeniedTopicFailsWithAnErrorNamingTheTopic(KafkaCluster kafka) throws Exception {
        String topic = kafka.uniqueTopicName("denied-topic");
        kafka.createTopic(topic, 1, 1);
        deny(org.apache.kafka.common.resource.ResourceType.TOPIC, topic);
        TopicSpec spec =
                TopicSpec.builder(topic).partitions(2).replicationFactor(1).build();

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThatThrownBy(() -> admin.topics().plan(List.of(spec)))
                        .isInstanceOfSatisfying(AdminAuthorizationException.class, e -> {
                            assertThat(e.resourceType()).isEqualTo(ResourceType.TOPIC);
                            assertThat(e.resourceNames()).containsExactly(topic);
                            assertThat(e.getMessage())
                                    .isEqualTo("not authorized to describe topics: the principal"
                                            + " lacks the ACL for topic '" + topic + "'");
                            assertThat(e.isRetriable()).isFalse();
                        }));
    }

    @Test
    void readingADeniedGroupFailsWithAnErrorNamingTheGroup(KafkaCluster kafka) throws Exception {
        String group = kafka.uniqueTopicName("denied-group");
        deny(org.apache.kafka.common.resource.ResourceType.GROUP, group);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThatThrownBy(() -> admin.groups().lag(group))
                        .isInstanceOfSatisfying(AdminAuthorizationException.class, e -> {
                            assertThat(e.resourceType()).isEqualTo(ResourceType.GROUP);
                            assertThat(e.resourceNames()).containsExactly(group);
                            assertThat(e.getMessage()).contains("lacks the ACL for group '" + group + "'");
                        }));
    }
}
