package io.takumo.aegis.perf;

import static io.takumo.aegis.perf.PerfRunner.median;
import static io.takumo.aegis.perf.PerfRunner.rounded;

import io.takumo.aegis.detect.Detector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * {@code make bench-scan}'s whole-process run (issue 18): {@code takumo-aegis scan --format json} over a generated tree
 * of about 20,000 files and 100 MB, as a user runs it, against the engine alone on the same bytes in this JVM (one
 * thread) in the same run. Runs {@code bin/takumo-aegis} as users do; {@code SCAN_JAR} names a jar to run with
 * {@code java -jar} instead (another build, for a before/after comparison). Writes {@code perf/results/scan-tree.md};
 * {@code SCAN_REPEATS} sets the runs.
 */
public final class ScanTreePerf {
  private static final int FILES = 20_000;
  private static final int BYTES = 100 << 20;

  private ScanTreePerf() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> env = System.getenv();
    Path repo = PerfRunner.ROOT.toAbsolutePath().normalize();
    String jar = env.get("SCAN_JAR");
    // as users run it (bin/takumo-aegis, with its flags for short commands), or another build's jar as is
    List<String> command = new ArrayList<>(jar == null ? List.of(repo.resolve("bin/takumo-aegis").toString())
        : List.of("java", "-jar", jar));
    int repeats = Integer.parseInt(env.getOrDefault("SCAN_REPEATS", "5"));
    // Outside the repository: a tree under target/ would be git-ignored, and scan follows git's view there.
    Path tree = Path.of(System.getProperty("java.io.tmpdir"), "aegis-scan-tree-" + FILES + "-" + BYTES);
    List<byte[]> files = generate(tree, ScanCorpus.build(repo, BYTES));
    long total = files.stream().mapToLong(f -> f.length).sum();

    Detector detector = Detector.builtIn();
    List<Double> engine = new ArrayList<>();
    List<Double> process = new ArrayList<>();
    for (int r = -1; r < repeats; r++) { // round -1: warm-up (page cache, JIT)
      long start = System.nanoTime();
      long found = 0;
      for (byte[] f : files) {
        found += detector.scan(f, 0, f.length).size();
      }
      double engineMbs = total / 1e6 / ((System.nanoTime() - start) / 1e9);
      start = System.nanoTime();
      List<String> run = new ArrayList<>(command);
      run.addAll(List.of("scan", "--format", "json", tree.toString()));
      Process scan = new ProcessBuilder(run)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      if (!scan.waitFor(10, TimeUnit.MINUTES) || scan.exitValue() != 1) {
        throw new IllegalStateException("scan did not end with exit 1 (secrets found): " + scan.exitValue());
      }
      double processMbs = total / 1e6 / ((System.nanoTime() - start) / 1e9);
      if (r >= 0) {
        engine.add(engineMbs);
        process.add(processMbs);
      }
      System.out.printf(Locale.ROOT, "round %d: engine %.0f MB/s (%d findings), whole process %.1f MB/s%n", r, engineMbs,
          found, processMbs);
    }
    String report = String.format(Locale.ROOT, "# scan over a tree%n%n%d files, %.1f MB (`%s`), %d CPUs; `%s "
        + "scan --format json TREE` as a whole process (JVM start included), against the engine alone on the same "
        + "bytes in one thread of the benchmark's JVM; %d runs after a warm-up, medians.%n%n"
        + "| what | MB/s (runs) |%n| --- | ---: |%n| engine, one thread | %.0f %s |%n| whole process | %.1f %s |%n%n"
        + "whole process ÷ engine on one thread: %.2f (target: ≥ 250 MB/s whole process)%n",
        files.size(), total / 1e6, tree, Runtime.getRuntime().availableProcessors(),
        jar == null ? "bin/takumo-aegis" : "java -jar " + jar,
        repeats, median(engine), rounded(engine, 1), median(process), rounded(process, 1), median(process) / median(engine));
    PerfRunner.writeResult("scan-tree.md", report);
  }

  /**
   * The tree, written once: 200 directories of 100 files whose sizes follow a long tail (most a few KiB, a few
   * hundred KiB), cut from the corpus in order; the files' bytes are returned for the engine's run.
   */
  static List<byte[]> generate(Path tree, byte[] corpus) throws IOException {
    Random random = new Random(18);
    int[] sizes = new int[FILES];
    double sum = 0;
    double[] weights = new double[FILES];
    for (int i = 0; i < FILES; i++) {
      weights[i] = Math.exp(random.nextGaussian() * 1.2); // log-normal
      sum += weights[i];
    }
    for (int i = 0; i < FILES; i++) {
      sizes[i] = Math.max(64, (int) (weights[i] / sum * corpus.length));
    }
    String[] kinds = {".java", ".py", ".ts", ".go", ".yaml", ".json", ".env", ".properties", ".md", ".sh"};
    boolean write = !Files.exists(tree.resolve("done"));
    List<byte[]> files = new ArrayList<>(FILES);
    int at = 0;
    for (int i = 0; i < FILES; i++) {
      int size = Math.min(sizes[i], corpus.length - at);
      if (size <= 0) {
        at = 0;
        size = Math.min(sizes[i], corpus.length);
      }
      byte[] bytes = java.util.Arrays.copyOfRange(corpus, at, at + size);
      at += size;
      files.add(bytes);
      if (write) {
        Path file = tree.resolve("d" + (i / 100)).resolve("f" + i + kinds[i % kinds.length]);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
      }
    }
    if (write) {
      Files.writeString(tree.resolve("done"), "complete\n");
    }
    return files;
  }


}
