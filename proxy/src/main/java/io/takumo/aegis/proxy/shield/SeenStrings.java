package io.takumo.aegis.proxy.shield;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.takumo.aegis.detect.Detector;
import io.takumo.aegis.detect.Finding;
import io.takumo.aegis.shield.ScanMemo;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * The gateway's {@link ScanMemo}s (decisions.md, <em>Strings scanned once per conversation</em>): the
 * findings of each long JSON string a caller sent, by SHA-256 of its bytes, for as long as the
 * conversation vault keeps that caller's secrets ({@code TAKUMO_VAULT_TTL} after the string was last
 * seen) at the longest, bounded by {@code TAKUMO_SCAN_MEMO_BYTES} (each entry weighed by its findings and
 * their decoded secrets: a string of 29,000 private IPs must not make a few hundred entries a gigabyte).
 *
 * <p>Partitioned by the caller's API key and by what the detector finds (a fleet config with other custom
 * patterns starts afresh; one with the same patterns keeps what was found): one caller never gets
 * findings of another's strings, so nobody can tell from the time a request takes whether someone else
 * sent the same text. The findings of a string that held escapes carry its decoded secrets, as the
 * conversation vault does; they are zeroed when the entry expires or is evicted. In memory only.
 * Thread-safe.
 */
public final class SeenStrings {
  /** What an entry costs besides its findings: key, digest, node, list. */
  private static final int ENTRY_OVERHEAD = 160;
  /** What a finding costs besides its decoded secret. */
  private static final int FINDING_OVERHEAD = 64;

  private final Cache<Key, List<Finding>> findings;
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();

  /** A caller, what its detector finds ({@link Detector#rulesId}: the same across config versions), a string. */
  private record Key(String keyId, String rulesId, ScanMemo.Digest digest) {}

  /** A memo weighing at most {@code maxBytes}, each string kept {@code ttl} after it was last seen. */
  public SeenStrings(Duration ttl, long maxBytes) {
    this.findings = Caffeine.newBuilder()
        .expireAfterAccess(ttl)
        .maximumWeight(maxBytes)
        .<Key, List<Finding>>weigher((k, v) -> weight(v))
        .executor(Runnable::run) // maintenance (and zeroing) on the calling thread, no pool
        .<Key, List<Finding>>removalListener((k, v, cause) -> { // after the entry left the map, under no lock
          if (v != null) {
            Finding.zeroDecoded(v);
          }
        })
        .build();
  }

  /** The memo of the caller with API key {@code keyId}, for {@code detector}'s findings. */
  public ScanMemo memo(String keyId, Detector detector) {
    String rulesId = detector.rulesId();
    return new ScanMemo() {
      @Override
      public @Nullable List<Finding> recall(Digest digest) {
        Key key = new Key(keyId, rulesId, digest);
        List<Finding> known = findings.getIfPresent(key);
        if (known == null) {
          misses.increment();
          return null;
        }
        hits.increment();
        if (!holdsSecrets(known)) {
          return known; // immutable, nothing in it to zero: most strings
        }
        // Copied under the entry's lock: an eviction zeroes the memo's own only once the entry is out of the map.
        @SuppressWarnings("unchecked")
        List<Finding>[] copy = new List[1];
        findings.asMap().computeIfPresent(key, (k, v) -> {
          copy[0] = copies(v);
          return v;
        });
        if (copy[0] == null) { // evicted since: scanned again
          hits.decrement();
          misses.increment();
        }
        return copy[0];
      }

      @Override
      public void keep(Digest digest, List<Finding> found) {
        findings.asMap().putIfAbsent(new Key(keyId, rulesId, digest), copies(found)); // none replaced: none zeroed in use
      }
    };
  }

  /** Whether any of {@code found} carries a decoded secret (which eviction zeroes). */
  private static boolean holdsSecrets(List<Finding> found) {
    for (Finding f : found) {
      if (f.decoded() != null) {
        return true;
      }
    }
    return false;
  }

  private static int weight(List<Finding> found) {
    long w = ENTRY_OVERHEAD;
    for (Finding f : found) {
      byte[] decoded = f.decoded();
      w += FINDING_OVERHEAD + (decoded == null ? 0 : decoded.length);
    }
    return (int) Math.min(w, Integer.MAX_VALUE);
  }

  /** {@code found} with decoded values of their own. */
  private static List<Finding> copies(List<Finding> found) {
    Finding[] out = new Finding[found.size()];
    for (int i = 0; i < out.length; i++) {
      Finding f = found.get(i);
      byte[] decoded = f.decoded();
      out[i] = decoded == null ? f : new Finding(f.start(), f.end(), f.category(), f.ruleId(), f.confidence(),
          decoded.clone());
    }
    return List.of(out);
  }

  /** Strings looked up and found, since the gateway started (for metrics). */
  public long hits() {
    return hits.sum();
  }

  /** Strings looked up and scanned because they were not found. */
  public long misses() {
    return misses.sum();
  }

  /** Strings remembered now (approximate). */
  public long size() {
    findings.cleanUp();
    return findings.estimatedSize();
  }

  /** What the remembered strings weigh, against {@code TAKUMO_SCAN_MEMO_BYTES} (for metrics). */
  public long weight() {
    return findings.policy().eviction().map(e -> e.weightedSize().orElse(0L)).orElse(0L);
  }
}
