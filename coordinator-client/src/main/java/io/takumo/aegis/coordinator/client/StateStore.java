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

  void saveLastGood(ConfigSnapshot snapshot) {
    write(CONFIG_FILE, snapshot.toByteArray());
  }

  private void write(String name, byte[] bytes) {
    try {
      ensureDir();
      Path tmp = dir.resolve(name + ".tmp");
      Files.deleteIfExists(tmp);
      try {
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException e) {
        Files.createFile(tmp); // not POSIX: the platform's default permissions
      }
      Files.write(tmp, bytes);
      Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      // The gateway keeps serving; only a restart without a coordinator would miss this version.
      log.error("cannot persist {} in {}: {}", name, dir, e.toString());
      throw new UncheckedIOException(e);
    }
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
