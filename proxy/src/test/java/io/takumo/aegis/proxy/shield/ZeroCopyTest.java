package io.takumo.aegis.proxy.shield;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.takumo.aegis.detect.Category;
import io.takumo.aegis.detect.Detector;
import io.takumo.aegis.shield.BodyTokenizer;
import io.takumo.aegis.shield.SseRehydrator;
import io.takumo.aegis.shield.TokenMinter;
import io.takumo.aegis.shield.Vault;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Tokenizing a 1 MiB body with 3 secrets forwards the unchanged bytes as slices of the received
 * buffers: less than 64 KiB of new buffer memory beyond the tokens (issue: zero-copy).
 */
class ZeroCopyTest {
  /** Counts the bytes of every buffer allocated through it. */
  private static final class CountingAllocator extends AbstractByteBufAllocator {
    final AtomicLong bytes = new AtomicLong();
    private final PooledByteBufAllocator real = PooledByteBufAllocator.DEFAULT;

    CountingAllocator() {
      super(true);
    }

    @Override
    protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
      bytes.addAndGet(initialCapacity);
      return real.heapBuffer(initialCapacity, maxCapacity);
    }

    @Override
    protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
      bytes.addAndGet(initialCapacity);
      return real.directBuffer(initialCapacity, maxCapacity);
    }

    @Override
    public boolean isDirectBufferPooled() {
      return true;
    }
  }

  @Test
  void aMebibyteWithThreeSecretsAllocatesLessThan64KibOfNewBufferMemory() {
    String[] secrets = {"AKIAIOSFODNN7EXAMPLE", "sk-proj-Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56Qr78St90Uv12Wx34", "s3cr3t-P4ss"};
    StringBuilder text = new StringBuilder();
    int planted = 0;
    while (text.length() < (1 << 20) - 300) {
      text.append("    public int add(int a, int b) { return a + b; } // ordinary code\\n");
      if (planted < 3 && text.length() > (planted + 1) * 300_000) {
        text.append(switch (planted) {
          case 0 -> "aws_key = \\\"" + secrets[0] + "\\\"\\n";
          case 1 -> "client = OpenAI(api_key=\\\"" + secrets[1] + "\\\")\\n";
          default -> "DATABASE_URL=postgres://app:" + secrets[2] + "@db.internal/app\\n";
        });
        planted++;
      }
    }
    byte[] body = ("{\"model\":\"claude-sonnet-4-5\",\"messages\":[{\"role\":\"user\",\"content\":\"" + text + "\"}]}")
        .getBytes(StandardCharsets.UTF_8);
    assertThat(body.length).isBetween(1 << 20 - 1000, (1 << 20) + 1000);

    // The buffers as the socket would deliver them, allocated before measuring.
    List<ByteBuf> received = new ArrayList<>();
    for (int off = 0; off < body.length; off += 8192) {
      int n = Math.min(8192, body.length - off);
      received.add(PooledByteBufAllocator.DEFAULT.directBuffer(n).writeBytes(body, off, n));
    }
    CountingAllocator alloc = new CountingAllocator();
    Vault vault = new Vault(new TokenMinter(new byte[32]), 100);
    RewritingStream stream = new RewritingStream(alloc, sink -> new BodyTokenizer(Detector.builtIn(), vault, sink));
    CompositeByteBuf forwarded = PooledByteBufAllocator.DEFAULT.compositeBuffer(Integer.MAX_VALUE);
    try {
      for (int i = 0; i < received.size(); i++) {
        forwarded.addComponent(true, stream.feed(received.get(i), i == received.size() - 1));
      }
      String out = forwarded.toString(StandardCharsets.UTF_8);
      for (String secret : secrets) {
        assertThat(out).doesNotContain(secret);
      }
      assertThat(vault.size()).isEqualTo(3);
      assertThat(out.length()).isLessThan(body.length);
      // Only the tokens are new buffers (30 bytes each); the composites themselves hold no memory.
      System.out.printf("1 MiB body, 3 secrets: %d B of new buffer memory, %d B forwarded%n", alloc.bytes.get(), out.length());
      assertThat(alloc.bytes.get()).as("new buffer memory").isLessThan(64 << 10);
    } finally {
      forwarded.release();
      stream.close();
      vault.close();
    }
  }

  /**
   * A read of a hundred SSE events of which one carries a token goes out as three parts: the unchanged events
   * before the token as one slice, the event's bytes around the restored secret, the events after it as one
   * slice: adjacent unchanged ranges are joined, not added one component (one retain) per event.
   */
  @Test
  void unchangedEventsOfOneReadGoOutAsOneSliceEach() {
    Vault vault = new Vault(new TokenMinter(new byte[32]), 100);
    String secret = "sk-proj-Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56Qr78St90Uv12Wx34";
    String token = new String(vault.put(Category.KEY, secret.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    StringBuilder sse = new StringBuilder();
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      String text = i == 50 ? "key " + token + " here" : "piece " + i;
      String event = "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
          + "\"delta\":{\"type\":\"text_delta\",\"text\":\"%s\"}}\n\n";
      sse.append(event.formatted(text));
      expected.append(event.formatted(i == 50 ? "key " + secret + " here" : text));
    }
    ByteBuf read = PooledByteBufAllocator.DEFAULT.directBuffer().writeBytes(sse.toString().getBytes(StandardCharsets.UTF_8));
    RewritingStream stream = new RewritingStream(PooledByteBufAllocator.DEFAULT, sink -> new SseRehydrator(vault, sink));
    ByteBuf out = stream.feed(read, true);
    try {
      assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(expected.toString());
      assertThat(((CompositeByteBuf) out).numComponents()).as("parts of the output").isLessThanOrEqualTo(5);
    } finally {
      out.release();
      stream.close();
      vault.close();
    }
  }
}
