package io.takumo.aegis.proxy.http;

import io.netty.handler.codec.http.HttpRequest;
import io.takumo.aegis.proxy.auth.Credentials;
import io.takumo.aegis.proxy.auth.Principal;
import io.takumo.aegis.proxy.config.RuntimeConfig;
import io.takumo.aegis.proxy.route.Router;

/** Request contexts for unit tests of the parts an exchange is made of, as the request-context handler makes them. */
public final class TestContexts {
  private TestContexts() {}

  /** The context of {@code request} (its framing read from its head), authenticated as {@code principal}. */
  public static RequestContext of(HttpRequest request, RuntimeConfig runtime, Principal principal) throws ExchangeRefusal {
    RequestContext context = new RequestContext(RequestContext.newRequestId(), System.nanoTime(),
        Router.route(request.method(), request.uri()), request, true, BodyFraming.of(request.headers()), runtime);
    context.authenticated(principal, Credentials.from(request.headers()));
    return context;
  }
}
