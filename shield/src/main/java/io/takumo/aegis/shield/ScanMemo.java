package io.takumo.aegis.shield;

import io.takumo.aegis.detect.Finding;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link BodyTokenizer} found in the JSON strings it scanned, by a digest of their bytes: a coding
 * agent sends its whole conversation (system prompt, tool definitions, every earlier turn) with every
 * request, so nearly all of a request's strings were scanned in the one before. A string met again gets
 * the findings of its first scan instead of a second one. Implementations are scoped to one caller and
 * one detector (the findings depend on both) and are thread-safe.
 */
public interface ScanMemo {
  /** Strings shorter than this are scanned every time: scanning them costs little more than their digest. */
  int MIN_BYTES = 1024;

  /**
   * The findings remembered for {@code digest}, with offsets from the string's first byte, or null. Their
   * decoded values are copies the caller owns (and zeroes).
   */
  @Nullable List<Finding> recall(Digest digest);

  /**
   * Remembers {@code findings} (offsets from the string's first byte) for {@code digest}, with copies of
   * their decoded values: the caller zeroes its own once they are tokenized.
   */
  void keep(Digest digest, List<Finding> findings);

  /**
   * SHA-256 of a string's raw bytes and of the member name it is the value of: a string under another name
   * is judged by another context rule. A cryptographic digest because a collision would hand one string
   * another's findings and let a secret through: nobody can make two strings with the same SHA-256 (a
   * 64-bit hash anyone can collide with by trying).
   */
  record Digest(long a, long b, long c, long d) {
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
      try {
        return MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every Java runtime has SHA-256", e);
      }
    });

    /** The digest of {@code raw[s, e)} as the value of member {@code name[0, nameLength)} (null: no member). */
    public static Digest of(byte[] raw, int s, int e, byte @Nullable [] name, int nameLength) {
      MessageDigest sha = SHA256.get();
      if (name != null) { // the name's length first: "db" + "_password…" is not "db_password" + "…"
        sha.update((byte) 1);
        for (int shift = 24; shift >= 0; shift -= 8) {
          sha.update((byte) (nameLength >>> shift));
        }
        sha.update(name, 0, nameLength);
      } else {
        sha.update((byte) 0);
      }
      sha.update(raw, s, e - s);
      ByteBuffer h = ByteBuffer.wrap(sha.digest());
      return new Digest(h.getLong(), h.getLong(), h.getLong(), h.getLong());
    }
  }
}
