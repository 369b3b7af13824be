package dev.kafkasdk.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PresetsTest {

    static final ClusterSettings SECURED = ClusterSettings.builder()
            .bootstrapServers("b1:9092")
            .clientIdPrefix("app")
            .security(SecuritySettings.builder()
                    .protocol(SecurityProtocol.SASL_SSL)
                    .sasl(SaslSettings.builder()
                            .mechanism(SaslMechanism.SCRAM_SHA_256)
                            .username("u")
                            .password(Secret.of("p"))
                            .build())
                    .truststore(StoreSettings.builder()
                            .location("/t.p12")
                            .password(Secret.of("t"))
                            .type("PKCS12")
                            .build())
                    .build())
            .build();

    @Test
    void lowLatencyRendersItsValuesWithAOneMillisecondLinger() {
        Map<String, Object> p = ProducerSettings.builder()
                .cluster(SECURED)
                .preset(ProducerPreset.LOW_LATENCY)
                .build()
                .toProperties();

        assertThat(p)
                .containsEntry("linger.ms", "1")
                .containsEntry("batch.size", "16384")
                .containsEntry("compression.type", "none")
                .containsEntry("buffer.memory", "33554432")
                .containsEntry("acks", "1")
                .containsEntry("enable.idempotence", "false")
                .containsEntry("max.in.flight.requests.per.connection", "5");
    }

    @Test
    void balancedIsTheDefaultPreset() {
        ProducerSettings settings = ProducerSettings.defaults(SECURED);

        assertThat(settings.preset()).isEqualTo(ProducerPreset.BALANCED);
        assertThat(settings.toProperties())
                .containsEntry("linger.ms", "5")
                .containsEntry("batch.size", "65536")
                .containsEntry("compression.type", "lz4")
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", "true")
                .doesNotContainKey("retries");
    }

    @Test
    void highThroughputDurableAndFireAndForgetRenderTheirValues() {
        assertThat(render(ProducerPreset.HIGH_THROUGHPUT))
                .containsEntry("linger.ms", "50")
                .containsEntry("batch.size", "524288")
                .containsEntry("buffer.memory", "134217728")
                .containsEntry("acks", "all");
        assertThat(render(ProducerPreset.DURABLE))
                .containsEntry("max.in.flight.requests.per.connection", "1")
                .containsEntry("delivery.timeout.ms", "300000")
                .containsEntry("retries", "2147483647")
                .containsEntry("batch.size", "32768");
        assertThat(render(ProducerPreset.FIRE_AND_FORGET))
                .containsEntry("acks", "0")
                .containsEntry("retries", "0")
                .containsEntry("enable.idempotence", "false")
                .containsEntry("batch.size", "131072")
                .containsEntry("linger.ms", "10")
                .doesNotContainKey("max.in.flight.requests.per.connection");
    }

    @ParameterizedTest
    @EnumSource(ProducerPreset.class)
    void everyProducerPresetIsAcceptedByProducerConfig(ProducerPreset preset) {
        Map<String, Object> props = new HashMap<>(render(preset));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);

        ProducerConfig config = new ProducerConfig(props);

        assertThat(config.getLong(ProducerConfig.LINGER_MS_CONFIG))
                .isEqualTo(preset.linger().toMillis());
        assertThat(config.getInt(ProducerConfig.BATCH_SIZE_CONFIG))
                .isEqualTo(preset.batchSize().toInt());
        assertThat(config.getBoolean(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)).isEqualTo(preset.idempotence());
        assertThat(config.getString(ProducerConfig.ACKS_CONFIG))
                .isEqualTo(
                        preset == ProducerPreset.BALANCED
                                        || preset == ProducerPreset.HIGH_THROUGHPUT
                                        || preset == ProducerPreset.DURABLE
                                ? "-1"
                                : preset.acks().kafkaValue());
    }

    @ParameterizedTest
    @EnumSource(FetchPreset.class)
    void everyFetchPresetRendersItsValuesAndIsAcceptedByConsumerConfig(FetchPreset preset) {
        ConsumerSettings settings = ConsumerSettings.builder()
                .cluster(SECURED)
                .groupId("g")
                .preset(preset)
                .build();
        Map<String, Object> props = new HashMap<>(settings.toProperties());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);

        ConsumerConfig config = new ConsumerConfig(props);

        assertThat(config.getInt(ConsumerConfig.FETCH_MIN_BYTES_CONFIG))
                .isEqualTo(preset.fetchMinBytes().toInt());
        assertThat(config.getInt(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG))
                .isEqualTo((int) preset.fetchMaxWait().toMillis());
        assertThat(config.getInt(ConsumerConfig.FETCH_MAX_BYTES_CONFIG))
                .isEqualTo(preset.fetchMaxBytes().toInt());
        assertThat(config.getInt(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG))
                .isEqualTo(preset.maxPartitionFetchBytes().toInt());
        assertThat(config.getInt(ConsumerConfig.MAX_POLL_RECORDS_CONFIG)).isEqualTo(preset.maxPollRecords());
        assertThat(config.getBoolean(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG)).isFalse();
    }

    @Test
    void kip848ConsumerRendersNoClientSideGroupSettingsAndIsAcceptedByConsumerConfig() {
        ConsumerSettings settings = ConsumerSettings.builder()
                .cluster(SECURED)
                .groupId("g")
                .groupProtocol(GroupProtocol.CONSUMER)
                .build();
        Map<String, Object> props = new HashMap<>(settings.toProperties());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);

        assertThat(props)
                .containsEntry("group.protocol", "consumer")
                .doesNotContainKeys("partition.assignment.strategy", "session.timeout.ms", "heartbeat.interval.ms");
        assertThat(new ConsumerConfig(props).getString(ConsumerConfig.GROUP_PROTOCOL_CONFIG))
                .isEqualTo("consumer");
        assertThat(settings.assignmentStrategy()).isEmpty();
    }

    @Test
    void adminPropertiesAreAcceptedByAdminClientConfig() {
        AdminSettings settings = AdminSettings.builder()
                .cluster(SECURED)
                .requestTimeout(Duration.ofSeconds(20))
                .build();

        AdminClientConfig config = new AdminClientConfig(settings.toProperties());

        assertThat(config.getInt(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG)).isEqualTo(20_000);
        assertThat(config.getString(AdminClientConfig.CLIENT_ID_CONFIG)).isEqualTo("app-default");
        assertThat(config.getPassword("sasl.jaas.config").value())
                .isEqualTo(
                        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"p\";");
    }

    @Test
    void oauthBearerRendersTheBuiltInClientCredentialsLogin() {
        ClusterSettings oauth = ClusterSettings.builder()
                .bootstrapServers("b1:9093")
                .security(SecuritySettings.builder()
                        .protocol(SecurityProtocol.SASL_SSL)
                        .sasl(SaslSettings.builder()
                                .mechanism(SaslMechanism.OAUTHBEARER)
                                .tokenEndpointUrl("https://idp.example/oauth2/token")
                                .clientId("svc")
                                .clientSecret(Secret.of("shh"))
                                .scope("kafka")
                                .build())
                        .build())
                .build();

        Map<String, Object> props = AdminSettings.defaults(oauth).toProperties();

        assertThat(props)
                .isEqualTo(Map.of(
                        "bootstrap.servers",
                        "b1:9093",
                        "security.protocol",
                        "SASL_SSL",
                        "sasl.mechanism",
                        "OAUTHBEARER",
                        "sasl.jaas.config",
                        "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required;",
                        "sasl.login.callback.handler.class",
                        "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler",
                        "sasl.oauthbearer.jwt.retriever.class",
                        "org.apache.kafka.common.security.oauthbearer.ClientCredentialsJwtRetriever",
                        "sasl.oauthbearer.token.endpoint.url",
                        "https://idp.example/oauth2/token",
                        "sasl.oauthbearer.client.credentials.client.id",
                        "svc",
                        "sasl.oauthbearer.client.credentials.client.secret",
                        "shh",
                        "sasl.oauthbearer.scope",
                        "kafka"));
        assertThat(new AdminClientConfig(props)
                        .getPassword("sasl.oauthbearer.client.credentials.client.secret")
                        .value())
                .isEqualTo("shh");
        assertThat(AdminSettings.defaults(oauth).describe()).doesNotContain("shh");
    }

    static Map<String, Object> render(ProducerPreset preset) {
        return ProducerSettings.builder()
                .cluster(SECURED)
                .preset(preset)
                .build()
                .toProperties();
    }
}
