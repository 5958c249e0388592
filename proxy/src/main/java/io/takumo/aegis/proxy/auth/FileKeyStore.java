package io.takumo.aegis.proxy.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.takumo.aegis.proxy.config.KeyEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The development and sidecar key store (SPEC §7): a JSON file of key records holding SHA-256
 * hashes only, written with mode 0600 and replaced atomically.
 *
 * <p>Lookups read an immutable in-memory map and complete at once. {@link #refresh()} re-reads the
 * file when its modification time changed; the gateway calls it periodically off the event loops so
 * keys created or revoked with the CLI take effect on a running gateway.
 */
public final class FileKeyStore implements KeyStore, KeyAdmin {
  private static final ObjectMapper JSON = new ObjectMapper()
      .findAndRegisterModules()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
      .enable(SerializationFeature.INDENT_OUTPUT);
  private static final HexFormat HEX = HexFormat.of();

  private final Path file;
  private volatile Map<String, ApiKeyRecord> byHash = Map.of();
  private volatile @Nullable FileTime loadedModified;

  private FileKeyStore(Path file) {
    this.file = file;
  }

  /** Opens (and reads, if present) the store at {@code file}; a missing file is an empty store. */
  public static FileKeyStore open(Path file) {
    FileKeyStore store = new FileKeyStore(file);
    store.refresh();
    return store;
  }

  public Path file() {
    return file;
  }

  @Override
  public String location() {
    return file.toString();
  }

  @Override
  public CompletionStage<Optional<ApiKeyRecord>> findBySha256(byte[] sha256) {
    return CompletableFuture.completedFuture(Optional.ofNullable(byHash.get(HEX.formatHex(sha256))));
  }

  @Override
  public List<ApiKeyRecord> list() {
    List<ApiKeyRecord> all = new ArrayList<>(byHash.values());
    all.sort((a, b) -> a.createdAt().compareTo(b.createdAt()));
    return all;
  }

  /** Re-reads the file if it changed since the last read. Blocking file I/O: not for event loops. */
  public synchronized void refresh() {
    FileTime modified;
    try {
      modified = Files.getLastModifiedTime(file);
    } catch (NoSuchFileException e) {
      byHash = Map.of();
      loadedModified = null;
      return;
    } catch (IOException e) {
      throw new UncheckedIOException("reading key store " + file, e);
    }
    if (modified.equals(loadedModified)) {
      return;
    }
    byHash = read().stream().collect(Collectors.toUnmodifiableMap(ApiKeyRecord::sha256Hex, r -> r, (a, b) -> b));
    loadedModified = modified;
  }

  @Override
  public synchronized String create(String name, String org, KeyEnvironment environment, Set<Scope> scopes,
      @Nullable Instant expiresAt) {
    String raw = ApiKeys.generate(environment);
    String hash = HEX.formatHex(ApiKeys.sha256(raw));
    ApiKeyRecord record = new ApiKeyRecord("key_" + hash.substring(0, 12), org, name, ApiKeys.prefix(raw), hash,
        environment, scopes, KeyStatus.ACTIVE, expiresAt, Instant.now());
    List<ApiKeyRecord> all = read();
    all.add(record);
    write(all);
    return raw;
  }

  @Override
  public synchronized ApiKeyRecord setStatus(String idOrPrefix, KeyStatus status) {
    List<ApiKeyRecord> all = read();
    List<Integer> matches = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      ApiKeyRecord r = all.get(i);
      if (r.id().equals(idOrPrefix) || r.prefix().equals(idOrPrefix)) {
        matches.add(i);
      }
    }
    if (matches.size() != 1) {
      throw new IllegalArgumentException("key: " + idOrPrefix + " (expected: the id or prefix of exactly one key; "
          + matches.size() + " match)");
    }
    int index = matches.get(0);
    if (all.get(index).status() == KeyStatus.REVOKED && status != KeyStatus.REVOKED) {
      throw new IllegalArgumentException("key: " + idOrPrefix + " is revoked (expected: an active or disabled key)");
    }
    ApiKeyRecord updated = all.get(index).withStatus(status);
    all.set(index, updated);
    write(all);
    return updated;
  }

  private List<ApiKeyRecord> read() {
    try {
      StoreFile stored = JSON.readValue(file.toFile(), StoreFile.class);
      List<ApiKeyRecord> records = new ArrayList<>();
      for (StoredKey key : stored.keys) {
        records.add(key.toRecord());
      }
      return records;
    } catch (NoSuchFileException | java.io.FileNotFoundException e) {
      return new ArrayList<>();
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("key store " + file + " cannot be read: " + e.getMessage()
          + " (expected: a JSON file written by 'takumo-aegis keys create')", e);
    }
  }

  private void write(List<ApiKeyRecord> records) {
    StoreFile stored = new StoreFile();
    for (ApiKeyRecord record : records) {
      stored.keys.add(StoredKey.of(record));
    }
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, ".keys", ".tmp");
      try {
        trySetOwnerOnly(tmp);
        JSON.writeValue(tmp.toFile(), stored);
        try {
          Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing key store " + file, e);
    }
    loadedModified = null; // force the next refresh to re-read
    refresh();
  }

  private static void trySetOwnerOnly(Path path) throws IOException {
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: the platform's default ACLs apply.
    }
  }

  /** The file's JSON shape. */
  static final class StoreFile {
    @JsonProperty("keys")
    List<StoredKey> keys = new ArrayList<>();
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  static final class StoredKey {
    @JsonProperty String id = "";
    @JsonProperty String org = "";
    @JsonProperty String name = "";
    @JsonProperty String prefix = "";
    @JsonProperty String sha256 = "";
    @JsonProperty String environment = "";
    @JsonProperty List<String> scopes = new ArrayList<>();
    @JsonProperty String status = "";
    @JsonProperty("expires_at") @Nullable String expiresAt;
    @JsonProperty("created_at") String createdAt = "";

    static StoredKey of(ApiKeyRecord r) {
      StoredKey k = new StoredKey();
      k.id = r.id();
      k.org = r.org();
      k.name = r.name();
      k.prefix = r.prefix();
      k.sha256 = r.sha256Hex();
      k.environment = r.environment().wireName();
      k.scopes = r.scopes().stream().map(Scope::wireName).sorted().collect(Collectors.toList());
      k.status = r.status().wireName();
      k.expiresAt = r.expiresAt() == null ? null : r.expiresAt().toString();
      k.createdAt = r.createdAt().toString();
      return k;
    }

    ApiKeyRecord toRecord() {
      Set<Scope> parsed = scopes.stream().map(Scope::parse).collect(Collectors.toSet());
      return new ApiKeyRecord(id, org, name, prefix, sha256, KeyEnvironment.parse("environment", environment), parsed,
          KeyStatus.valueOf(status.toUpperCase(Locale.ROOT)), expiresAt == null ? null : Instant.parse(expiresAt),
          Instant.parse(createdAt));
    }
  }
}
