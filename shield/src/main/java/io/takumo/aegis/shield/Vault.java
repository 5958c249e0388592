package io.takumo.aegis.shield;

import static java.util.Objects.requireNonNull;

import io.takumo.aegis.detect.Category;
import io.takumo.aegis.detect.Detector;
import io.takumo.aegis.detect.Finding;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Secrets of one exchange or one REST session (SPEC §3), by token. Secrets are {@code byte[]},
 * never {@code String}, and are zeroed by {@link #close()}. Bounded: past {@code limit} entries
 * {@link #put} throws {@link VaultFullException}. Synchronized, since a REST session can be used by
 * two requests at once; the proxy's per-exchange vault is only ever touched by one event loop, so
 * the locks are uncontended.
 */
public final class Vault implements AutoCloseable {
  private final TokenMinter minter;
  private final int limit;
  private final @Nullable Recall recall;
  private final Map<Long, Entry> byToken = new HashMap<>();
  private final KnownSecrets known = new KnownSecrets();
  private boolean closed;

  private record Entry(Category category, byte[] secret, byte[] token) {}

  public Vault(TokenMinter minter, int limit) {
    this(minter, limit, null);
  }

  /**
   * A vault that tells {@code recall} every secret it mints a token for, and asks it for tokens it does
   * not know itself (an answer that repeats a token of an earlier exchange).
   */
  public Vault(TokenMinter minter, int limit, @Nullable Recall recall) {
    this.minter = requireNonNull(minter, "minter");
    this.recall = recall;
    if (limit <= 0) {
      throw new IllegalArgumentException("limit: " + limit + " (expected: > 0)");
    }
    this.limit = limit;
  }

  /**
   * The token for {@code secret}: the one it already has, or a new one. The vault keeps its own
   * copy of the secret.
   */
  public byte[] put(Category category, byte[] secret) {
    return put(category, secret, null);
  }

  /**
   * As {@link #put(Category, byte[])}, for a secret the rule {@code ruleId} found: when that rule finds its secrets
   * only by their context ({@link Detector#needsContext}), the secret's copies are searched for by {@link #findCopies}
   * (the detector would not find them again elsewhere).
   */
  public synchronized byte[] put(Category category, byte[] secret, @Nullable String ruleId) {
    if (closed) {
      throw new IllegalStateException("vault closed");
    }
    byte[] digest = minter.digest(category, secret);
    while (true) {
      for (int i = 0; i + 4 <= digest.length; i += 4) {
        int hash = (digest[i] & 0xFF) << 24 | (digest[i + 1] & 0xFF) << 16 | (digest[i + 2] & 0xFF) << 8 | digest[i + 3] & 0xFF;
        long key = Tokens.key(category, hash);
        Entry existing = byToken.get(key);
        if (existing == null) {
          if (byToken.size() >= limit) {
            throw new VaultFullException(limit);
          }
          Entry entry = new Entry(category, secret.clone(), Tokens.format(category, hash));
          byToken.put(key, entry);
          if (ruleId != null && Detector.needsContext(ruleId)) {
            known.add(category, entry.secret);
          }
          if (recall != null) {
            recall.keep(category, hash, secret);
          }
          return entry.token.clone();
        }
        if (Arrays.equals(existing.secret, secret)) {
          return existing.token.clone();
        }
      }
      digest = minter.next(digest); // eight collisions in a row: keep probing deterministically
    }
  }

  /**
   * The secret behind the complete token at {@code b[at]} (see {@link Tokens#match}), or null when
   * this vault does not know it. The caller must not change the returned array.
   */
  public synchronized byte @Nullable [] secretAt(byte[] b, int at) {
    long key = Tokens.keyAt(b, at);
    Entry entry = byToken.get(key);
    if (entry == null && recall != null && !closed) {
      Category category = Tokens.category(key);
      int hash = (int) key;
      byte[] secret = recall.recall(category, hash);
      if (secret != null) { // kept here from now on, so this exchange zeroes it when it closes
        entry = new Entry(category, secret, Tokens.format(category, hash));
        byToken.put(key, entry);
      }
    }
    return entry == null ? null : entry.secret;
  }

  /** Whether {@link #findCopies} has anything to look for: a secret found by its context. */
  public synchronized boolean seeksCopies() {
    return !known.isEmpty();
  }

  /**
   * Appends to {@code out} a finding ({@code known-secret}) for each copy in {@code b[from, to)} of a secret this
   * vault holds that overlaps none of the ranges in {@code taken} ({@code [start, end)} pairs): a secret found once
   * is replaced wherever the content repeats it ({@link KnownSecrets}).
   */
  public synchronized void findCopies(byte[] b, int from, int to, long[] taken, List<Finding> out) {
    if (!known.isEmpty()) {
      known.find(b, from, to, taken, out);
    }
  }

  /** Whether an answer may hold tokens this vault can restore: it has secrets, or its recall has. */
  public synchronized boolean mayRestore() {
    return !byToken.isEmpty() || recall != null && !recall.isEmpty();
  }

  public synchronized int size() {
    return byToken.size();
  }

  public synchronized boolean isEmpty() {
    return byToken.isEmpty();
  }

  TokenMinter minter() {
    return minter;
  }

  /** Zeroes every secret and empties the vault; later {@link #put} calls fail. Idempotent. */
  @Override
  public synchronized void close() {
    known.clear();
    for (Entry entry : byToken.values()) {
      Arrays.fill(entry.secret, (byte) 0);
    }
    byToken.clear();
    closed = true;
  }

  /** Copies every entry (secret bytes included) for an encrypted session file; see SessionFiles. */
  synchronized void forEach(EntryVisitor visitor) {
    for (Entry e : byToken.values()) {
      visitor.visit(e.category, e.secret, e.token);
    }
  }

  /** Restores an entry read back from a session file under its recorded token. */
  synchronized void restore(byte[] token, Category category, byte[] secret) {
    if (Tokens.match(token, 0, token.length) != token.length) {
      throw new IllegalArgumentException("not a token");
    }
    if (byToken.size() >= limit) {
      throw new VaultFullException(limit);
    }
    Entry entry = new Entry(category, secret.clone(), token.clone());
    byToken.put(Tokens.keyAt(token, 0), entry);
    known.add(category, entry.secret);
  }

  interface EntryVisitor {
    void visit(Category category, byte[] secret, byte[] token);
  }
}
