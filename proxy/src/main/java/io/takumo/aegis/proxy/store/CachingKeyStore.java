package io.takumo.aegis.proxy.store;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.takumo.aegis.proxy.auth.ApiKeyRecord;
import io.takumo.aegis.proxy.auth.KeyStore;
import io.takumo.aegis.proxy.auth.OrgSettings;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * A Caffeine cache in front of a slower {@link KeyStore} (SPEC §7), keyed by the key's hash, with
 * positive and negative entries.
 *
 * <ul>
 *   <li>Entries are refreshed in the background after {@code refreshAfter} and expire after
 *       {@code maxStaleness}, so a key revoked or disabled in the database stops working on every
 *       gateway within {@code maxStaleness} (3 s by default, under SPEC's 5 s).
 *   <li>When the store fails, the last record it gave for a key is served (cached keys keep
 *       working); a key the store never confirmed fails, which the caller answers with 503.
 *   <li>A flood of random keys is bounded by the cache size; each costs one lookup.
 * </ul>
 *
 * Thread-safe; lookups never block the caller.
 */
public final class CachingKeyStore implements KeyStore {
  private static final HexFormat HEX = HexFormat.of();

  private final KeyStore delegate;
  private final AsyncLoadingCache<String, Optional<ApiKeyRecord>> cache;
  private final Cache<String, ApiKeyRecord> lastKnown;
  private final AsyncLoadingCache<String, OrgSettings> orgs;

  public CachingKeyStore(KeyStore delegate) {
    this(delegate, Duration.ofSeconds(1), Duration.ofSeconds(3), 100_000, Ticker.systemTicker(), Runnable::run);
  }

  CachingKeyStore(KeyStore delegate, Duration refreshAfter, Duration maxStaleness, long maxEntries, Ticker ticker,
      Executor executor) {
    this.delegate = requireNonNull(delegate, "delegate");
    this.lastKnown = Caffeine.newBuilder().maximumSize(maxEntries).ticker(ticker).build();
    this.cache = Caffeine.newBuilder()
        .maximumSize(maxEntries)
        .refreshAfterWrite(refreshAfter)
        .expireAfterWrite(maxStaleness)
        .ticker(ticker)
        .executor(executor)
        .buildAsync((hash, exec) -> load(hash));
    // Settings are refreshed in the background and never expire while in use: a request never waits
    // for them once its organization is known, and a database outage keeps the last good ones.
    this.orgs = Caffeine.newBuilder()
        .maximumSize(maxEntries)
        .refreshAfterWrite(refreshAfter)
        .expireAfterAccess(Duration.ofHours(1))
        .ticker(ticker)
        .executor(executor)
        .buildAsync((org, exec) -> delegate.orgSettings(org).toCompletableFuture());
  }

  @Override
  public @Nullable String unavailable() {
    return delegate.unavailable();
  }

  @Override
  public void probe() {
    delegate.probe();
  }

  @Override
  public CompletionStage<OrgSettings> orgSettings(String org) {
    return orgs.get(org);
  }

  private CompletableFuture<Optional<ApiKeyRecord>> load(String hash) {
    return delegate.findBySha256(HEX.parseHex(hash)).toCompletableFuture().handle((found, error) -> {
      if (error == null) {
        found.ifPresentOrElse(r -> lastKnown.put(hash, r), () -> lastKnown.invalidate(hash));
        return found;
      }
      ApiKeyRecord known = lastKnown.getIfPresent(hash);
      if (known != null) {
        return Optional.of(known); // the store is down: a key it confirmed keeps working
      }
      throw new IllegalStateException("key store unavailable", error);
    });
  }

  @Override
  public CompletionStage<Optional<ApiKeyRecord>> findBySha256(byte[] sha256) {
    return cache.get(HEX.formatHex(sha256));
  }

  @Override
  public void evict(java.util.Collection<String> sha256Hex) {
    cache.synchronous().invalidateAll(sha256Hex);
    lastKnown.invalidateAll(sha256Hex);
  }

  @Override
  public void recordUse(ApiKeyRecord key) {
    delegate.recordUse(key);
  }

  /** Entries held (for the memory-bound test). */
  long size() {
    cache.synchronous().cleanUp();
    return cache.synchronous().estimatedSize();
  }
}
