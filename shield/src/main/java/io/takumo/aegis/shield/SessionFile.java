package io.takumo.aegis.shield;

import static java.util.Objects.requireNonNull;

import io.takumo.aegis.detect.Category;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A vault kept on disk between {@code takumo-aegis tokenize} and {@code rehydrate}: never in plain
 * text. AES-256-GCM under a key derived from a passphrase ({@code TAKUMO_SESSION_KEY} or a prompt)
 * with PBKDF2-HMAC-SHA256 and a random salt; the header is authenticated too. Written with mode
 * 0600 and replaced atomically.
 *
 * <p>Layout: {@code "TKSESS1\n"}, salt (16), IV (12), ciphertext of: the token key (a 4-byte length
 * and the bytes: a later run mints the same tokens), the entry count, then per entry the category
 * ordinal (1 byte), token and secret (each a 4-byte length and the bytes).
 */
public final class SessionFile {
  private static final byte[] MAGIC = "TKSESS1\n".getBytes(StandardCharsets.US_ASCII);
  private static final int SALT = 16;
  private static final int IV = 12;
  private static final int ITERATIONS = 210_000; // OWASP's 2023 figure for PBKDF2-HMAC-SHA256
  private static final SecureRandom RANDOM = new SecureRandom();

  private SessionFile() {}

  /** A wrong passphrase, or a file that was changed. */
  public static final class BadPassphraseException extends IOException {
    private static final long serialVersionUID = 1L;

    BadPassphraseException() {
      super("the session file cannot be opened with this passphrase (or it was modified)");
    }
  }

  /** Encrypts every entry of {@code vault} into {@code file}. */
  public static void write(Path file, Vault vault, char[] passphrase) throws IOException {
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(plain);
    byte[] tokenKey = vault.minter().keyBytes();
    out.writeInt(tokenKey.length);
    out.write(tokenKey);
    Arrays.fill(tokenKey, (byte) 0);
    out.writeInt(vault.size());
    vault.forEach((category, secret, token) -> {
      try {
        out.writeByte(category.ordinal());
        out.writeInt(token.length);
        out.write(token);
        out.writeInt(secret.length);
        out.write(secret);
      } catch (IOException e) {
        throw new IllegalStateException("writing to memory", e);
      }
    });
    byte[] clear = plain.toByteArray();
    byte[] salt = random(SALT);
    byte[] iv = random(IV);
    byte[] sealed;
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key(passphrase, salt), new GCMParameterSpec(128, iv));
      cipher.updateAAD(MAGIC);
      sealed = cipher.doFinal(clear);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every JDK", e);
    } finally {
      Arrays.fill(clear, (byte) 0);
    }
    ByteBuffer all = ByteBuffer.allocate(MAGIC.length + SALT + IV + sealed.length).put(MAGIC).put(salt).put(iv).put(sealed);
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".session", ".tmp");
    try {
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the platform's defaults apply
      }
      Files.write(tmp, all.array());
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Reads {@code file} back into a new vault of at most {@code limit} entries. */
  public static Vault read(Path file, char[] passphrase, int limit) throws IOException {
    byte[] all = Files.readAllBytes(file);
    if (all.length < MAGIC.length + SALT + IV + 16 || !Arrays.equals(all, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw new IOException(file + " is not a Takumo session file");
    }
    byte[] salt = Arrays.copyOfRange(all, MAGIC.length, MAGIC.length + SALT);
    byte[] iv = Arrays.copyOfRange(all, MAGIC.length + SALT, MAGIC.length + SALT + IV);
    byte[] clear;
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key(passphrase, salt), new GCMParameterSpec(128, iv));
      cipher.updateAAD(MAGIC);
      clear = cipher.doFinal(all, MAGIC.length + SALT + IV, all.length - MAGIC.length - SALT - IV);
    } catch (AEADBadTagException e) {
      throw new BadPassphraseException();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every JDK", e);
    }
    Vault vault = null;
    try {
      ByteBuffer in = ByteBuffer.wrap(clear);
      byte[] tokenKey = new byte[in.getInt()];
      in.get(tokenKey);
      vault = new Vault(new TokenMinter(tokenKey), limit);
      Arrays.fill(tokenKey, (byte) 0);
      int count = in.getInt();
      Category[] categories = Category.values();
      for (int i = 0; i < count; i++) {
        Category category = categories[in.get()];
        byte[] token = new byte[in.getInt()];
        in.get(token);
        byte[] secret = new byte[in.getInt()];
        in.get(secret);
        vault.restore(token, category, secret);
        Arrays.fill(secret, (byte) 0);
      }
      return vault;
    } catch (RuntimeException e) {
      if (vault != null) {
        vault.close();
      }
      throw new IOException(file + " is damaged", e);
    } finally {
      Arrays.fill(clear, (byte) 0);
    }
  }

  private static SecretKeySpec key(char[] passphrase, byte[] salt) throws GeneralSecurityException {
    requireNonNull(passphrase, "passphrase");
    PBEKeySpec spec = new PBEKeySpec(passphrase, salt, ITERATIONS, 256);
    try {
      byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
      return new SecretKeySpec(key, "AES");
    } finally {
      spec.clearPassword();
    }
  }

  private static byte[] random(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }
}
