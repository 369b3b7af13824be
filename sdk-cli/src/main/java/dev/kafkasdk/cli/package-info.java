/**
 * The {@code kafka-sdk-admin} command line over {@code sdk-admin}: {@link dev.kafkasdk.cli.KafkaSdkAdminCli}
 * is the entry point and {@link dev.kafkasdk.cli.ExitCodes} lists what it returns. The commands
 * themselves are package-private; the command line, not their classes, is the interface.
 *
 * @since 0.1
 */
@NullMarked
package dev.kafkasdk.cli;

import org.jspecify.annotations.NullMarked;
