/**
 * What a cluster supports: {@link dev.kafkasdk.core.compat.ClusterFeatures} reads the finalized
 * feature levels of a running cluster ({@code Admin.describeFeatures}) and checks them against the
 * {@link dev.kafkasdk.core.compat.BrokerFeature}s a client needs, so that a feature the brokers lack
 * fails at start with an {@link dev.kafkasdk.core.compat.UnsupportedBrokerFeatureException} that names
 * the feature, the broker version it needs and the fix.
 *
 * @since 0.1
 */
@NullMarked
package dev.kafkasdk.core.compat;

import org.jspecify.annotations.NullMarked;
