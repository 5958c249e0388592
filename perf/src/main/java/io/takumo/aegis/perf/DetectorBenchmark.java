package io.takumo.aegis.perf;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.takumo.aegis.detect.Detector;
import io.takumo.aegis.detect.JsonScanner;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-thread scan throughput, next to a plain byte loop over the same bytes in the same run (the
 * floor any scanner pays to look at every byte). Two corpora: {@code repo}, this repository's own
 * sources, {@code code}, the code-heavy prompt text of {@link CodePrompts} (issue 19: identifiers
 * named key, token, secret on nearly every line), and {@code secrets}, a body that is all findings ({@link
 * #secretLines}). {@link #json} scans the corpus as the gateway sees
 * it, escaped into a JSON request body, with the JSON-aware scanner. Bytes per operation = {@link
 * #SIZE}; MB/s = SIZE / (ms/op) / 1000.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class DetectorBenchmark {
  public static final int SIZE = 4 << 20;

  @Param({"repo", "code", "secrets"})
  public String corpusKind = "repo";

  private byte[] corpus;
  private byte[] request;
  private Detector detector;
  private JsonScanner jsonScanner;

  @Setup
  public void setUp() {
    corpus = switch (corpusKind) {
      case "code" -> Arrays.copyOf(CodePrompts.code(SIZE, 20261206).getBytes(StandardCharsets.UTF_8), SIZE);
      case "secrets" -> secretLines(SIZE);
      default -> ScanCorpus.build(Path.of(System.getProperty("aegis.corpus.root", "..")), SIZE);
    };
    request = ("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":256,\"messages\":[{\"role\":\"user\",\"content\":\""
        + new String(JsonStringEncoder.getInstance().quoteAsString(new String(corpus, StandardCharsets.UTF_8)))
        + "\"}]}").getBytes(StandardCharsets.UTF_8);
    detector = Detector.builtIn();
    jsonScanner = new JsonScanner(detector);
  }

  /**
   * A dump of secrets, one assignment per line ({@code API_KEY=sk-proj-…}, about 68 bytes each: 61,000 findings per 4
   * MiB): what resolving overlaps costs when a body is all findings (quadratic before 2026-12-07: 4 s per 4 MiB).
   */
  static byte[] secretLines(int size) {
    StringBuilder out = new StringBuilder(size + 128);
    for (int n = 0; out.length() < size; n++) {
      out.append("API_KEY=sk-proj-").append(String.format("%08d", n))
          .append("Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56Qr78St90Uv\n");
    }
    return Arrays.copyOf(out.toString().getBytes(StandardCharsets.US_ASCII), size);
  }

  @Benchmark
  public int scan() {
    return detector.scan(corpus).size();
  }

  /** The JSON-aware scan of a request body whose message is the corpus, escaped (a little over SIZE bytes). */
  @Benchmark
  public int json() {
    return jsonScanner.scan(request).size();
  }

  @Benchmark
  public int byteLoop() {
    int h = 0;
    byte[] b = corpus;
    for (int i = 0; i < b.length; i++) {
      h = 31 * h + b[i];
    }
    return h;
  }
}
