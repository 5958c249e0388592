package io.takumo.aegis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Known findings of {@code scan} ({@code --write-baseline}, {@code --baseline}): each by a fingerprint of its rule,
 * its path and a SHA-256 of its value, so a baseline can be committed without holding a secret, and a finding keeps
 * its fingerprint when lines move above it.
 */
final class Baseline {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Baseline() {}

  /** One known finding; {@code line} is for the reader of the file, not part of the match. */
  record Entry(String fingerprint, String file, String rule, int line) {}

  /** Each scanning thread's digest: looking one up per finding cost 7% of a whole scan of the bench tree. */
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  });

  /** SHA-256 (hex) of the rule, the path and the SHA-256 of the value {@code b[start, end)}. */
  static String fingerprint(String rule, String file, byte[] b, int start, int end) {
    MessageDigest sha = SHA256.get();
    sha.update(b, start, end - start);
    byte[] value = sha.digest(); // digest() resets it for the next use
    sha.update((rule + '\0' + file.replace('\\', '/') + '\0').getBytes(StandardCharsets.UTF_8));
    sha.update(value);
    return HexFormat.of().formatHex(sha.digest());
  }

  static void write(Path file, List<Entry> entries) throws IOException {
    ObjectNode root = JSON.createObjectNode().put("version", 1);
    ArrayNode findings = root.putArray("findings");
    for (Entry e : entries) {
      findings.addObject().put("fingerprint", e.fingerprint()).put("file", e.file()).put("rule", e.rule())
          .put("line", e.line());
    }
    Files.writeString(file, JSON.writeValueAsString(root) + "\n");
  }

  /** The fingerprints of a baseline file; an IOException naming the file when it is not one. */
  static Set<String> read(Path file) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new IOException("--baseline " + file + ": not readable as a baseline (" + e.getClass().getSimpleName() + ")", e);
    }
    if (root == null || root.path("version").asInt() != 1 || !root.path("findings").isArray()) {
      throw new IOException("--baseline " + file + ": not a baseline (expected: a file --write-baseline wrote)");
    }
    Set<String> out = new HashSet<>();
    for (JsonNode f : root.path("findings")) {
      out.add(f.path("fingerprint").asText());
    }
    return out;
  }
}
