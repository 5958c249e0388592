/**
 * The gateway's side of the coordinator protocol (SPEC.md §11): registration, the xDS-style config
 * stream with ACK/NACK, the last good config on disk, health reports and audit shipping. Also the
 * decoded, immutable form of the configuration schema ({@link FleetConfig}) that the coordinator
 * pushes and a gateway may read from a file.
 */
@NullMarked
package io.takumo.aegis.coordinator.client;

import org.jspecify.annotations.NullMarked;
