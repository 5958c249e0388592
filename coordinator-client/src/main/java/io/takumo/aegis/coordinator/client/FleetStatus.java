package io.takumo.aegis.coordinator.client;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The client's view of its fleet membership, as {@code GET /v1/fleet} shows it. Immutable; a new
 * one is published on every change.
 *
 * @param instanceId null until the first registration
 * @param configVersion the version the gateway runs (0: none from a coordinator)
 * @param lastNack the newest refused snapshot, or null
 * @param persistError why the running config could not be written to the state directory, or null
 */
public record FleetStatus(
    String coordinator,
    @Nullable String instanceId,
    ConnectorState state,
    long configVersion,
    Snapshot.@Nullable Source configSource,
    @Nullable Instant configAppliedAt,
    @Nullable Nack lastNack,
    @Nullable String lastError,
    @Nullable String persistError) {

  /** A refused snapshot: its version and why (the message sent to the coordinator). */
  public record Nack(long version, String message, Instant at) {}
}
