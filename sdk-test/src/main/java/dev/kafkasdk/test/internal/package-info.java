/**
 * Implementation of the test kit: backends, broker configuration, child processes. Not API: these
 * types may change in any release; use {@link dev.kafkasdk.test} instead.
 */
package dev.kafkasdk.test.internal;
