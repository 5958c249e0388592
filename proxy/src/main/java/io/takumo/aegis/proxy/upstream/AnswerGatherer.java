package io.takumo.aegis.proxy.upstream;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import org.jspecify.annotations.Nullable;

/**
 * The answer parts of one upstream read, kept until the read ends so they go out as one write: an
 * SSE answer arrives as one decoded part per event, and one part per read saves the per-part work
 * on the way out (chunk framing, rewriter calls) without delaying anything, since the read's end
 * flushes anyway. Parts under {@link #COPY_PARTS_BELOW} bytes (SSE events) are copied into one
 * buffer: copying 100 bytes costs less than a composite component (a retain and release, and an
 * iovec with its ByteBuffer slice on the write). Larger parts are kept as received (no copy).
 *
 * <p>Ownership: {@link #add} takes a reference of its own to the part's bytes (the caller still
 * releases the part); {@link #take} hands everything over; {@link #release} drops it. Event-loop
 * confined.
 */
final class AnswerGatherer {
  static final int COPY_PARTS_BELOW = 1024;
  private static final int COPY_BUFFER_BYTES = 4096;

  private final ByteBufAllocator alloc;
  /** One part as received, or a composite of parts when {@code composed}; {@code copied} follows it. */
  private @Nullable ByteBuf gathered;
  private boolean composed;
  /** Small parts copied into one buffer; they come after {@code gathered}. */
  private @Nullable ByteBuf copied;
  private int bytes;

  AnswerGatherer(ByteBufAllocator alloc) {
    this.alloc = alloc;
  }

  /** Keeps the readable bytes of {@code part}, after those kept before. */
  void add(ByteBuf part) {
    int n = part.readableBytes();
    bytes += n;
    if (n >= COPY_PARTS_BELOW) {
      append(takeCopied()); // keeps the order: the copied parts came first
      append(part.retain());
    } else if (n > 0) { // an empty part (the end of a chunked answer) leaves nothing to keep
      ByteBuf c = copied;
      if (c == null) {
        c = alloc.directBuffer(Math.max(COPY_BUFFER_BYTES, n));
        copied = c;
      }
      c.writeBytes(part, part.readerIndex(), n);
    }
  }

  /** Bytes kept since the last {@link #take}. */
  int bytes() {
    return bytes;
  }

  boolean isEmpty() {
    return gathered == null && copied == null;
  }

  /** Everything kept, in order (possibly empty); the caller owns it. */
  ByteBuf take() {
    append(takeCopied());
    ByteBuf g = gathered;
    gathered = null;
    composed = false;
    bytes = 0;
    return g == null ? Unpooled.EMPTY_BUFFER : g;
  }

  /** Drops what is kept. */
  void release() {
    if (!isEmpty()) {
      take().release();
    }
  }

  private @Nullable ByteBuf takeCopied() {
    ByteBuf c = copied;
    copied = null;
    return c;
  }

  private void append(@Nullable ByteBuf part) {
    if (part == null) {
      return;
    }
    ByteBuf g = gathered;
    if (g == null) {
      gathered = part;
      return;
    }
    CompositeByteBuf composite;
    if (composed) {
      composite = (CompositeByteBuf) g;
    } else {
      composite = alloc.compositeBuffer(Integer.MAX_VALUE); // never consolidates: no copy
      composite.addComponent(true, g);
      gathered = composite;
      composed = true;
    }
    composite.addComponent(true, part);
  }
}
