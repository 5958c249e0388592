package io.takumo.aegis.proxy.policy;

import io.takumo.aegis.coordinator.client.Enforcement;
import io.takumo.aegis.coordinator.client.FleetConfig;
import io.takumo.aegis.detect.Detector;
import io.takumo.aegis.shield.Detection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The enforcement of each finding (SPEC.md §5), compiled from the policies' rules: a finding takes
 * the strictest enforcement among the rules that match it (its rule id, {@code category:<CATEGORY>},
 * or {@code *}); with no matching rule, a custom pattern's own enforcement, else {@code warn}
 * ({@code monitor} for keys public by design, such as Stripe publishable keys).
 * Strictest-wins makes the order of policies and rules irrelevant. Immutable.
 */
public final class Policy {
  public static final Policy DEFAULT = new Policy(Map.of(), Map.of(), null);

  private final Map<String, Enforcement> byRule;
  private final Map<String, Enforcement> byCategory;
  private final @Nullable Enforcement any;
  private final boolean blocks;

  private Policy(Map<String, Enforcement> byRule, Map<String, Enforcement> byCategory, @Nullable Enforcement any) {
    this.byRule = Map.copyOf(byRule);
    this.byCategory = Map.copyOf(byCategory);
    this.any = any;
    this.blocks = any == Enforcement.BLOCK || byRule.containsValue(Enforcement.BLOCK)
        || byCategory.containsValue(Enforcement.BLOCK);
  }

  public static Policy compile(FleetConfig config) {
    Map<String, Enforcement> byRule = new HashMap<>();
    Map<String, Enforcement> byCategory = new HashMap<>();
    Enforcement any = null;
    for (FleetConfig.CustomPatternSpec p : config.customPatterns()) {
      if (p.enforcement() != Enforcement.WARN) {
        byRule.put(p.name(), p.enforcement()); // its own default; a policy rule may still make it stricter
      }
    }
    Map<String, Enforcement> ruled = new HashMap<>();
    for (FleetConfig.PolicyRule r : config.rules()) {
      String m = r.match();
      if (m.equals("*")) {
        any = any == null ? r.enforcement() : any.stricter(r.enforcement());
      } else if (m.startsWith("category:")) {
        byCategory.merge(m.substring(9), r.enforcement(), Enforcement::stricter);
      } else {
        ruled.merge(m, r.enforcement(), Enforcement::stricter);
      }
    }
    // A policy rule naming a custom pattern replaces that pattern's own default.
    byRule.putAll(ruled);
    return new Policy(byRule, byCategory, any);
  }

  /** Whether any rule blocks: then a request body is held until it is scanned whole. */
  public boolean blocks() {
    return blocks;
  }

  public Enforcement enforcement(String ruleId, String category) {
    Enforcement e = byRule.get(ruleId);
    Enforcement c = byCategory.get(category);
    Enforcement out = e;
    if (c != null) {
      out = out == null ? c : out.stricter(c);
    }
    if (any != null) {
      out = out == null ? any : out.stricter(any);
    }
    if (out != null) {
      return out;
    }
    // A key public by design is still tokenized, but says nothing unless a policy rule asks.
    return Detector.publicByDesign(ruleId) ? Enforcement.MONITOR : Enforcement.WARN;
  }

  /** What the policy says about one exchange's findings. */
  public Verdict judge(List<Detection> detections) {
    Map<String, Integer> blocked = new LinkedHashMap<>();
    Map<String, Integer> warned = new LinkedHashMap<>();
    for (Detection d : detections) {
      String key = d.category().name() + '/' + d.ruleId();
      switch (enforcement(d.ruleId(), d.category().name())) {
        case BLOCK -> blocked.merge(key, 1, Integer::sum);
        case WARN -> warned.merge(key, 1, Integer::sum);
        case MONITOR -> { }
      }
    }
    return new Verdict(blocked, warned);
  }

  /**
   * The findings a policy blocks or warns about, as {@code CATEGORY/rule} → count.
   */
  public record Verdict(Map<String, Integer> blocked, Map<String, Integer> warned) {
    public Verdict {
      blocked = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(blocked));
      warned = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(warned));
    }

    /** The {@code x-aegis-warnings} value: {@code KEY/aws-access-key;count=1, SECRET/password;count=2}. */
    public @Nullable String warningHeader() {
      if (warned.isEmpty()) {
        return null;
      }
      List<String> parts = new ArrayList<>();
      warned.forEach((k, n) -> parts.add(k + ";count=" + n));
      return String.join(", ", parts);
    }

    /** Audit actions: {@code block:KEY/rule}, {@code warn:KEY/rule}. */
    public List<String> actions() {
      List<String> out = new ArrayList<>();
      blocked.keySet().forEach(k -> out.add("block:" + k));
      warned.keySet().forEach(k -> out.add("warn:" + k));
      return out;
    }
  }
}
