package dev.kafkasdk.core.config;

import dev.kafkasdk.core.config.internal.Problems;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks {@link ClusterSettings}: bootstrap servers, the client id prefix, then security.
 * Not part of the API.
 */
final class ClusterRules {

    private static final Pattern HOST_PORT =
            Pattern.compile("(\\[[0-9a-fA-F:.]+]|[A-Za-z0-9]([A-Za-z0-9._-]*)):(\\d{1,5})");
    private static final Pattern RELEASE = Pattern.compile("\\d{1,3}\\.\\d{1,3}(\\.\\d{1,3})?");
    private static final String PATH = "cluster.bootstrap-servers";

    private ClusterRules() {}

    /**
     * Records every problem of the cluster settings.
     *
     * @param cluster  the settings
     * @param problems where to record
     */
    public static void check(ClusterSettings cluster, Problems problems) {
        if (cluster.bootstrapServers().isEmpty()) {
            problems.missing(PATH, "is required; list the brokers as host:port, e.g. broker1:9092,broker2:9092");
        }
        for (String server : cluster.bootstrapServers()) {
            checkServer(server, problems);
        }
        cluster.checkKeys(problems, "cluster.");
        cluster.brokerVersion()
                .filter(v -> !RELEASE.matcher(v).matches())
                .ifPresent(v -> problems.invalid(
                        "cluster.broker-version",
                        v,
                        "is not a Kafka release; use major.minor[.patch], e.g. 3.9 or 4.2.1"));
        SecurityRules.check(cluster.security(), problems);
    }

    private static void checkServer(String server, Problems problems) {
        Matcher m = HOST_PORT.matcher(server);
        if (!m.matches()) {
            problems.invalid(PATH, server, "is not host:port; e.g. broker1:9092 or [::1]:9092");
            return;
        }
        int port = Integer.parseInt(m.group(3));
        if (port < 1 || port > 65535) {
            problems.invalid(PATH, server, "has port " + port + "; use a port from 1 to 65535");
        }
    }
}
