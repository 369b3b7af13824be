package dev.kafkasdk.test.internal;

import java.util.Map;
import org.apache.kafka.common.Configurable;
import org.apache.kafka.common.security.auth.AuthenticationContext;
import org.apache.kafka.common.security.auth.KafkaPrincipal;
import org.apache.kafka.common.security.auth.KafkaPrincipalBuilder;
import org.apache.kafka.common.security.authenticator.DefaultKafkaPrincipalBuilder;
import org.apache.kafka.common.security.ssl.SslPrincipalMapper;

/**
 * The broker's {@code principal.builder.class} in secured test clusters with an authorizer: the
 * kit's own PLAINTEXT and CONTROLLER listeners (kit helpers, inter-broker and controller traffic)
 * get the principal {@value #KIT_PRINCIPAL}, which is a super user; every secured listener gets
 * Kafka's default principal (SASL user name, or the client certificate's CN through
 * {@code ssl.principal.mapping.rules}, or {@code ANONYMOUS}). Without it the PLAINTEXT listener's
 * {@code ANONYMOUS} would have to be a super user, and so would every anonymous TLS client. With a
 * secured inter-broker listener those two listeners do not exist (the controller listener is then
 * {@code SECURED_CONTROLLER}), so every principal is an authenticated one. The broker creates and
 * configures it; not for tests to use.
 */
public final class KitPrincipalBuilder implements KafkaPrincipalBuilder, Configurable {

    /** The user name of the kit's own connections. */
    public static final String KIT_PRINCIPAL = "kafka-sdk-test-kit";

    private DefaultKafkaPrincipalBuilder delegate =
            new DefaultKafkaPrincipalBuilder(null, SslPrincipalMapper.fromRules("DEFAULT"));

    /** Created by the broker. */
    public KitPrincipalBuilder() {}

    @Override
    public void configure(Map<String, ?> configs) {
        Object rules = configs.get("ssl.principal.mapping.rules");
        SslPrincipalMapper mapper = SslPrincipalMapper.fromRules(rules == null ? "DEFAULT" : rules.toString());
        delegate = new DefaultKafkaPrincipalBuilder(null, mapper);
    }

    @Override
    public KafkaPrincipal build(AuthenticationContext context) {
        String listener = context.listenerName();
        if (BrokerConfig.KIT_LISTENER.equals(listener) || BrokerConfig.CONTROLLER_LISTENER.equals(listener)) {
            return new KafkaPrincipal(KafkaPrincipal.USER_TYPE, KIT_PRINCIPAL);
        }
        return delegate.build(context);
    }

    @Override
    public byte[] serialize(KafkaPrincipal principal) {
        return delegate.serialize(principal);
    }

    @Override
    public KafkaPrincipal deserialize(byte[] bytes) {
        return delegate.deserialize(bytes);
    }
}
