package io.takumo.aegis.coordinator.client;

/** What the gateway does with what the coordinator sends. Called on the client's callback thread only. */
public interface ConfigListener {
  /**
   * Compiles and publishes {@code snapshot}. Throwing means NACK: the message goes to the coordinator
   * and the gateway keeps its previous config.
   */
  void apply(Snapshot snapshot) throws ConfigRejectedException;
}
