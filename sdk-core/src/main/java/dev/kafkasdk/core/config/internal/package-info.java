/**
 * How configuration documents are read (YAML, JSON, properties, within size, depth and length
 * limits), merged, overridden from the environment and checked against the schema the key tables
 * give. Not API: these types may change in any release.
 *
 * @since 0.1
 */
@NullMarked
package dev.kafkasdk.core.config.internal;

import org.jspecify.annotations.NullMarked;
