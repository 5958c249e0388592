package io.takumo.aegis.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * What {@code scan} reads: a file of the tree, a file as staged in git's index ({@code --staged}), or the lines a
 * commit added to a file ({@code --git}, with their {@code origin}), named as the report shows it. Opened by the
 * worker that scans it.
 */
record ScanSource(String name, Opener opener, long size, GitHistory.@Nullable Origin origin) {
  interface Opener {
    InputStream open() throws IOException;
  }

  ScanSource(String name, Opener opener, long size) {
    this(name, opener, size, null);
  }

  InputStream open() throws IOException {
    return opener.open();
  }

  static ScanSource file(Path file) throws IOException {
    return new ScanSource(file.toString(), () -> Files.newInputStream(file), Files.size(file));
  }

  /**
   * The files staged in the repository at {@code repository} (added, copied, modified or renamed), each read from
   * the index, not the work tree: what the next commit will hold. Through git's plumbing, not a Java git library.
   */
  static List<ScanSource> staged(Path repository) throws IOException {
    Path root = Path.of(topLevel(repository));
    List<ScanSource> out = new ArrayList<>();
    String listing = git(root, "diff", "--cached", "--name-only", "-z", "--diff-filter=ACMR");
    for (String name : listing.split("\0")) {
      if (name.isEmpty()) {
        continue;
      }
      long size = Long.parseLong(git(root, "cat-file", "-s", ":" + name).trim());
      out.add(new ScanSource(name, () -> blob(root, name), size));
    }
    out.sort(java.util.Comparator.comparing(ScanSource::name)); // path order, as a tree's files
    return out;
  }

  /** The top of the work tree {@code repository} is in. */
  static String topLevel(Path repository) throws IOException {
    return git(repository, "rev-parse", "--show-toplevel").trim();
  }

  /** The staged content of {@code name}, streamed from {@code git cat-file}. */
  private static InputStream blob(Path root, String name) throws IOException {
    Process git = new ProcessBuilder("git", "-C", root.toString(), "cat-file", "blob", ":" + name)
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    return new FilterInputStream(git.getInputStream()) {
      @Override
      public void close() throws IOException {
        super.close();
        git.destroy();
      }
    };
  }

  /** Runs git in {@code dir}; its standard output, or an IOException that says what git said. */
  private static String git(Path dir, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
    command.addAll(List.of(args));
    Process git = new ProcessBuilder(command).start();
    byte[] out;
    byte[] err;
    try (InputStream o = git.getInputStream(); InputStream e = git.getErrorStream()) {
      out = o.readAllBytes(); // small outputs: names, sizes
      err = e.readAllBytes();
    }
    try {
      if (!git.waitFor(60, TimeUnit.SECONDS) || git.exitValue() != 0) {
        String said = new String(err, StandardCharsets.UTF_8).strip();
        throw new IOException("git " + args[0] + " failed in " + dir + (said.isEmpty() ? "" : ": " + said));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    return new String(out, StandardCharsets.UTF_8);
  }
}
