package io.takumo.aegis.cli;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * {@code scan --git}: every line each commit added, read from {@code git log -p --unified=0} (git's plumbing, not a
 * Java git library), handed on as one source per commit and file: the added lines joined, with the line number
 * each had in that commit's file. Streamed: {@code sink} gets each source as its file's diff ends.
 */
final class GitHistory {
  private GitHistory() {}

  /** What a history source knows beyond its text: the commit, its author date, the file lines of its lines. */
  record Origin(String commit, String date, int[] lines) {}

  static void forEach(Path repository, @Nullable String range, Consumer<ScanSource> sink) throws IOException {
    List<String> command = new ArrayList<>(List.of("git", "-C", repository.toString(), "-c", "core.quotePath=false",
        "log", "-p", "--no-color",
        "--no-ext-diff", "--no-renames", "--unified=0", "--format=%x00commit %H %aI"));
    if (range != null) {
      command.add(range);
    }
    command.add("--");
    Process git = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE).start();
    Chunk chunk = null;
    String commit = null;
    String date = null;
    boolean inHeader = false; // between "diff --git" and the first hunk: "+++ " names the file only there
    int line = 0;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(git.getInputStream(), StandardCharsets.UTF_8))) {
      for (String text = in.readLine(); text != null; text = in.readLine()) {
        if (text.startsWith("\0commit ")) {
          emit(chunk, sink);
          chunk = null;
          inHeader = false;
          String[] parts = text.substring(8).split(" ", 2);
          commit = parts[0];
          date = parts.length > 1 ? parts[1] : "";
        } else if (text.startsWith("diff --git ")) {
          emit(chunk, sink);
          chunk = null;
          inHeader = true;
        } else if (inHeader && text.startsWith("+++ ")) {
          String path = unquote(text.substring(4));
          chunk = path.startsWith("b/") && commit != null ? new Chunk(path.substring(2), commit, String.valueOf(date))
              : null; // +++ /dev/null: a deletion adds nothing
        } else if (text.startsWith("@@ ") && (inHeader || chunk != null)) {
          inHeader = false;
          line = hunkStart(text);
        } else if (!inHeader && chunk != null && text.startsWith("+")) {
          chunk.add(text.substring(1), line++); // an added line, whatever follows its '+' ("+++ x" too)
        }
      }
      emit(chunk, sink);
      String said = new String(git.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!git.waitFor(60, TimeUnit.SECONDS) || git.exitValue() != 0) {
        throw new IOException("git log failed in " + repository + (said.isEmpty() ? "" : ": " + said));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      git.destroy();
    }
  }

  /**
   * A path as diff headers write it: as is, or C-quoted when it holds a quote, a backslash or a control character
   * ({@code "b/dir/a\"b.txt"}, octal escapes for bytes). A file with such a name is scanned like any other.
   */
  static String unquote(String path) {
    if (path.length() < 2 || path.charAt(0) != '"' || path.charAt(path.length() - 1) != '"') {
      return path;
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (int i = 1; i < path.length() - 1; i++) {
      char c = path.charAt(i);
      if (c != '\\' || i + 1 >= path.length() - 1) {
        out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
        continue;
      }
      char e = path.charAt(++i);
      if (e >= '0' && e <= '7' && i + 2 < path.length() - 1) {
        out.write(Integer.parseInt(path.substring(i, i + 3), 8));
        i += 2;
      } else {
        out.write(switch (e) {
          case 'n' -> '\n';
          case 't' -> '\t';
          case 'r' -> '\r';
          case 'a' -> 7;
          case 'b' -> '\b';
          case 'f' -> '\f';
          case 'v' -> 11;
          default -> e; // \" and \\
        });
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The first new line of a hunk: {@code @@ -12,3 +14,5 @@} → 14. */
  static int hunkStart(String header) {
    int plus = header.indexOf(" +");
    int end = plus < 0 ? -1 : header.indexOf(' ', plus + 2);
    if (plus < 0 || end < 0) {
      return 1;
    }
    String span = header.substring(plus + 2, end);
    int comma = span.indexOf(',');
    try {
      return Integer.parseInt(comma < 0 ? span : span.substring(0, comma));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private static void emit(@Nullable Chunk chunk, Consumer<ScanSource> sink) {
    if (chunk != null && chunk.lines.size() > 0) {
      sink.accept(chunk.source());
    }
  }

  /** The added lines of one file in one commit. */
  private static final class Chunk {
    private final String path;
    private final String commit;
    private final String date;
    private final ByteArrayOutputStream text = new ByteArrayOutputStream();
    private final List<Integer> lines = new ArrayList<>();

    Chunk(String path, String commit, String date) {
      this.path = path;
      this.commit = commit;
      this.date = date;
    }

    void add(String line, int number) {
      text.writeBytes(line.getBytes(StandardCharsets.UTF_8));
      text.write('\n');
      lines.add(number);
    }

    ScanSource source() {
      byte[] bytes = text.toByteArray();
      return new ScanSource(path, () -> new java.io.ByteArrayInputStream(bytes), bytes.length,
          new Origin(commit, date, lines.stream().mapToInt(Integer::intValue).toArray()));
    }
  }
}
