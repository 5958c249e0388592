package io.takumo.aegis.proxy.auth;

import static java.util.Objects.requireNonNull;

import io.takumo.aegis.proxy.config.KeyEnvironment;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Checks a raw Takumo key against the {@link KeyStore} (SPEC §7): format, environment, SHA-256
 * lookup with a constant-time compare, status, expiry. Thread-safe; never blocks.
 */
public final class Authenticator {
  private static final HexFormat HEX = HexFormat.of();

  private final KeyStore store;
  private final KeyEnvironment environment;
  private final Clock clock;

  public Authenticator(KeyStore store, KeyEnvironment environment, Clock clock) {
    this.store = requireNonNull(store, "store");
    this.environment = requireNonNull(environment, "environment");
    this.clock = requireNonNull(clock, "clock");
  }
  /** Where the keys are looked up. */
  public KeyStore store() {
    return store;
  }


  /**
   * The principal of a keyless forward-proxy caller at {@code address} in a trusted network, acting as {@code org}
   * (with its settings, or the defaults when they are out of reach, as for a key). Never fails.
   */
  public CompletionStage<Principal> network(String org, String address) {
    return store.orgSettings(org).exceptionally(e -> OrgSettings.DEFAULT)
        .thenApply(settings -> Principal.ofNetwork(org, address, environment, settings));
  }

  /**
   * Completes with the principal, or exceptionally with an {@link AuthException} whose message can
   * be shown to the client.
   */
  public CompletionStage<Principal> authenticate(String rawKey) {
    return authenticate(rawKey, hash -> false);
  }

  /**
   * As {@link #authenticate(String)}; {@code revoked} tells whether the fleet config revoked a key
   * by its SHA-256 (lowercase hex): such a key is refused whatever the key store still says.
   */
  public CompletionStage<Principal> authenticate(String rawKey, java.util.function.Predicate<String> revoked) {
    KeyEnvironment keyEnvironment = ApiKeys.environmentOf(rawKey);
    if (keyEnvironment == null) {
      return CompletableFuture.failedFuture(AuthException.refused(
          "The API key is malformed: a Takumo key is tk_live_ or tk_test_ followed by 64 lowercase hex characters."));
    }
    if (keyEnvironment != environment) {
      return CompletableFuture.failedFuture(AuthException.refused(
          "This is a " + keyEnvironment.wireName() + " key, but this gateway runs in the "
              + environment.wireName() + " environment: use a " + environment.keyPrefix() + " key."));
    }
    byte[] hash = ApiKeys.sha256(rawKey);
    if (revoked.test(HEX.formatHex(hash))) {
      return CompletableFuture.failedFuture(AuthException.refused(
          "The API key " + ApiKeys.prefix(rawKey) + " is revoked. Use an active key."));
    }
    return store.findBySha256(hash).<ApiKeyRecord>handle((found, error) -> {
      if (error != null) {
        throw AuthException.unavailable("The key store is unavailable. Try again shortly.");
      }
      if (found.isEmpty() || !MessageDigest.isEqual(hash, HEX.parseHex(found.get().sha256Hex()))) {
        throw AuthException.refused("The API key is not recognized. Check the key or create one with 'takumo-aegis keys create'.");
      }
      ApiKeyRecord key = found.get();
      if (key.status() != KeyStatus.ACTIVE) {
        throw AuthException.refused("The API key " + key.prefix() + " is " + key.status().wireName() + ". Use an active key.");
      }
      if (key.expiresAt() != null && !clock.instant().isBefore(key.expiresAt())) {
        throw AuthException.refused("The API key " + key.prefix() + " expired at " + key.expiresAt() + ". Create a new key.");
      }
      store.recordUse(key);
      return key;
    }).thenCompose(key -> store.orgSettings(key.org())
        // Settings out of reach: the gateway's own plan, provider keys and token key still serve.
        .exceptionally(e -> OrgSettings.DEFAULT)
        .thenApply(org -> new Principal(key, org)));
  }
}
