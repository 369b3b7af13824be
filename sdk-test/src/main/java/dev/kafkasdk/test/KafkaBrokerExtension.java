package dev.kafkasdk.test;

import dev.kafkasdk.test.internal.AnnotationOptions;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * JUnit 5 extension behind {@link KafkaBroker @KafkaBroker}: starts one cluster per test class,
 * injects it into parameters of type {@link KafkaCluster}, and closes it after the class.
 *
 * <p>The cluster is kept in the class's {@link ExtensionContext.Store} (as an {@link AutoCloseable}
 * that JUnit also closes if the class ends abnormally) and started at the first of
 * {@code beforeAll} or constructor injection (with {@code @TestInstance(PER_CLASS)} the instance is
 * created first). A {@code @Nested} class without its own {@code @KafkaBroker} uses its enclosing
 * class's cluster. Registered through {@code @KafkaBroker}; registering it with
 * {@code @ExtendWith} alone gives a cluster with default options. Thread-safe: classes running in
 * parallel get separate clusters.
 *
 * @since 0.1
 */
public final class KafkaBrokerExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(KafkaBrokerExtension.class);

    /** Creates the extension; JUnit calls this. */
    public KafkaBrokerExtension() {}

    /**
     * Starts the class's cluster unless an enclosing class's cluster is shared or it already runs.
     *
     * @param context the class's context
     */
    @Override
    public void beforeAll(ExtensionContext context) {
        clusterFor(context);
    }

    /**
     * Stops the cluster this class started, after its {@code @AfterAll} methods.
     *
     * @param context the class's context
     */
    @Override
    public void afterAll(ExtensionContext context) {
        KafkaCluster cluster = context.getStore(NAMESPACE).remove(context.getRequiredTestClass(), KafkaCluster.class);
        if (cluster != null) {
            cluster.close();
        }
    }

    /**
     * Supports parameters declared as {@link KafkaCluster}.
     *
     * @param parameterContext the parameter
     * @param extensionContext the current context
     * @return whether the parameter's type is {@code KafkaCluster}
     */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == KafkaCluster.class;
    }

    /**
     * Returns the cluster of the test class, starting it if needed.
     *
     * @param parameterContext the parameter
     * @param extensionContext the current context
     * @return the running cluster; owned by the extension, do not close it
     */
    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return clusterFor(extensionContext);
    }

    private static KafkaCluster clusterFor(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        Class<?> testClass = classContext.getRequiredTestClass();
        Optional<KafkaBroker> annotation = AnnotationSupport.findAnnotation(testClass, KafkaBroker.class);
        Optional<ExtensionContext> enclosing = classContext
                .getParent()
                .filter(parent -> parent.getTestClass().isPresent()
                        && parent.getTestMethod().isEmpty());
        if (annotation.isEmpty() && enclosing.isPresent()) {
            return clusterFor(enclosing.get());
        }
        EmbeddedKafkaOptions options = AnnotationOptions.toOptions(annotation.orElse(null), testClass);
        return classContext
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(testClass, key -> EmbeddedKafka.start(options), KafkaCluster.class);
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }
}
