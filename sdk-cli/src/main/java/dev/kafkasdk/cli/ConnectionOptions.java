package dev.kafkasdk.cli;

import dev.kafkasdk.admin.AdminOptions;
import dev.kafkasdk.admin.SdkAdmin;
import dev.kafkasdk.core.ConfigException;
import dev.kafkasdk.core.config.AdminSettings;
import dev.kafkasdk.core.config.ClusterSettings;
import dev.kafkasdk.core.config.KafkaSdkConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Where the cluster is and how to call it: {@code --bootstrap-servers}, {@code --config}, timeouts. */
public final class ConnectionOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(
            names = {"-b", "--bootstrap-servers"},
            paramLabel = "HOST:PORT[,...]",
            converter = Converters.BootstrapServers.class,
            description = "The cluster to connect to; overrides the config file's cluster.")
    String bootstrapServers;

    @Option(
            names = {"-c", "--config"},
            paramLabel = "FILE",
            converter = Converters.ReadableFile.class,
            description = "SDK configuration file (.yaml, .yml, .json, .properties): cluster, admin, topics, clients.")
    Path configFile;

    @Option(
            names = "--admin",
            paramLabel = "NAME",
            converter = Converters.NonBlank.class,
            description = "Admin client of the config file to use (default: 'default', else defaults).")
    String adminName;

    @Option(
            names = "--timeout",
            defaultValue = "30s",
            paramLabel = "DURATION",
            converter = Converters.PositiveDuration.class,
            description = "Timeout of one admin call, retries included, e.g. 10s (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(
            names = "--attempts",
            defaultValue = "3",
            paramLabel = "N",
            converter = Converters.PositiveInt.class,
            description = "Attempts per admin call on retriable errors other than timeouts, within --timeout"
                    + " (default: ${DEFAULT-VALUE}).")
    int attempts;

    private KafkaSdkConfig config;

    /** @return the loaded config file, when {@code --config} was given */
    Optional<KafkaSdkConfig> config() {
        if (configFile == null) {
            return Optional.empty();
        }
        if (config == null) {
            config = KafkaSdkConfig.load(configFile);
        }
        return Optional.of(config);
    }

    /** @return the config file, or a usage error naming the command that needs it */
    KafkaSdkConfig requireConfig() {
        return config().orElseThrow(() -> new ParameterException(
                spec.commandLine(),
                "Missing --config FILE: '" + spec.qualifiedName(" ") + "' reads the topics from a config file"));
    }

    /** @return true when a cluster can be reached from the options */
    boolean hasCluster() {
        return bootstrapServers != null || configFile != null;
    }

    /**
     * Connects to the cluster.
     *
     * @return a new admin the caller closes
     */
    SdkAdmin connect() {
        return SdkAdmin.create(
                adminSettings(),
                AdminOptions.builder()
                        .callTimeout(timeout)
                        .maxAttempts(attempts)
                        .build());
    }

    private AdminSettings adminSettings() {
        Optional<KafkaSdkConfig> loaded = config();
        if (loaded.isEmpty() && bootstrapServers == null) {
            throw new ParameterException(
                    spec.commandLine(),
                    "Missing --bootstrap-servers HOST:PORT or --config FILE: '" + spec.qualifiedName(" ")
                            + "' needs a cluster");
        }
        if (loaded.isEmpty()) {
            return AdminSettings.defaults(ClusterSettings.of(bootstrapServers));
        }
        AdminSettings admin;
        try {
            admin = adminName == null ? loaded.get().admin() : loaded.get().admin(adminName);
        } catch (ConfigException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--admin': " + e.getMessage());
        }
        if (bootstrapServers == null) {
            return admin;
        }
        return AdminSettings.from(admin)
                .cluster(ClusterSettings.from(admin.cluster())
                        .bootstrapServers(bootstrapServers)
                        .build())
                .build();
    }
}
