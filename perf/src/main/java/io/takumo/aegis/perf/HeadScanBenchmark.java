package io.takumo.aegis.perf;

import io.takumo.aegis.detect.Detector;
import io.takumo.aegis.proxy.shield.ExchangeShield;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What {@code TAKUMO_SCAN_HEADERS=on} costs per request: the head Claude Code sends (its headers
 * and {@code ?beta=true}) scanned as {@code ExchangeShield.tokenizeHead} scans it, one detector
 * pass per scanned header with its name as context. Compare with {@code ShieldBenchmark}'s
 * tokenization of a 16 KiB body in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class HeadScanBenchmark {
  /** Claude Code 2.1's headers on POST /v1/messages?beta=true (the key headers are not scanned). */
  private static final Map<String, String> HEAD = Map.ofEntries(
      Map.entry("accept", "application/json"),
      Map.entry("anthropic-beta", "claude-code-20250219,oauth-2025-04-20,interleaved-thinking-2025-05-14,"
          + "fine-grained-tool-streaming-2025-05-14,context-management-2025-06-27,token-efficient-tools-2025-02-19"),
      Map.entry("anthropic-dangerous-direct-browser-access", "true"),
      Map.entry("anthropic-version", "2023-06-01"),
      Map.entry("content-type", "application/json"),
      Map.entry("user-agent", "claude-cli/2.1.12 (external, cli)"),
      Map.entry("x-app", "cli"),
      Map.entry("x-stainless-arch", "x64"),
      Map.entry("x-stainless-lang", "js"),
      Map.entry("x-stainless-os", "Linux"),
      Map.entry("x-stainless-package-version", "0.60.0"),
      Map.entry("x-stainless-retry-count", "0"),
      Map.entry("x-stainless-runtime", "node"),
      Map.entry("x-stainless-runtime-version", "v22.11.0"),
      Map.entry("x-stainless-timeout", "600"),
      Map.entry("x-stainless-helper-method", "stream"),
      Map.entry("accept-encoding", "gzip, deflate, br, zstd"),
      Map.entry("x-api-key", "tk_live_0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"));

  private Detector detector;
  private List<byte[]> scanned;

  @Setup
  public void setUp() {
    detector = Detector.builtIn();
    scanned = new ArrayList<>();
    HEAD.forEach((name, value) -> {
      if (ExchangeShield.scanned(name)) {
        scanned.add((name + ": " + value).getBytes(StandardCharsets.UTF_8));
      }
    });
    scanned.add("beta=true".getBytes(StandardCharsets.UTF_8));
  }

  @Benchmark
  public int scanHead() {
    int found = 0;
    for (byte[] header : scanned) {
      found += detector.scan(header).size();
    }
    return found;
  }
}
