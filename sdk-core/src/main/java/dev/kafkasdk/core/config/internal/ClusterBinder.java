package dev.kafkasdk.core.config.internal;

import dev.kafkasdk.core.config.ClusterSettings;
import dev.kafkasdk.core.config.SaslMechanism;
import dev.kafkasdk.core.config.SaslSettings;
import dev.kafkasdk.core.config.SecurityProtocol;
import dev.kafkasdk.core.config.SecuritySettings;
import dev.kafkasdk.core.config.StoreSettings;

import java.util.Optional;

/**
 * Binds the {@code cluster} section of a document, recording problems instead of throwing.
 * Not part of the API.
 */
final class ClusterBinder {

    private ClusterBinder() {
    }

    static Optional<ClusterSettings> bind(Fields f, Problems problems) {
        ClusterSettings.Builder b = ClusterSettings.builder();
        f.list("bootstrap-servers", (o, v) -> b.origin(o).bootstrapServers(v));
        f.text("client-id-prefix", (o, v) -> b.origin(o).clientIdPrefix(v));
        b.security(security(f.child("security")));
        return SettingsBinder.build(b::build, problems);
    }

    private static SecuritySettings security(Fields f) {
        SecuritySettings.Builder b = SecuritySettings.builder();
        f.value("protocol", SecurityProtocol::parse, (o, v) -> b.origin(o).protocol(v));
        if (f.has("sasl")) {
            Fields s = f.child("sasl");
            SaslSettings.Builder sasl = SaslSettings.builder();
            s.value("mechanism", SaslMechanism::parse, (o, v) -> sasl.origin(o).mechanism(v));
            s.text("username", (o, v) -> sasl.origin(o).username(v));
            s.secret("password", (o, v) -> sasl.origin(o).password(v));
            s.text("token-endpoint-url", (o, v) -> sasl.origin(o).tokenEndpointUrl(v));
            s.text("client-id", (o, v) -> sasl.origin(o).clientId(v));
            s.secret("client-secret", (o, v) -> sasl.origin(o).clientSecret(v));
            s.text("scope", (o, v) -> sasl.origin(o).scope(v));
            b.sasl(sasl.build());
        }
        if (f.has("truststore")) {
            b.truststore(store(f.child("truststore")));
        }
        if (f.has("keystore")) {
            b.keystore(store(f.child("keystore")));
        }
        return b.build();
    }

    private static StoreSettings store(Fields f) {
        StoreSettings.Builder b = StoreSettings.builder();
        f.text("location", (o, v) -> b.origin(o).location(v));
        f.secret("password", (o, v) -> b.origin(o).password(v));
        f.secret("key-password", (o, v) -> b.origin(o).keyPassword(v));
        f.text("type", (o, v) -> b.origin(o).type(v));
        return b.build();
    }
}
