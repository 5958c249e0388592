package io.takumo.aegis.coordinator.client;

import static java.util.Objects.requireNonNull;

/**
 * A version of the fleet's configuration, decoded.
 *
 * @param version strictly increasing over the fleet's history; 0 for a local file
 * @param source where the gateway got it
 */
public record Snapshot(long version, FleetConfig config, Source source) {
  public Snapshot {
    requireNonNull(config, "config");
    requireNonNull(source, "source");
    if (version < 0) {
      throw new IllegalArgumentException("version: " + version + " (expected: >= 0)");
    }
  }

  /** Where a gateway's config came from, as {@code GET /v1/fleet} shows it. */
  public enum Source {
    /** Pushed by the coordinator on this connection. */
    COORDINATOR,
    /** The last good config on disk, loaded at start while the coordinator could not be reached. */
    PERSISTED,
    /** {@code TAKUMO_CONFIG_FILE}, or the environment alone. */
    LOCAL;

    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
