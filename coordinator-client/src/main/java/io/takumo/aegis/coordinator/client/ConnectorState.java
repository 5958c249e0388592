package io.takumo.aegis.coordinator.client;

/**
 * The connection to the coordinator, as the gauge {@code aegis_connector_state} reports it (the
 * value in brackets). The gateway serves in every state, on the newest config it has.
 */
public enum ConnectorState {
  /** [0] Not started, or closed. */
  IDLE(0),
  /** [1] Registering and opening the config stream. */
  CONNECTING(1),
  /** [2] The stream is open and the coordinator's snapshot was answered (ACK or NACK). */
  CONNECTED(2),
  /** [3] The coordinator could not be reached or the stream broke; waiting for the next attempt. */
  BACKOFF(3),
  /** [4] The coordinator refused the join key (unknown or revoked); still retrying, slowly. */
  REJECTED(4);

  private final int gaugeValue;

  ConnectorState(int gaugeValue) {
    this.gaugeValue = gaugeValue;
  }

  public int gaugeValue() {
    return gaugeValue;
  }

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
