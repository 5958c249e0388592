package io.takumo.aegis.coordinator.client;

import io.takumo.aegis.proto.coordinator.v1.ConfigSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's state directory: its instance id and its last good config (which holds provider
 * keys and the token key, hence mode 0600 in a 0700 directory). Writes go to a temporary file that
 * replaces the old one atomically, so a crash leaves either the old or the new file, never half of
 * one. Callback thread only.
 */
final class StateStore {
  private static final Logger log = LoggerFactory.getLogger(StateStore.class);
  static final String CONFIG_FILE = "last-good-config.binpb";
  static final String INSTANCE_FILE = "instance-id";

  private final Path dir;

  StateStore(Path dir) {
    this.dir = dir;
  }

  Path dir() {
    return dir;
  }

  @Nullable String instanceId() {
    Path file = dir.resolve(INSTANCE_FILE);
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.US_ASCII).trim() : null;
    } catch (IOException e) {
      log.warn("cannot read {}: {}", file, e.toString());
      return null;
    }
  }

  void saveInstanceId(String id) {
    write(INSTANCE_FILE, id.getBytes(StandardCharsets.US_ASCII));
  }

  @Nullable ConfigSnapshot lastGood() {
    Path file = dir.resolve(CONFIG_FILE);
    if (!Files.exists(file)) {
      return null;
    }
    try {
      return ConfigSnapshot.parseFrom(Files.readAllBytes(file));
    } catch (IOException e) {
      log.warn("cannot read the last good config {}: {}", file, e.getClass().getSimpleName());
      return null;
    }
  }

  /**
   * Writes {@code snapshot} beside the last good config, to become it with {@link #commitStaged}
   * once it runs, or to be dropped with {@link #discardStaged} when it is refused.
   *
   * @throws IOException when it cannot be written (the caller reports it; the gateway serves on)
   */
  void stageLastGood(ConfigSnapshot snapshot) throws IOException {
    stage(CONFIG_FILE, snapshot.toByteArray());
  }

  /** The staged config becomes the last good one (an atomic rename). */
  void commitStaged() throws IOException {
    commit(CONFIG_FILE);
  }

  void discardStaged() {
    try {
      Files.deleteIfExists(staged(CONFIG_FILE));
    } catch (IOException e) {
      log.debug("cannot delete the staged config: {}", e.toString());
    }
  }

  private void write(String name, byte[] bytes) {
    try {
      stage(name, bytes);
      commit(name);
    } catch (IOException e) {
      log.error("cannot persist {} in {}: {}", name, dir, e.toString());
      throw new UncheckedIOException(e);
    }
  }

  private Path staged(String name) {
    return dir.resolve(name + ".tmp");
  }

  private void stage(String name, byte[] bytes) throws IOException {
    ensureDir();
    Path tmp = staged(name);
    Files.deleteIfExists(tmp);
    try {
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(tmp); // not POSIX: the platform's default permissions
    }
    Files.write(tmp, bytes);
  }

  private void commit(String name) throws IOException {
    Files.move(staged(name), dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private void ensureDir() throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    try {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (FileAlreadyExistsException e) {
      // raced with another writer: fine
    } catch (UnsupportedOperationException e) {
      Files.createDirectories(dir);
    }
  }
}
