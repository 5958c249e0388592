package io.takumo.aegis.proxy.auth;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Where API key records live. Implementations may complete on another thread (a database
 * executor); callers hop back to their event loop. Implementations are thread-safe.
 */
public interface KeyStore {
  /** The record whose SHA-256 is {@code sha256}, if any. Never blocks the caller. */
  CompletionStage<Optional<ApiKeyRecord>> findBySha256(byte[] sha256);

  /** Notes that {@code key} authenticated a request; stores that track use batch the writes. */
  default void recordUse(ApiKeyRecord key) {}

  /**
   * Forgets what it cached of these keys (SHA-256, lowercase hex): the fleet config revoked them, so
   * the next lookup must not answer from a cache, including the last-known-good one.
   */
  default void evict(java.util.Collection<String> sha256Hex) {}

  /**
   * Why the store cannot answer now for a key it has never seen (its database is unreachable), or
   * null when it can; read by {@code /readyz}. Never blocks: stores that depend on a server keep the
   * answer of their last {@link #probe}.
   */
  default @org.jspecify.annotations.Nullable String unavailable() {
    return null;
  }

  /** Checks, blocking, whether the store's server answers; called periodically off the event loops. */
  default void probe() {}

  /**
   * The settings of organization {@code org}: plan, provider keys, token key. Stores without
   * organizations (the key file) answer {@link OrgSettings#DEFAULT}. Never blocks the caller.
   */
  default CompletionStage<OrgSettings> orgSettings(String org) {
    return java.util.concurrent.CompletableFuture.completedFuture(OrgSettings.DEFAULT);
  }
}
