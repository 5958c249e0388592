package io.takumo.aegis.proxy.shield;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.takumo.aegis.shield.Rewrite;
import java.util.ArrayDeque;

/**
 * The zero-copy side of a streaming rewrite: the received buffers are kept (retained) until the
 * rewriter has decided over their bytes; unchanged ranges go out as retained slices of them, new
 * bytes (tokens, secrets) as small buffers of their own, all gathered into one composite per chunk. No
 * byte of an unchanged range is copied into a new buffer.
 *
 * <p>Ownership: {@link #add} takes the buffer; {@link #take} hands out the output, which the caller
 * must write or release; {@link #close} releases whatever is still held. Event-loop confined.
 */
public final class ByteBufRewrite implements Rewrite, AutoCloseable {
  private final ArrayDeque<ByteBuf> input = new ArrayDeque<>();
  /** Stream offset of the first readable byte of {@code input.peekFirst()}. */
  private long inputBase;
  private CompositeByteBuf output;
  private final ByteBufAllocator alloc;
  /**
   * The unchanged range copied last and not yet added to the output: a range that starts where it ends
   * extends it, so a run of unchanged events (an SSE answer is a hundred of them per read) goes out as one
   * slice per input buffer, not one each (fewer components, retains and gathered-write entries).
   */
  private long pendingFrom;
  private long pendingTo;

  /** Composites never consolidate: that would copy every slice into a new buffer. */
  public ByteBufRewrite(ByteBufAllocator alloc) {
    this.alloc = alloc;
    this.output = alloc.compositeBuffer(Integer.MAX_VALUE);
  }

  /** Takes a received buffer: its bytes are the next ones of the stream. */
  public void add(ByteBuf chunk) {
    if (!chunk.isReadable()) {
      chunk.release();
      return;
    }
    input.add(chunk);
  }

  @Override
  public void copy(long from, long to) {
    if (from == pendingTo && pendingTo > pendingFrom) {
      pendingTo = to;
      return;
    }
    addPending();
    pendingFrom = from;
    pendingTo = to;
  }

  private void addPending() {
    long from = pendingFrom;
    long to = pendingTo;
    if (to <= from) {
      return;
    }
    pendingFrom = pendingTo = 0;
    skipTo(from);
    long remaining = to - from;
    while (remaining > 0) {
      ByteBuf head = input.getFirst();
      int n = (int) Math.min(remaining, head.readableBytes());
      output.addComponent(true, head.readRetainedSlice(n));
      remaining -= n;
      advance(head, n);
    }
  }

  /**
   * New bytes are copied into a buffer of the allocator's kind (direct on epoll), not wrapped: one
   * heap part in the composite makes the transport merge the whole composite into a new heap
   * buffer and copy that into a direct one before writing; all-direct parts go out by gathering
   * write. A token is 30 bytes.
   */
  @Override
  public void insert(byte[] bytes) {
    addPending();
    output.addComponent(true, alloc.buffer(bytes.length).writeBytes(bytes));
  }

  /** Drops input before {@code offset}: bytes a replacement stands for. */
  private void skipTo(long offset) {
    while (inputBase < offset) {
      ByteBuf head = input.getFirst();
      int n = (int) Math.min(offset - inputBase, head.readableBytes());
      head.skipBytes(n);
      advance(head, n);
    }
  }

  private void advance(ByteBuf head, int n) {
    inputBase += n;
    if (!head.isReadable()) {
      input.removeFirst().release();
    }
  }

  /** The output produced since the last call (possibly empty); the caller owns it. */
  public ByteBuf take() {
    addPending();
    CompositeByteBuf out = output;
    output = alloc.compositeBuffer(Integer.MAX_VALUE);
    return out;
  }

  @Override
  public void close() {
    ByteBuf b;
    while ((b = input.poll()) != null) {
      b.release();
    }
    output.release();
  }
}
