/**
 * The reference coordinator (SPEC.md §11): a gRPC server backed by PostgreSQL that keeps join
 * keys, the fleet registry, config versions and the audit events gateways ship, and pushes config
 * changes and API key revocations to connected gateways.
 */
@NullMarked
package io.takumo.aegis.coordinator;

import org.jspecify.annotations.NullMarked;
