package dev.kafkasdk.core.config;

import dev.kafkasdk.core.ConfigException;
import dev.kafkasdk.core.config.internal.DocNode;
import dev.kafkasdk.core.config.internal.Fields;
import dev.kafkasdk.core.config.internal.Problems;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Binds a loaded document to settings by iterating the key tables, recording problems
 * instead of throwing. Not part of the API.
 */
final class DocumentBinder {

    private static final ClusterSettings PLACEHOLDER = ClusterSettings.of("placeholder.invalid:9092");

    private DocumentBinder() {}

    /** @return the configuration, or {@code null} when problems were recorded */
    static KafkaSdkConfig bind(DocNode.MapNode root, Problems problems) {
        Fields doc = new Fields(root, "", problems);
        ClusterSettings cluster = cluster(doc.child("cluster"), problems).orElse(PLACEHOLDER);
        KafkaSdkConfig.Builder b = KafkaSdkConfig.builder().cluster(cluster);
        Fields producers = doc.child("producers");
        producers
                .names()
                .forEach(n -> build(client(ProducerSettings.builder(), n, producers.child(n), cluster), problems)
                        .ifPresent(b::producer));
        Fields consumers = doc.child("consumers");
        consumers
                .names()
                .forEach(n -> build(client(ConsumerSettings.builder(), n, consumers.child(n), cluster), problems)
                        .ifPresent(b::consumer));
        Fields shares = doc.child("share-consumers");
        shares.names()
                .forEach(n -> build(client(ShareConsumerSettings.builder(), n, shares.child(n), cluster), problems)
                        .ifPresent(b::shareConsumer));
        Fields admins = doc.child("admins");
        admins.names()
                .forEach(n -> build(client(AdminSettings.builder(), n, admins.child(n), cluster), problems)
                        .ifPresent(b::admin));
        Fields topics = doc.child("topics");
        topics.names().forEach(n -> {
            TopicSpec.Builder t = TopicSpec.builder(n);
            keys(t, topics.child(n));
            topics.child(n).raw("configs", (o, k, v) -> t.origin(o).config(k, v));
            build(t::build, problems).ifPresent(b::topic);
        });
        return problems.isEmpty() ? b.build() : null;
    }

    private static <S extends ClientSettings, B extends ClientSettings.ClientBuilder<S, B>> Supplier<S> client(
            B b, String name, Fields f, ClusterSettings cluster) {
        b.name(name).cluster(cluster);
        keys(b, f);
        f.raw("properties", (o, k, v) -> b.origin(o).property(k, v));
        return b::build;
    }

    /** Binds every key of the builder's table that the document sets. */
    private static void keys(TypedSettings.Builder<?, ?> b, Fields f) {
        for (SettingKey<?> key : b.table().keys()) {
            bindKey(b, f, key);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void bindKey(TypedSettings.Builder<?, ?> b, Fields f, SettingKey<T> key) {
        if (key.kind() == SettingKey.Kind.LIST) {
            f.list(key.name(), (o, v) -> b.origin(o).set(key, (T) v));
        } else {
            f.value(key.name(), key::parse, (o, v) -> b.origin(o).set(key, v));
        }
    }

    private static Optional<ClusterSettings> cluster(Fields f, Problems problems) {
        ClusterSettings.Builder b = ClusterSettings.builder();
        keys(b, f);
        b.security(security(f.child("security")));
        return build(b::build, problems);
    }

    private static SecuritySettings security(Fields f) {
        SecuritySettings.Builder b = SecuritySettings.builder();
        keys(b, f);
        if (f.has("sasl")) {
            SaslSettings.Builder sasl = SaslSettings.builder();
            keys(sasl, f.child("sasl"));
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
        keys(b, f);
        return b.build();
    }

    private static <T> Optional<T> build(Supplier<T> builder, Problems problems) {
        try {
            return Optional.of(builder.get());
        } catch (ConfigException e) {
            problems.addAll(e.problems());
            return Optional.empty();
        }
    }
}
