package io.takumo.aegis.proxy.route;

import java.net.URI;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The AI providers the gateway relays to, with their default base URLs and model-name prefixes. */
public enum Provider {
  ANTHROPIC("anthropic", "https://api.anthropic.com", "claude-"),
  OPENAI(
      "openai",
      "https://api.openai.com",
      "gpt-",
      "o1",
      "o3",
      "o4",
      "chatgpt-",
      "text-embedding-"),
  MISTRAL(
      "mistral",
      "https://api.mistral.ai",
      "mistral-",
      "codestral-",
      "magistral-",
      "devstral-",
      "ministral-",
      "pixtral-",
      "open-mistral-"),
  GOOGLE("google", "https://generativelanguage.googleapis.com", "gemini-");

  private final String id;
  private final URI defaultBaseUrl;
  private final String[] modelPrefixes;

  Provider(String id, String defaultBaseUrl, String... modelPrefixes) {
    this.id = id;
    this.defaultBaseUrl = URI.create(defaultBaseUrl);
    this.modelPrefixes = modelPrefixes;
  }

  /** A route this provider serves, as the start-up log shows where it goes. */
  public String sampleRoute() {
    return switch (this) {
      case ANTHROPIC -> "/v1/messages";
      case GOOGLE -> "/v1beta/models/gemini-2.5-flash:generateContent";
      default -> "/v1/chat/completions";
    };
  }

  /** Lowercase name used in configuration, metrics and logs. */
  public String id() {
    return id;
  }

  public URI defaultBaseUrl() {
    return defaultBaseUrl;
  }

  /** The environment-variable stem: {@code TAKUMO_<STEM>_BASE_URL}, {@code _API_KEY}. */
  public String envStem() {
    return name();
  }

  /** The provider named {@code id} ({@code anthropic}, {@code openai}, {@code mistral}, {@code google}). */
  public static Provider parse(String id) {
    for (Provider provider : values()) {
      if (provider.id.equals(id.trim().toLowerCase(Locale.ROOT))) {
        return provider;
      }
    }
    throw new IllegalArgumentException("provider: " + id + " (expected: anthropic, openai, mistral or google)");
  }

  /** The provider that serves {@code model}, or null when no provider claims the name. */
  public static @Nullable Provider forModel(String model) {
    String lower = model.toLowerCase(Locale.ROOT);
    // Models routed through an aggregator arrive as "anthropic/claude-…"; the part after '/' decides.
    int slash = lower.lastIndexOf('/');
    if (slash >= 0) {
      lower = lower.substring(slash + 1);
    }
    for (Provider provider : values()) {
      for (String prefix : provider.modelPrefixes) {
        if (lower.startsWith(prefix)) {
          return provider;
        }
      }
    }
    return null;
  }
}
