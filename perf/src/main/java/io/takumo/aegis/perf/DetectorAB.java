package io.takumo.aegis.perf;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Two (or more) builds of the detection engine in one JVM, each in its own class loader, scanning the same inputs in
 * turn: {@code make bench-detector-ab BASE=<rev>} compares a commit's rules with the working tree's. On this 2-core
 * machine runs in separate JVMs differ by up to 2× between its fast and slow phases; interleaved per iteration in one
 * JVM, both builds meet the same phases, and the best of many iterations is comparable.
 *
 * <p>Arguments: the iteration count, then one directory of compiled {@code io.takumo.aegis.detect} classes per build
 * (the first is the baseline; give each twice, alternated, to see the harness's own spread). Prints, per build, the
 * best throughput of {@code Detector.scan} over 4 MiB of code-heavy prompt text and 4 MiB of this repository's sources,
 * and of {@code JsonScanner.scan} (what the gateway runs on a body) over a 16 KiB code-heavy request body.
 */
public final class DetectorAB {
  private DetectorAB() {}

  public static void main(String[] args) throws Exception {
    int rounds = Integer.parseInt(args[0]);
    String[] builds = Arrays.copyOfRange(args, 1, args.length);
    byte[][] inputs = {CodePrompts.code(4 << 20, 20261206).getBytes(StandardCharsets.UTF_8),
        ScanCorpus.build(Path.of("."), 4 << 20), CodePrompts.messages(16 << 10, false)};
    String[] names = {"detector, code 4 MiB", "detector, repository 4 MiB", "JsonScanner, body 16 KiB"};
    Object[][] scanners = new Object[builds.length][];
    Method[][] scans = new Method[builds.length][];
    for (int k = 0; k < builds.length; k++) {
      // the platform loader as parent: each build's classes are its own, whatever the class path holds
      ClassLoader loader = new URLClassLoader(new URL[] {Path.of(builds[k]).toUri().toURL()},
          ClassLoader.getPlatformClassLoader());
      Class<?> detector = loader.loadClass("io.takumo.aegis.detect.Detector");
      Class<?> json = loader.loadClass("io.takumo.aegis.detect.JsonScanner");
      Object built = detector.getMethod("builtIn").invoke(null);
      Object walker = json.getConstructor(detector).newInstance(built);
      Method scan = detector.getMethod("scan", byte[].class);
      scanners[k] = new Object[] {built, built, walker};
      scans[k] = new Method[] {scan, scan, json.getMethod("scan", byte[].class)};
    }
    long[][] best = new long[builds.length][inputs.length];
    for (long[] row : best) {
      Arrays.fill(row, Long.MAX_VALUE);
    }
    for (int i = -rounds / 4; i < rounds; i++) { // a quarter more first, untimed: every build compiled before timing
      for (int r = 0; r < builds.length; r++) {
        int k = Math.floorMod(r + i, builds.length); // each round starts at the next build: no place is favoured
        for (int j = 0; j < inputs.length; j++) {
          int times = j == 2 ? 64 : 1; // the body is small: many scans per timing
          long t = System.nanoTime();
          for (int n = 0; n < times; n++) {
            scans[k][j].invoke(scanners[k][j], (Object) inputs[j]);
          }
          if (i >= 0) {
            best[k][j] = Math.min(best[k][j], (System.nanoTime() - t) / times);
          }
        }
      }
    }
    for (int j = 0; j < inputs.length; j++) {
      System.out.printf("%s (best of %d)%n", names[j], rounds);
      for (int k = 0; k < builds.length; k++) {
        System.out.printf("  %-40s %9.1f µs %7.1f MB/s  × %.3f of the first%n", builds[k], best[k][j] / 1e3,
            inputs[j].length / (best[k][j] / 1e3), (double) best[k][j] / best[0][j]);
      }
    }
  }
}
