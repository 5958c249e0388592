package io.takumo.aegis.perf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A realistic corpus for scan benchmarks: this repository's own main sources and build files
 * (Java, XML, shell, Makefile; not the test fixtures or the docs, which are dense with example
 * secrets and change often), repeated to {@code size} bytes, with a planted secret every ~16 KiB,
 * as code pasted into an AI tool looks.
 */
final class ScanCorpus {
  private static final String[] PLANTS = {
      "\nString awsKey = \"AKIAIOSFODNN7EXAMPLE\";\n",
      "\nDB_URL=postgres://app:s3cr3t-P4ss@db.internal:5432/app\n",
      "\nconst stripe = 'sk_live_51HxQ2eKf8Jz0aBcDeFgHiJkLmN';\n",
      "\npassword: \"hunter2-Correct-Horse\"\n",
      "\nAuthorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U\n"};

  private ScanCorpus() {}

  static byte[] build(Path root, int size) {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(Files::isRegularFile)
          .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.git/"))
          .filter(p -> p.toString().contains("/src/main/") || p.endsWith("pom.xml") || p.endsWith("Makefile"))
          .filter(p -> p.toString().matches(".*\\.(java|xml|yml|yaml|properties|sh)$") || p.endsWith("Makefile"))
          .sorted()
          .forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (files.isEmpty()) {
      throw new IllegalStateException("no source files under " + root.toAbsolutePath());
    }
    StringBuilder corpus = new StringBuilder(size + 65536);
    int plant = 0;
    int nextPlant = 16 << 10;
    while (corpus.length() < size) {
      for (Path file : files) {
        try {
          corpus.append(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
          continue; // not UTF-8 text: skip
        }
        if (corpus.length() >= nextPlant) {
          corpus.append(PLANTS[plant++ % PLANTS.length]);
          nextPlant += 16 << 10;
        }
        if (corpus.length() >= size) {
          break;
        }
      }
    }
    byte[] bytes = corpus.toString().getBytes(StandardCharsets.UTF_8);
    return java.util.Arrays.copyOf(bytes, size);
  }
}
