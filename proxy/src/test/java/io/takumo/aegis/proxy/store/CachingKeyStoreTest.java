package io.takumo.aegis.proxy.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import io.takumo.aegis.proxy.auth.ApiKeyRecord;
import io.takumo.aegis.proxy.auth.KeyStore;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachingKeyStoreTest {
  /** Answers "unknown" to everything and counts lookups. */
  private static final class CountingStore implements KeyStore {
    final AtomicInteger lookups = new AtomicInteger();

    @Override
    public CompletionStage<Optional<ApiKeyRecord>> findBySha256(byte[] sha256) {
      lookups.incrementAndGet();
      return CompletableFuture.completedFuture(Optional.empty());
    }
  }

  @Test
  void aFloodOfRandomKeysStaysWithinTheBound() {
    CountingStore store = new CountingStore();
    CachingKeyStore cache = new CachingKeyStore(store, Duration.ofSeconds(1), Duration.ofSeconds(3), 10_000,
        Ticker.systemTicker(), Runnable::run);
    Random random = new Random(1);
    byte[] hash = new byte[32];
    for (int i = 0; i < 100_000; i++) {
      random.nextBytes(hash);
      assertThat(cache.findBySha256(hash).toCompletableFuture().join()).isEmpty();
    }
    assertThat(cache.size()).isLessThanOrEqualTo(10_000);
    assertThat(store.lookups.get()).isEqualTo(100_000);
  }

  @Test
  void repeatedLookupsOfOneKeyHitTheCache() {
    CountingStore store = new CountingStore();
    CachingKeyStore cache = new CachingKeyStore(store);
    byte[] hash = new byte[32];
    for (int i = 0; i < 1000; i++) {
      cache.findBySha256(hash).toCompletableFuture().join();
    }
    assertThat(store.lookups.get()).isEqualTo(1);
  }
}
