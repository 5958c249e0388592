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
 * sources, and {@code code}, the code-heavy prompt text of {@link CodePrompts} (issue 19: identifiers
 * named key, token, secret on nearly every line). {@link #json} scans the corpus as the gateway sees
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

  @Param({"repo", "code"})
  public String corpusKind = "repo";

  private byte[] corpus;
  private byte[] request;
  private Detector detector;
  private JsonScanner jsonScanner;

  @Setup
  public void setUp() {
    corpus = corpusKind.equals("code")
        ? Arrays.copyOf(CodePrompts.code(SIZE, 20261206).getBytes(StandardCharsets.UTF_8), SIZE)
        : ScanCorpus.build(Path.of(System.getProperty("aegis.corpus.root", "..")), SIZE);
    request = ("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":256,\"messages\":[{\"role\":\"user\",\"content\":\""
        + new String(JsonStringEncoder.getInstance().quoteAsString(new String(corpus, StandardCharsets.UTF_8)))
        + "\"}]}").getBytes(StandardCharsets.UTF_8);
    detector = Detector.builtIn();
    jsonScanner = new JsonScanner(detector);
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
