package dev.kafkasdk.test.internal;

import dev.kafkasdk.test.ClientSecurity;
import dev.kafkasdk.test.ClusterSecurity;
import dev.kafkasdk.test.KafkaTestKitException;
import dev.kafkasdk.test.Sasl;
import dev.kafkasdk.test.SecuredListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * {@link ClusterSecurity} over a cluster's {@link SecurityMaterial}, its node addresses and the kit's
 * admin client (which connects to the kit's own listener as a super user). Thread-safe.
 */
final class DefaultClusterSecurity implements ClusterSecurity {

    private static final int SCRAM_ITERATIONS = 4096;

    private final SecurityMaterial material;
    private final List<BrokerConfig.NodeAddress> addresses;
    private final TopicAdmin admin;
    private final Duration timeout;

    DefaultClusterSecurity(
            SecurityMaterial material, List<BrokerConfig.NodeAddress> addresses, TopicAdmin admin, Duration timeout) {
        this.material = material;
        this.addresses = addresses;
        this.admin = admin;
        this.timeout = timeout;
    }

    @Override
    public Set<SecuredListener> listeners() {
        return material.options().listeners();
    }

    @Override
    public Set<String> users() {
        return material.users();
    }

    @Override
    public String superUser() {
        return material.options().superUser();
    }

    @Override
    public boolean authorizerEnabled() {
        return material.options().authorizer();
    }

    @Override
    public String password(String user) {
        String password = material.password(user);
        if (password == null) {
            throw new IllegalArgumentException("No test user '" + user + "'; the users are " + users());
        }
        return password;
    }

    @Override
    public String bootstrapServers(SecuredListener listener) {
        requireOpen(listener);
        return BrokerConfig.bootstrapServers(addresses, listener.listenerName());
    }

    @Override
    public ClientSecurity client(SecuredListener listener, String user) {
        return client(listener, listener.usesSasl() ? Sasl.SCRAM_SHA_256 : null, user);
    }

    @Override
    public ClientSecurity client(SecuredListener listener, Sasl mechanism, String user) {
        return material.client(listener, mechanism, user, bootstrapServers(listener));
    }

    @Override
    public long issuedTokens() {
        return material.issuedTokens();
    }

    @Override
    public void tokenFault(String user, TokenFault fault) {
        material.tokenFault(user, fault);
    }

    @Override
    public Path untrustedTruststore() {
        return material.untrustedTruststore();
    }

    @Override
    public String storePassword() {
        return material.storePassword();
    }

    @Override
    public void createScramUser(String user, String password) {
        // the broker refuses two alterations of one user in the same request
        for (ScramMechanism mechanism : List.of(ScramMechanism.SCRAM_SHA_256, ScramMechanism.SCRAM_SHA_512)) {
            UserScramCredentialUpsertion upsert = new UserScramCredentialUpsertion(
                    user, new ScramCredentialInfo(mechanism, SCRAM_ITERATIONS), password);
            TopicAdmin.get(
                    admin.admin().alterUserScramCredentials(List.of(upsert)).all(),
                    timeout,
                    "create " + mechanism + " credentials for user " + user);
        }
        material.rememberPassword(user, password);
    }

    @Override
    public void grant(String user, ResourceType resourceType, String resourceName, AclOperation... operations) {
        grant(user, resourceType, resourceName, PatternType.LITERAL, operations);
    }

    @Override
    public void grant(
            String user,
            ResourceType resourceType,
            String resourceName,
            PatternType patternType,
            AclOperation... operations) {
        requireAuthorizer("grant");
        List<AclBinding> bindings = bindings(user, resourceType, resourceName, patternType, operations);
        TopicAdmin.get(
                admin.admin().createAcls(bindings).all(),
                timeout,
                "grant " + describe(user, resourceType, resourceName, operations));
        Poller.await(
                "the broker to list the ACLs " + describe(user, resourceType, resourceName, operations),
                timeout,
                () -> listed(bindings).containsAll(bindings));
    }

    @Override
    public void revoke(String user, ResourceType resourceType, String resourceName, AclOperation... operations) {
        requireAuthorizer("revoke");
        List<AclBinding> bindings = bindings(user, resourceType, resourceName, PatternType.LITERAL, operations);
        List<AclBindingFilter> filters =
                bindings.stream().map(AclBinding::toFilter).toList();
        TopicAdmin.get(
                admin.admin().deleteAcls(filters).all(),
                timeout,
                "revoke " + describe(user, resourceType, resourceName, operations));
        Poller.await(
                "the broker to drop the ACLs " + describe(user, resourceType, resourceName, operations),
                timeout,
                () -> listed(bindings).stream().noneMatch(bindings::contains));
    }

    private Collection<AclBinding> listed(List<AclBinding> bindings) {
        AclBinding first = bindings.get(0);
        AclBindingFilter filter = new AclBindingFilter(first.pattern().toFilter(), AccessControlEntryFilter.ANY);
        try {
            return admin.admin().describeAcls(filter).values().get(5, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("describe ACLs failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaTestKitException("Interrupted while describing ACLs", e);
        }
    }

    private static List<AclBinding> bindings(
            String user, ResourceType type, String name, PatternType patternType, AclOperation... operations) {
        if (operations.length == 0) {
            throw new IllegalArgumentException("Name at least one AclOperation to grant or revoke");
        }
        ResourcePattern pattern = new ResourcePattern(type, name, patternType);
        List<AclBinding> bindings = new ArrayList<>();
        for (AclOperation operation : operations) {
            bindings.add(new AclBinding(
                    pattern, new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW)));
        }
        return bindings;
    }

    private static String describe(String user, ResourceType type, String name, AclOperation... operations) {
        return List.of(operations) + " on " + type + " " + name + " to User:" + user;
    }

    private void requireOpen(SecuredListener listener) {
        if (!listeners().contains(listener)) {
            throw new IllegalArgumentException("The cluster has no " + listener + " listener; it opened " + listeners()
                    + ". Add it to @KafkaSecurity(listeners = ...)");
        }
    }

    private void requireAuthorizer(String operation) {
        if (!authorizerEnabled()) {
            throw new IllegalStateException("Cannot " + operation + " ACLs: the cluster runs without an authorizer;"
                    + " use @KafkaSecurity(authorizer = true)");
        }
    }
}
