package io.takumo.aegis.proxy.shield;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.concurrent.FastThreadLocal;
import io.takumo.aegis.shield.StreamRewriter;
import java.util.function.Function;

/**
 * Runs a body through a {@link StreamRewriter} buffer by buffer: the rewriter reads a heap copy of
 * each buffer (it scans arrays), the output is built from retained slices of the buffers themselves
 * (see {@link ByteBufRewrite}). Event-loop confined; {@link #close} releases what is held.
 */
public final class RewritingStream implements AutoCloseable {
  /** Per event loop: the heap copy a direct buffer is scanned from. */
  private static final FastThreadLocal<byte[]> SCRATCH = new FastThreadLocal<>() {
    @Override
    protected byte[] initialValue() {
      return new byte[16 << 10];
    }
  };

  private final ByteBufRewrite sink;
  private final StreamRewriter rewriter;

  public RewritingStream(ByteBufAllocator alloc, Function<ByteBufRewrite, StreamRewriter> rewriter) {
    this.sink = new ByteBufRewrite(alloc);
    this.rewriter = requireNonNull(rewriter.apply(sink), "rewriter");
  }

  /** Takes {@code chunk} (ownership moves here) and returns the output it decided, possibly empty. */
  public ByteBuf feed(ByteBuf chunk, boolean last) {
    int n = chunk.readableBytes();
    byte[] bytes;
    int offset;
    if (chunk.hasArray()) {
      bytes = chunk.array();
      offset = chunk.arrayOffset() + chunk.readerIndex();
    } else {
      bytes = scratch(n);
      offset = 0;
      chunk.getBytes(chunk.readerIndex(), bytes, 0, n);
    }
    sink.add(chunk);
    rewriter.feed(bytes, offset, n, last);
    return sink.take();
  }

  private static byte[] scratch(int n) {
    byte[] b = SCRATCH.get();
    if (b.length < n) {
      b = new byte[Math.max(n, b.length * 2)];
      SCRATCH.set(b);
    }
    return b;
  }

  @Override
  public void close() {
    sink.close();
  }
}
