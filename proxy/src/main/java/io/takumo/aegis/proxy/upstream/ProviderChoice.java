package io.takumo.aegis.proxy.upstream;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpRequest;
import io.takumo.aegis.proxy.auth.Principal;
import io.takumo.aegis.proxy.config.UpstreamSpec;
import io.takumo.aegis.proxy.http.ErrorCode;
import io.takumo.aegis.proxy.http.ExchangeRefusal;
import io.takumo.aegis.proxy.http.RequestContext;
import io.takumo.aegis.proxy.route.Provider;
import io.takumo.aegis.proxy.route.Route;
import org.jspecify.annotations.Nullable;

/**
 * Which provider serves an exchange (SPEC §6): fixed by the route, named by the model in the path,
 * named by the body's top-level {@code "model"} (OpenAI-shaped routes; found as the body arrives),
 * or, for routes without a model ({@code GET /v1/models}), told by the headers. Also which provider
 * key goes upstream. Event-loop confined; one instance per exchange.
 */
final class ProviderChoice {
  private @Nullable Provider provider;
  private @Nullable ModelSniffer sniffer;
  private final String path;

  private ProviderChoice(@Nullable Provider provider, @Nullable ModelSniffer sniffer, String path) {
    this.provider = provider;
    this.sniffer = sniffer;
    this.path = path;
  }

  /**
   * The choice for the request of {@code context}: decided now, or once the body names its model.
   *
   * @throws ExchangeRefusal 400 when the route needs a model from a body the request does not have
   */
  static ProviderChoice of(RequestContext context, HttpRequest request) throws ExchangeRefusal {
    Route route = context.route();
    if (route.provider() != null) {
      return new ProviderChoice(route.provider(), null, route.template());
    }
    if (route.pathModel() != null) {
      Provider named = Provider.forModel(route.pathModel());
      return new ProviderChoice(named != null ? named : byHeaders(request), null, route.template());
    }
    if (!route.modelFromBody()) {
      return new ProviderChoice(byHeaders(request), null, route.template());
    }
    if (!context.framing().hasBody()) {
      throw new ExchangeRefusal(ErrorCode.BAD_REQUEST, "The request has no body: " + route.template()
          + " needs a JSON body with a \"model\" field.");
    }
    return new ProviderChoice(null, new ModelSniffer(), route.template());
  }

  /** The provider, or null while the body has not named its model yet. */
  @Nullable Provider provider() {
    return provider;
  }

  /**
   * Reads the next part of the decoded body (indices untouched) while the model is unknown; returns
   * the provider when this part decided it, else null.
   *
   * @throws ExchangeRefusal 400 when the body has no usable {@code "model"}, or no provider serves it
   */
  @Nullable Provider feed(ByteBuf decoded, boolean last) throws ExchangeRefusal {
    ModelSniffer s = sniffer;
    if (s == null) {
      return null;
    }
    if (!s.feed(decoded)) {
      if (last) {
        throw new ExchangeRefusal(ErrorCode.BAD_REQUEST, "The request body has no top-level \"model\" field; "
            + path + " needs one to choose the provider.");
      }
      return null;
    }
    sniffer = null;
    String model = s.model();
    if (model == null) {
      throw new ExchangeRefusal(ErrorCode.BAD_REQUEST, "The request body is not a JSON object with a string "
          + "\"model\" field; " + path + " needs one to choose the provider.");
    }
    Provider chosen = Provider.forModel(model);
    if (chosen == null) {
      throw new ExchangeRefusal(ErrorCode.UNSUPPORTED_PROVIDER, "No provider serves the model '"
          + (model.length() <= 64 ? model : model.substring(0, 64) + "…")
          + "'. Use a claude-*, gpt-*, o1/o3/o4*, mistral-*, codestral-* or gemini-* model.");
    }
    provider = chosen;
    return chosen;
  }

  /** The organization's own key for {@code provider} if it has one, else the gateway's; null when neither. */
  static @Nullable String providerKey(@Nullable Principal principal, UpstreamSpec spec) {
    String own = principal == null ? null : principal.orgSettings().providerKey(spec.provider());
    return own != null ? own : spec.apiKey();
  }

  /** Routes without a model (GET /v1/models): Anthropic clients always send anthropic-version. */
  private static Provider byHeaders(HttpRequest request) {
    return request.headers().contains("anthropic-version") ? Provider.ANTHROPIC : Provider.OPENAI;
  }
}
