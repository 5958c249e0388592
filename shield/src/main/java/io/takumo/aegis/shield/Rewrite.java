package io.takumo.aegis.shield;

/**
 * Where a streaming rewriter puts its output, as instructions over the input stream: copy an
 * unchanged range of the input, or insert new bytes. Calls come in stream order and never copy a
 * range twice; input bytes between two copies that no copy covers were replaced. The proxy
 * implements it with retained slices of the received buffers (zero-copy); the CLI and the REST API
 * with an array.
 */
public interface Rewrite {
  /** The input bytes {@code [from, to)}, as stream offsets, go out unchanged. */
  void copy(long from, long to);

  /** New bytes go out here. The rewriter does not touch {@code bytes} afterwards. */
  void insert(byte[] bytes);
}
