package io.takumo.aegis.shield;

/** A rewriter fed a stream chunk by chunk; its output goes to the {@link Rewrite} it was given. */
public interface StreamRewriter {
  /** Takes the next {@code len} bytes; {@code last} marks the end of the stream. */
  void feed(byte[] chunk, int off, int len, boolean last);
}
