package io.takumo.aegis.shield;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;

/** A {@link Rewrite} over an input held whole in an array: output collected into a new array. */
public final class ArrayRewrite implements Rewrite {
  private final byte[] input;
  private final ByteArrayOutputStream output;

  public ArrayRewrite(byte[] input) {
    this.input = requireNonNull(input, "input");
    this.output = new ByteArrayOutputStream(input.length + 64);
  }

  @Override
  public void copy(long from, long to) {
    output.write(input, (int) from, (int) (to - from));
  }

  @Override
  public void insert(byte[] bytes) {
    output.writeBytes(bytes);
  }

  public byte[] toByteArray() {
    return output.toByteArray();
  }
}
