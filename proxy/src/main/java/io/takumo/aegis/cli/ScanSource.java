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

  static ScanSource file(Path file, long size) {
    return new ScanSource(file.toString(), () -> Files.newInputStream(file), size);
  }

  /** Staged files up to this size are read whole from one {@code cat-file --batch}; larger ones are streamed. */
  private static final int IN_MEMORY = 1 << 20;

  /**
   * The files staged in the repository at {@code repository} (added, copied, modified or renamed), in path order,
   * each read from the index, not the work tree: what the next commit will hold. One {@code git cat-file --batch}
   * reads them all (a process per file took as long as the scan); through git's plumbing, not a Java git library.
   */
  static void staged(Path repository, java.util.function.Consumer<ScanSource> sink) throws IOException {
    Path root = Path.of(topLevel(repository));
    List<String> names = new ArrayList<>();
    for (String name : git(root, "diff", "--cached", "--name-only", "-z", "--diff-filter=ACMR").split("\0")) {
      if (!name.isEmpty()) {
        names.add(name);
      }
    }
    names.sort(null); // path order, as a tree's files
    List<String> batched = names.stream().filter(n -> n.indexOf('\n') < 0).toList(); // the batch protocol's lines
    Process git = new ProcessBuilder("git", "-C", root.toString(), "cat-file", "--batch")
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    Thread requests = new Thread(() -> { // written while the answers are read: neither pipe can fill and stall git
      try (java.io.OutputStream out = git.getOutputStream()) {
        for (String name : batched) {
          out.write((":" + name + "\n").getBytes(StandardCharsets.UTF_8));
        }
      } catch (IOException e) {
        // git ended early: the reading side says so
      }
    }, "aegis-scan-index");
    requests.setDaemon(true);
    requests.start();
    try (InputStream in = new java.io.BufferedInputStream(git.getInputStream())) {
      int next = 0;
      for (String name : names) {
        if (name.indexOf('\n') >= 0) {
          sink.accept(new ScanSource(name, () -> blob(root, name), IN_MEMORY + 1L));
          continue;
        }
        String header = line(in); // "<sha> blob <size>", or "<object> missing"
        String[] parts = header.split(" ");
        if (!batched.get(next++).equals(name) || parts.length != 3 || !parts[1].equals("blob")) {
          throw new IOException("git cat-file --batch answered '" + header + "' for a staged file");
        }
        long size = Long.parseLong(parts[2]);
        if (size <= IN_MEMORY) {
          byte[] content = in.readNBytes((int) size);
          sink.accept(new ScanSource(name, () -> new java.io.ByteArrayInputStream(content), size));
        } else {
          in.skipNBytes(size);
          sink.accept(new ScanSource(name, () -> blob(root, name), size));
        }
        if (in.read() != '\n') {
          throw new IOException("git cat-file --batch ended inside a staged file");
        }
      }
    } finally {
      git.destroy();
    }
  }

  /** One LF-terminated line of {@code in}, as UTF-8. */
  private static String line(InputStream in) throws IOException {
    java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("git cat-file --batch ended early");
      }
      line.write(c);
    }
    return line.toString(StandardCharsets.UTF_8);
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
