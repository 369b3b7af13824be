/** The SDK's default observation conventions and helpers; not API. */
@NullMarked
package dev.kafkasdk.core.internal.observation;

import org.jspecify.annotations.NullMarked;
