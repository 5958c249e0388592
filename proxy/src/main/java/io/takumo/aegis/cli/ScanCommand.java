package io.takumo.aegis.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.takumo.aegis.detect.Detector;
import io.takumo.aegis.detect.Finding;
import io.takumo.aegis.detect.JsonScanner;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code takumo-aegis scan}: finds secrets in files and directories. Exit 0 clean, 1 found, 2 usage. */
@Command(name = "scan", mixinStandardHelpOptions = true,
    description = "Scan files and directories for secrets. Exit code 0: clean, 1: secrets found, 2: usage error.")
final class ScanCommand implements Callable<Integer> {
  /** Files are scanned in windows of this size; a secret longer than the overlap could be cut. */
  static final int WINDOW = 16 << 20;
  static final int OVERLAP = 64 << 10;
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Spec CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "PATH",
      description = "Files or directories to scan (with --staged: the repository, default the current directory).")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--staged", description = "Scan what is staged for the next commit (git's index), as a pre-commit "
      + "hook does; exit 1 when a secret is found.")
  boolean staged;

  @Option(names = "--git", description = "Scan the repository's history: every line each commit added (with "
      + "--range, only those commits); findings name their commit and author date.")
  boolean history;

  @Option(names = "--range", paramLabel = "REV_RANGE", description = "With --git: the commits to scan, such as "
      + "main..HEAD (default: all of HEAD's history).")
  @Nullable String range;

  @Option(names = "--baseline", paramLabel = "FILE", description = "Do not report findings listed in this baseline "
      + "(written by --write-baseline).")
  @Nullable Path baseline;

  @Option(names = "--write-baseline", paramLabel = "FILE", description = "Write every finding to FILE as a baseline "
      + "(rule, path and a hash of the value, never the value) and exit 0.")
  @Nullable Path writeBaseline;

  @Option(names = "--ignore", paramLabel = "GLOB", description = "Skip paths matching this glob (repeatable), e.g. '**/test/**'.")
  List<String> ignores = new ArrayList<>();

  @Option(names = "--no-recursive", description = "Do not descend into subdirectories.")
  boolean noRecursive;

  @Option(names = "--no-gitignore", description = "Scan files that .gitignore excludes too (inside a git work tree).")
  boolean noGitignore;

  @Option(names = "--format", defaultValue = "text", description = "text, json, sarif or csv (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--redact", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Mask values in text output (default); --no-redact prints them whole, for your own terminal.")
  boolean redact;

  @Override
  public Integer call() throws IOException {
    if (!Set.of("text", "json", "sarif", "csv").contains(format)) {
      throw new ParameterException(spec.commandLine(), "--format: " + format + " (expected: text, json, sarif or csv)");
    }
    List<PathMatcher> ignored = new ArrayList<>();
    for (String glob : ignores) {
      ignored.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
    }
    Path configRoot = paths.isEmpty() ? Path.of(".") : paths.get(0);
    if (staged || history) {
      try {
        configRoot = Path.of(ScanSource.topLevel(configRoot));
      } catch (IOException e) {
        // not a repository: said below by --staged or --git, which cannot run either
      }
    }
    ProjectConfig project;
    Set<String> known = Set.of();
    try {
      project = ProjectConfig.at(configRoot);
      if (baseline != null) {
        known = Baseline.read(baseline);
      }
    } catch (IOException e) {
      throw new ParameterException(spec.commandLine(), String.valueOf(e.getMessage()));
    }
    Detector detector = project.patterns().isEmpty() ? Detector.builtIn()
        : Detector.builtIn().withCustomPatterns(project.patterns());
    JsonScanner json = new JsonScanner(detector);
    Progress progress = new Progress(System.console() != null && format.equals("text"));
    List<Result> results = new ArrayList<>();
    for (Result r : scan(sources(ignored), detector, json, progress)) {
      if (!known.contains(r.fingerprint()) && project.reports(r.finding().ruleId())
          && !project.allows(configRoot, r.file())) {
        results.add(r);
      }
    }
    progress.done();
    PrintStream out = System.out;
    switch (format) {
      case "json":
        out.println(JSON.writeValueAsString(jsonReport(results)));
        break;
      case "sarif":
        out.println(JSON.writeValueAsString(sarif(results)));
        break;
      case "csv":
        out.print(csv(results));
        break;
      default:
        for (Result r : results) {
          out.printf("%s:%d:%d: %s %s %s%s%n", r.file, r.line, r.column, r.finding.category(), r.finding.ruleId(),
              redact ? r.masked : r.value, r.commit == null ? "" : " (commit " + r.commit.substring(0, Math.min(12, r.commit.length()))
                  + ", " + r.date + ")");
        }
        System.err.printf("%d secret(s) in %d file(s) scanned.%n", results.size(), progress.files.get());
    }
    if (writeBaseline != null) {
      Baseline.write(writeBaseline, results.stream().map(r -> new Baseline.Entry(r.fingerprint(), r.file(),
          r.finding().ruleId(), r.line())).toList());
      System.err.printf("%d finding(s) written to the baseline %s.%n", results.size(), writeBaseline);
      return 0;
    }
    return results.isEmpty() ? 0 : 1;
  }

  /** Where the sources to scan come from: a feed that hands each to a consumer, in path (or history) order. */
  private interface Feed {
    void each(java.util.function.Consumer<ScanSource> sink) throws IOException;
  }

  /** The sources the options name: the index, the history, or files and directories; usage errors thrown here. */
  private Feed sources(List<PathMatcher> ignored) throws IOException {
    if (staged && history) {
      throw new ParameterException(spec.commandLine(), "--staged and --git: one at a time");
    }
    if (range != null && !history) {
      throw new ParameterException(spec.commandLine(), "--range: only with --git");
    }
    if (staged || history) {
      Path repository = paths.isEmpty() ? Path.of(".") : paths.get(0);
      if (paths.size() > 1) {
        throw new ParameterException(spec.commandLine(), "PATH: one repository with " + (staged ? "--staged" : "--git")
            + " (got " + paths.size() + ")");
      }
      String option = staged ? "--staged: " : "--git: ";
      return sink -> {
        java.util.function.Consumer<ScanSource> kept = source -> {
          if (ignored.stream().noneMatch(m -> m.matches(Path.of(source.name())))) {
            sink.accept(source);
          }
        };
        try {
          if (staged) {
            ScanSource.staged(repository, kept);
          } else {
            GitHistory.forEach(repository, range, kept);
          }
        } catch (IOException e) {
          throw new ParameterException(spec.commandLine(), option + e.getMessage());
        }
      };
    }
    if (paths.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "PATH: missing (expected: files or directories to scan)");
    }
    List<ScanSource> files = new ArrayList<>();
    for (Path root : paths) {
      if (!Files.exists(root)) {
        throw new ParameterException(spec.commandLine(), "PATH: " + root + " (expected: an existing file or directory)");
      }
      files(root, ignored).forEach((file, size) -> files.add(ScanSource.file(file, size)));
    }
    return new Listed(files);
  }

  /** A feed known in full before the scan: files and directories. */
  private record Listed(List<ScanSource> sources) implements Feed {
    @Override
    public void each(java.util.function.Consumer<ScanSource> sink) {
      sources.forEach(sink);
    }
  }

  /**
   * Every source of {@code feed} scanned on the workers, the results in the feed's order. At most four sources per
   * worker wait to be scanned: a history read faster than it is scanned is never held whole.
   */
  private static List<Result> scan(Feed feed, Detector detector, JsonScanner json, Progress progress)
      throws IOException {
    int threads = scanThreads(Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory());
    if (feed instanceof Listed listed) {
      return scanListed(listed.sources(), threads, detector, json, progress);
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "aegis-scan");
      t.setDaemon(true);
      return t;
    });
    java.util.concurrent.Semaphore waiting = new java.util.concurrent.Semaphore(4 * threads);
    List<CompletableFuture<List<Result>>> scans = new ArrayList<>();
    try {
      feed.each(source -> {
        waiting.acquireUninterruptibly();
        scans.add(CompletableFuture.supplyAsync(() -> {
          try {
            return scanFile(source, detector, json, progress);
          } finally {
            waiting.release();
          }
        }, pool));
      });
      List<Result> out = new ArrayList<>();
      for (CompletableFuture<List<Result>> scan : scans) {
        out.addAll(scan.join()); // in the feed's order, whichever thread finished first
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * A list of sources scanned by workers that each take the next index (no hand-off, and so no wake-up, per file:
   * with a task per file the two cores spent a tenth of a 20,000-file scan switching threads), the calling thread
   * one of them. The results in the list's order.
   */
  private static List<Result> scanListed(List<ScanSource> sources, int threads, Detector detector, JsonScanner json,
      Progress progress) {
    @SuppressWarnings("unchecked")
    List<Result>[] found = new List[sources.size()];
    java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicReference<Throwable> failed = new java.util.concurrent.atomic.AtomicReference<>();
    Runnable worker = () -> {
      try {
        for (int i = next.getAndIncrement(); i < found.length && failed.get() == null; i = next.getAndIncrement()) {
          found[i] = scanFile(sources.get(i), detector, json, progress);
        }
      } catch (RuntimeException | Error e) { // a custom pattern over its budget, say: the scan fails, as on one thread
        failed.compareAndSet(null, e);
      }
    };
    List<Thread> helpers = new ArrayList<>();
    for (int t = 1; t < threads; t++) {
      Thread helper = new Thread(worker, "aegis-scan");
      helper.setDaemon(true);
      helper.start();
      helpers.add(helper);
    }
    worker.run();
    for (Thread helper : helpers) {
      try {
        helper.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("scan interrupted", e);
      }
    }
    Throwable failure = failed.get();
    if (failure instanceof RuntimeException e) {
      throw e;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    List<Result> out = new ArrayList<>();
    for (List<Result> results : found) {
      out.addAll(results);
    }
    return out;
  }

  /**
   * The files to scan under {@code root} and their sizes, in path order: git's view inside a work tree, a plain
   * walk elsewhere (one stat per file, from the walk itself).
   */
  private java.util.SortedMap<Path, Long> files(Path root, List<PathMatcher> ignored) throws IOException {
    java.util.SortedMap<Path, Long> out = new java.util.TreeMap<>();
    if (Files.isRegularFile(root)) {
      out.put(root, Files.size(root));
      return out;
    }
    List<Path> tracked = noGitignore ? null : gitFiles(root);
    if (tracked != null) {
      for (Path p : tracked) {
        Path relative = root.relativize(p);
        if (noRecursive && relative.getNameCount() > 1) {
          continue;
        }
        if (ignored.stream().noneMatch(m -> m.matches(relative) || m.matches(p))) {
          java.nio.file.attribute.BasicFileAttributes attrs;
          try {
            attrs = Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class); // links followed
          } catch (java.nio.file.NoSuchFileException e) {
            continue; // tracked, deleted from the work tree
          } catch (IOException e) {
            System.err.println("takumo-aegis: skipping " + p + ": " + e.getMessage());
            continue;
          }
          if (attrs.isRegularFile()) {
            out.put(p, attrs.size());
          }
        }
      }
      return out;
    }
    Files.walkFileTree(root, Set.of(), noRecursive ? 1 : Integer.MAX_VALUE, new java.nio.file.SimpleFileVisitor<>() {
      @Override
      public java.nio.file.FileVisitResult preVisitDirectory(Path dir, java.nio.file.attribute.BasicFileAttributes attrs) {
        return dir.getFileName() != null && dir.getFileName().toString().equals(".git") && !dir.equals(root)
            ? java.nio.file.FileVisitResult.SKIP_SUBTREE : java.nio.file.FileVisitResult.CONTINUE;
      }

      @Override
      public java.nio.file.FileVisitResult visitFile(Path p, java.nio.file.attribute.BasicFileAttributes attrs) {
        Path relative = root.relativize(p);
        boolean linkToFile = attrs.isSymbolicLink() && Files.isRegularFile(p); // followed, as before the walk stat'ed
        if ((attrs.isRegularFile() || linkToFile) && ignored.stream().noneMatch(m -> m.matches(relative) || m.matches(p))) {
          try {
            out.put(p, linkToFile ? Files.size(p) : attrs.size());
          } catch (IOException e) {
            System.err.println("takumo-aegis: skipping " + p + ": " + e.getMessage());
          }
        }
        return java.nio.file.FileVisitResult.CONTINUE;
      }

      @Override
      public java.nio.file.FileVisitResult visitFileFailed(Path p, IOException e) {
        System.err.println("takumo-aegis: skipping " + p + ": " + e.getMessage());
        return java.nio.file.FileVisitResult.CONTINUE;
      }
    });
    return out;
  }

  /** Tracked and untracked-but-not-ignored files per git, or null outside a work tree. */
  private static @Nullable List<Path> gitFiles(Path root) {
    try {
      Process git = new ProcessBuilder("git", "-C", root.toString(), "ls-files", "-z", "--cached", "--others",
          "--exclude-standard").redirectErrorStream(false).start();
      byte[] listing;
      try (InputStream in = git.getInputStream()) {
        listing = in.readAllBytes();
      }
      git.getErrorStream().readAllBytes();
      if (!git.waitFor(60, TimeUnit.SECONDS) || git.exitValue() != 0) {
        return null;
      }
      List<Path> out = new ArrayList<>();
      for (String name : new String(listing, StandardCharsets.UTF_8).split("\0")) {
        if (!name.isEmpty()) {
          out.add(root.resolve(name));
        }
      }
      return out;
    } catch (IOException e) {
      return null; // no git on this machine
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /**
   * Files are scanned on one thread per core, as many as the heap holds with a full window each (a third of it):
   * the scan is CPU-bound, and one core read the 100 MB tree of issue 18 at 7.6 MB/s.
   */
  static int scanThreads(int cores, long maxHeap) {
    return (int) Math.max(1, Math.min(cores, maxHeap / (3L * (WINDOW + OVERLAP))));
  }

  /**
   * Each scanning thread's buffer, grown to the largest file (or window) it has met and reused: allocating a
   * window per file zeroed 16 MiB for every file, most of them a few KiB.
   */
  private static final ThreadLocal<byte[]> BUFFERS = ThreadLocal.withInitial(() -> new byte[64 << 10]);

  /** Files that are JSON documents by their name: JSON, Terraform state and its backup, Jupyter notebooks. */
  static boolean isJson(String name) {
    return name.endsWith(".json") || name.endsWith(".tfstate") || name.endsWith(".tfstate.backup")
        || name.endsWith(".ipynb");
  }

  private static List<Result> scanFile(ScanSource file, Detector detector, JsonScanner json, Progress progress) {
    List<Result> results = new ArrayList<>();
    try (InputStream in = file.open()) {
      int full = WINDOW + OVERLAP;
      byte[] buffer = buffer((int) Math.min(full, file.size() + 1));
      int filled = in.readNBytes(buffer, 0, buffer.length);
      if (filled == buffer.length && filled < full) { // it grew since its size was read
        byte[] grown = java.util.Arrays.copyOf(buffer, full);
        BUFFERS.set(grown);
        buffer = grown;
        filled += in.readNBytes(buffer, filled, full - filled);
      }
      if (filled == 0 || isBinary(buffer, filled)) {
        return results;
      }
      boolean asJson = isJson(file.name()) && filled < full;
      long base = 0;
      LineCounter lines = new LineCounter();
      while (true) {
        boolean last = filled < full;
        int keepBefore = last ? filled : WINDOW;
        List<Finding> found = asJson ? json.scan(buffer, 0, filled) : detector.scan(buffer, 0, filled);
        if (found.isEmpty() && base == 0 && last) { // /run/secrets/db_password: a file that is one value, named
          found = detector.scanNamedValue(file.name(), buffer, 0, filled);
        }
        for (Finding f : found) {
          if (f.start() >= keepBefore) {
            break; // found again, whole, in the next window
          }
          int[] lc = lines.advance(buffer, f.start());
          if (allowedOnItsLine(buffer, f.start(), f.end(), filled)) {
            continue; // aegis:allow on the line: the author says it is not a secret
          }
          GitHistory.Origin origin = file.origin();
          int line = origin == null ? lc[0] : origin.lines()[Math.min(lc[0], origin.lines().length) - 1];
          results.add(new Result(file.name(), line, lc[1], base + f.start(), base + f.end(), f,
              mask(buffer, f.start(), f.end()), new String(buffer, f.start(), f.end() - f.start(), StandardCharsets.UTF_8),
              Baseline.fingerprint(f.ruleId(), file.name(), buffer, f.start(), f.end()),
              origin == null ? null : origin.commit(), origin == null ? null : origin.date()));
        }
        progress.scanned(keepBefore);
        if (last) {
          break;
        }
        lines.advance(buffer, WINDOW);
        System.arraycopy(buffer, WINDOW, buffer, 0, OVERLAP);
        base += WINDOW;
        lines.rebase(WINDOW);
        filled = OVERLAP + in.readNBytes(buffer, OVERLAP, WINDOW);
      }
      progress.file();
    } catch (IOException e) {
      System.err.println("takumo-aegis: skipping " + file.name() + ": " + e.getMessage());
    }
    return results;
  }

  /** This thread's buffer with room for at least {@code size} bytes (its old content is not kept). */
  private static byte[] buffer(int size) {
    byte[] buffer = BUFFERS.get();
    if (buffer.length < size) {
      buffer = new byte[Math.max(size, Math.min(WINDOW + OVERLAP, buffer.length * 2))];
      BUFFERS.set(buffer);
    }
    return buffer;
  }

  private static final byte[] ALLOW = "aegis:allow".getBytes(StandardCharsets.US_ASCII);

  /** Whether the line (or lines) of {@code b[start, end)} carries an {@code aegis:allow} comment. */
  static boolean allowedOnItsLine(byte[] b, int start, int end, int filled) {
    int from = start;
    while (from > 0 && b[from - 1] != '\n' && start - from < 4096) {
      from--;
    }
    int to = end;
    while (to < filled && b[to] != '\n' && to - end < 4096) {
      to++;
    }
    for (int i = from; i + ALLOW.length <= to; i++) {
      if (b[i] == 'a' && java.util.Arrays.equals(b, i, i + ALLOW.length, ALLOW, 0, ALLOW.length)) {
        return true;
      }
    }
    return false;
  }

  /** A NUL byte in the first 8 KiB: binary, skipped. */
  static boolean isBinary(byte[] b, int length) {
    for (int i = 0; i < Math.min(length, 8192); i++) {
      if (b[i] == 0) {
        return true;
      }
    }
    return false;
  }

  /** The first characters of a value, never more than 40% of it: {@code AKIAIOSF***}. */
  static String mask(byte[] b, int start, int end) {
    int shown = Math.min(8, (end - start) * 2 / 5);
    return new String(b, start, shown, StandardCharsets.UTF_8).replace('\n', ' ') + "***";
  }

  private static ArrayNode jsonReport(List<Result> results) {
    ArrayNode array = JSON.createArrayNode();
    for (Result r : results) {
      ObjectNode finding = array.addObject().put("file", r.file).put("line", r.line).put("column", r.column)
          .put("start", r.start).put("end", r.end).put("category", r.finding.category().name())
          .put("type", r.finding.ruleId()).put("confidence", r.finding.confidence()).put("fingerprint", r.fingerprint);
      if (r.commit != null) {
        finding.put("commit", r.commit).put("date", r.date);
      }
    }
    return array;
  }

  /** One row per finding, RFC 4180 quoting; never the value. */
  private static String csv(List<Result> results) {
    StringBuilder out = new StringBuilder("file,line,column,category,type,confidence,fingerprint,commit,date\r\n");
    for (Result r : results) {
      out.append(csvField(r.file)).append(',').append(r.line).append(',').append(r.column).append(',')
          .append(r.finding.category()).append(',').append(csvField(r.finding.ruleId())).append(',')
          .append(r.finding.confidence()).append(',').append(r.fingerprint).append(',')
          .append(r.commit == null ? "" : r.commit).append(',').append(r.date == null ? "" : csvField(r.date))
          .append("\r\n");
    }
    return out.toString();
  }

  private static String csvField(String value) {
    return value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0
        ? value : '"' + value.replace("\"", "\"\"") + '"';
  }

  private static ObjectNode sarif(List<Result> results) {
    ObjectNode root = JSON.createObjectNode();
    root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json").put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    String version = Main.class.getPackage().getImplementationVersion();
    driver.put("name", "takumo-aegis").put("semanticVersion", version == null ? "0.0.0" : version.replace("-SNAPSHOT", ""))
        .put("informationUri", "https://takumo.io/aegis");
    ArrayNode rules = driver.putArray("rules");
    Set<String> ids = new LinkedHashSet<>();
    results.forEach(r -> ids.add(r.finding.ruleId()));
    for (String id : ids) {
      rules.addObject().put("id", id).putObject("shortDescription").put("text", "Secret detected: " + id);
    }
    ArrayNode out = run.putArray("results");
    for (Result r : results) {
      ObjectNode result = out.addObject();
      result.put("ruleId", r.finding.ruleId()).put("level", "error");
      result.putObject("message").put("text", r.finding.category() + " secret (" + r.finding.ruleId() + "): " + r.masked);
      ObjectNode location = result.putArray("locations").addObject().putObject("physicalLocation");
      location.putObject("artifactLocation").put("uri", r.file.replace('\\', '/'));
      location.putObject("region").put("startLine", r.line).put("startColumn", r.column)
          .put("byteOffset", r.start).put("byteLength", r.end - r.start);
    }
    return root;
  }

  /** A finding as reported; {@code commit} and {@code date} for one found in history ({@code --git}). */
  private record Result(String file, int line, int column, long start, long end, Finding finding, String masked,
      String value, String fingerprint, @Nullable String commit, @Nullable String date) {
    @Override
    public String toString() { // never the value
      return "Result[" + file + ':' + line + ':' + column + ' ' + finding.ruleId() + ']';
    }
  }

  /** 1-based line and column of ascending offsets, counted once per byte. */
  private static final class LineCounter {
    private int line = 1;
    private int lineStart;
    private int pos;

    int[] advance(byte[] b, int to) {
      for (; pos < to; pos++) {
        if (b[pos] == '\n') {
          line++;
          lineStart = pos + 1;
        }
      }
      return new int[] {line, to - lineStart + 1};
    }

    void rebase(int shift) {
      pos -= shift;
      lineStart -= shift;
    }
  }

  /** A progress line on a terminal for large trees; nothing when output is piped. */
  private static final class Progress {
    private final boolean enabled;
    private final java.util.concurrent.atomic.AtomicLong bytes = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicInteger files = new java.util.concurrent.atomic.AtomicInteger();
    private long lastPrint;

    Progress(boolean enabled) {
      this.enabled = enabled;
    }

    void scanned(long n) {
      bytes.addAndGet(n);
    }

    void file() {
      files.incrementAndGet();
      if (enabled) {
        print();
      }
    }

    private synchronized void print() {
      long now = System.nanoTime();
      if (now - lastPrint > 200_000_000L) {
        System.err.printf("\rscanned %d files, %d MB", files.get(), bytes.get() >> 20);
        lastPrint = now;
      }
    }

    synchronized void done() {
      if (enabled && lastPrint != 0) {
        System.err.print("\r\033[K");
      }
    }
  }

}
