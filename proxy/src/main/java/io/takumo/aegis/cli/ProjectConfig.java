package io.takumo.aegis.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.takumo.aegis.detect.Category;
import io.takumo.aegis.detect.CustomPattern;
import io.takumo.aegis.detect.Detector;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A project's own scan settings, {@code .takumo-aegis.yaml} at the scan root: more formats ({@code custom_patterns},
 * as the fleet config writes them), paths never reported ({@code allow_paths}, globs relative to the root), rules
 * turned off ({@code rules_off}, by id) and rules off by default turned on ({@code rules_on}: keys public by design,
 * such as {@code stripe-publishable-key}, and {@code private-ip}). Parsed with Jackson; unknown keys are refused, naming them.
 */
record ProjectConfig(List<CustomPattern> patterns, List<PathMatcher> allowPaths, Set<String> rulesOff,
    Set<String> rulesOn) {
  static final String FILE = ".takumo-aegis.yaml";
  static final ProjectConfig NONE = new ProjectConfig(List.of(), List.of(), Set.of(), Set.of());

  /** The file as written: Jackson binds it, the checks below turn it into what the scan uses. */
  record Raw(@Nullable List<Pattern> custom_patterns, @Nullable List<String> allow_paths,
      @Nullable List<String> rules_off, @Nullable List<String> rules_on) {}

  record Pattern(String name, String pattern, String category, @Nullable String description) {}

  /** The config at {@code root}, or {@link #NONE}; an IOException naming the file and the field when it is wrong. */
  static ProjectConfig at(Path root) throws IOException {
    Path dir = Files.isDirectory(root) ? root : root.toAbsolutePath().getParent();
    if (dir == null) {
      return NONE;
    }
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return NONE;
    }
    Raw raw;
    try {
      raw = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .readValue(file.toFile(), Raw.class);
    } catch (IOException e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
      throw new IOException(file + ": " + message, e);
    }
    if (raw == null) {
      return NONE;
    }
    List<CustomPattern> patterns = new ArrayList<>();
    List<Pattern> given = raw.custom_patterns() == null ? List.of() : raw.custom_patterns();
    for (int i = 0; i < given.size(); i++) {
      Pattern p = given.get(i);
      try {
        patterns.add(CustomPattern.of(p.name(), p.pattern(), Category.valueOf(p.category().toUpperCase(Locale.ROOT)),
            p.description() == null ? p.name() : p.description()));
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new IOException(file + ": custom_patterns[" + i + "]: " + e.getMessage(), e);
      }
    }
    List<PathMatcher> allow = new ArrayList<>();
    for (String glob : raw.allow_paths() == null ? List.<String>of() : raw.allow_paths()) {
      allow.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
    }
    return new ProjectConfig(patterns, allow, raw.rules_off() == null ? Set.of() : Set.copyOf(raw.rules_off()),
        raw.rules_on() == null ? Set.of() : Set.copyOf(raw.rules_on()));
  }

  /**
   * Rules whose findings {@code scan} leaves out unless {@code rules_on} names them, besides keys public by design:
   * private IPs. The gateway tokenizes them (SPEC §2 {@code HOST}: an internal address tells a provider about the
   * network), but they are no secret a repository's scan should fail on (0 of 59 and 0 of 44 true on the two
   * labelled corpora that count them).
   */
  static final Set<String> OFF_BY_DEFAULT = Set.of("private-ip");

  /** Whether findings of {@code ruleId} are reported: not turned off, and on by default or turned on. */
  boolean reports(String ruleId) {
    return !rulesOff.contains(ruleId)
        && (!Detector.publicByDesign(ruleId) && !OFF_BY_DEFAULT.contains(ruleId) || rulesOn.contains(ruleId));
  }

  /** Whether findings in {@code name} (a path relative to the root, or as the report shows it) are never reported. */
  boolean allows(Path root, String name) {
    Path path = Path.of(name);
    Path relative = path.isAbsolute() || path.startsWith(root) ? root.toAbsolutePath().relativize(path.toAbsolutePath())
        : path;
    return allowPaths.stream().anyMatch(m -> m.matches(relative));
  }
}
