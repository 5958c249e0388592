package io.takumo.aegis.proxy.shield;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.takumo.aegis.detect.Category;
import io.takumo.aegis.shield.Recall;
import io.takumo.aegis.shield.TokenMinter;
import java.time.Duration;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The conversation vault (decisions.md, <em>Conversation vault</em>): token → secret for
 * {@code TAKUMO_VAULT_TTL} after the secret was last sent, so that an answer of a stateful API
 * ({@code previous_response_id}, a WebSocket's later turns) that repeats a token of an earlier exchange
 * gets the secret back.
 *
 * <p>Partitioned by the caller's API key and the token minter: a caller gets back only what it sent
 * itself. Scoping by organization would let one member restore another's secrets by writing guessed tokens
 * into a prompt for the model to repeat. Bounded in bytes (Caffeine, weight = secret size plus the entry's
 * overhead); a secret is zeroed when it expires, is evicted or is replaced. Two different secrets with the
 * same token (a 32-bit collision across exchanges) make that token ambiguous: neither is restored. In
 * memory only, never on disk or in a log. Thread-safe.
 */
public final class ConversationVault {
  /** What an entry costs beyond its secret: key, node and array headers. */
  private static final int OVERHEAD = 96;

  private final Cache<Key, byte[]> secrets;
  /** The scopes that kept something within the TTL: an answer to any other needs no rehydration for its sake. */
  private final Cache<Scope, Boolean> scopes;

  /** A caller and the key its tokens are minted with (by fingerprint: the same key in every config version). */
  private record Scope(String keyId, long minter) {}

  private record Key(Scope scope, long token) {}

  /** A vault keeping secrets for {@code ttl} (positive), at most {@code maxBytes} of them. */
  public ConversationVault(Duration ttl, long maxBytes) {
    this.secrets = Caffeine.newBuilder()
        .expireAfterWrite(ttl)
        .maximumWeight(maxBytes)
        .weigher((Key k, byte[] v) -> v.length + OVERHEAD)
        .executor(Runnable::run) // maintenance (and zeroing) on the calling thread, no pool
        .removalListener((@Nullable Key k, byte @Nullable [] v, RemovalCause cause) -> {
          if (v != null && cause != RemovalCause.REPLACED) { // keep zeroes what it replaces
            Arrays.fill(v, (byte) 0);
          }
        })
        .build();
    this.scopes = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(100_000).executor(Runnable::run).build();
  }

  /** The recall of one caller (its key id) for tokens of {@code minter}. */
  public Recall recall(String keyId, TokenMinter minter) {
    Scope scope = new Scope(keyId, minter.fingerprint());
    return new Recall() {
      @Override
      public void keep(Category category, int hash, byte[] secret) {
        ConversationVault.this.keep(scope, category, hash, secret);
      }

      @Override
      public byte @Nullable [] recall(Category category, int hash) {
        return ConversationVault.this.recall(scope, category, hash);
      }

      @Override
      public boolean isEmpty() {
        return scopes.getIfPresent(scope) == null;
      }
    };
  }

  /** How many secrets are kept (approximate, for metrics and tests). */
  public long size() {
    secrets.cleanUp();
    return secrets.estimatedSize();
  }

  /** What the kept secrets weigh with their overhead, against the bound (for metrics). */
  public long weight() {
    return secrets.policy().eviction().map(e -> e.weightedSize().orElse(0L)).orElse(0L);
  }

  private void keep(Scope scope, Category category, int hash, byte[] secret) {
    secrets.asMap().compute(new Key(scope, key(category, hash)), (k, old) -> {
      if (old == null) {
        return secret.clone();
      }
      byte[] next = old.length > 0 && Arrays.equals(old, secret)
          ? old.clone() // a new write: the TTL starts again
          : new byte[0]; // two secrets behind one token: restore neither
      Arrays.fill(old, (byte) 0); // under the entry's lock, so no recall is copying it
      return next;
    });
    scopes.put(scope, Boolean.TRUE);
  }

  private byte @Nullable [] recall(Scope scope, Category category, int hash) {
    byte[][] copy = new byte[1][];
    secrets.asMap().computeIfPresent(new Key(scope, key(category, hash)), (k, v) -> {
      copy[0] = v.length == 0 ? null : v.clone(); // under the entry's lock: eviction cannot zero it meanwhile
      return v;
    });
    return copy[0];
  }

  private static long key(Category category, int hash) {
    return ((long) category.ordinal() << 32) | (hash & 0xFFFFFFFFL);
  }
}
