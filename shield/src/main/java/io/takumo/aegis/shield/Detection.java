package io.takumo.aegis.shield;

import static java.util.Objects.requireNonNull;

import io.takumo.aegis.detect.Category;

/**
 * One secret replaced by a token: where it was in the input (stream offset of its raw bytes and
 * their length), what it was, and its token. Never the value.
 */
public record Detection(Category category, String ruleId, long offset, int length, String token) {
  public Detection {
    requireNonNull(category, "category");
    requireNonNull(ruleId, "ruleId");
    requireNonNull(token, "token");
  }
}
