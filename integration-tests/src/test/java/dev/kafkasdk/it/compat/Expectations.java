package dev.kafkasdk.it.compat;

/**
 * What each release must do with each feature: supported features work; the KIP-848 consumer protocol
 * needs 4.0 and share groups 4.2, and below those they must fail at start with the SDK's wording.
 */
final class Expectations {

    private Expectations() {}

    /** @return {@code null} when the outcome is the expected one, else what is wrong */
    static String check(CompatFeature feature, String version, Outcome outcome) {
        if (feature == CompatFeature.CLIENT_INSTANCE_ID) {
            // no release has a telemetry plugin by default: the id must be reported unavailable, clearly
            return outcome.kind() == Outcome.Kind.DEGRADES && outcome.detail().contains("KIP-714 client metrics")
                    ? null
                    : feature + " on Kafka " + version + " should report the id unavailable naming KIP-714, but was "
                            + outcome;
        }
        String needs = switch (feature) {
            case CONSUMER_PROTOCOL, LINT_ONLINE -> "4.0";
            case SHARE_CONSUMER, ADMIN_SHARE_GROUPS -> "4.2";
            default -> null;
        };
        boolean supported = needs == null || atLeast(version, needs);
        if (supported) {
            return outcome.kind() == Outcome.Kind.NO
                    ? feature + " on Kafka " + version + " should work but: " + outcome.detail()
                    : null;
        }
        if (outcome.kind() != Outcome.Kind.NO) {
            return feature + " on Kafka " + version + " should fail at start (needs " + needs + ") but was "
                    + outcome.kind();
        }
        String message = outcome.detail();
        boolean worded = message.contains("does not support")
                && message.contains("it needs Kafka " + needs + " or newer")
                && message.contains("the cluster runs Kafka " + version.substring(0, version.lastIndexOf('.')))
                && message.contains("Fix: ");
        return worded
                ? null
                : feature + " on Kafka " + version + ": start-time error lacks the feature, release or fix: " + message;
    }

    static boolean atLeast(String version, String minimum) {
        String[] v = version.split("\\.");
        String[] m = minimum.split("\\.");
        int major = Integer.compare(Integer.parseInt(v[0]), Integer.parseInt(m[0]));
        return major != 0 ? major > 0 : Integer.parseInt(v[1]) >= Integer.parseInt(m[1]);
    }
}
