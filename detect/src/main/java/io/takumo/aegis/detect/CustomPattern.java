package io.takumo.aegis.detect;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * An organization's own secret format from policy (SPEC §4): {@code {name, pattern, category,
 * description}}. The pattern is a {@link java.util.regex.Pattern} matched against the input's bytes
 * read as ISO-8859-1 (so ASCII patterns match as written and offsets are byte offsets).
 *
 * @param name the rule id findings carry
 */
public record CustomPattern(String name, Pattern pattern, Category category, String description) {
  public CustomPattern {
    requireNonNull(name, "name");
    requireNonNull(pattern, "pattern");
    requireNonNull(category, "category");
    requireNonNull(description, "description");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name: blank (expected: a rule id such as acme-deploy-key)");
    }
  }

  /** Compiles {@code regex}; a bad one is refused with a message naming the rule and the error. */
  public static CustomPattern of(String name, String regex, Category category, String description) {
    try {
      return new CustomPattern(name, Pattern.compile(regex), category, description);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("pattern of " + name + ": " + e.getDescription() + " at index "
          + e.getIndex() + " (expected: a Java regular expression)", e);
    }
  }
}
