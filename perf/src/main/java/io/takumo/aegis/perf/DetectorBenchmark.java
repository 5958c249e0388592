package io.takumo.aegis.perf;

import io.takumo.aegis.detect.Detector;
import java.nio.file.Path;
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
 * Single-thread scan throughput over realistic source code, next to a plain byte loop over the
 * same bytes in the same run (the floor any scanner pays to look at every byte). Bytes per
 * operation = {@link #SIZE}; MB/s = SIZE / (ms/op) / 1000.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class DetectorBenchmark {
  public static final int SIZE = 4 << 20;

  private byte[] corpus;
  private Detector detector;

  @Setup
  public void setUp() {
    corpus = ScanCorpus.build(Path.of(System.getProperty("aegis.corpus.root", "..")), SIZE);
    detector = Detector.builtIn();
  }

  @Benchmark
  public int scan() {
    return detector.scan(corpus).size();
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
