package io.takumo.aegis.proxy.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.takumo.aegis.proxy.auth.ApiKeyRecord;
import io.takumo.aegis.proxy.auth.KeyStatus;
import io.takumo.aegis.proxy.auth.OrgSettings;
import io.takumo.aegis.proxy.auth.Principal;
import io.takumo.aegis.proxy.auth.Scope;
import io.takumo.aegis.proxy.config.GatewayConfig;
import io.takumo.aegis.proxy.config.KeyEnvironment;
import io.takumo.aegis.proxy.config.RuntimeConfig;
import io.takumo.aegis.proxy.config.UpstreamSpec;
import io.takumo.aegis.proxy.http.ErrorCode;
import io.takumo.aegis.proxy.http.ExchangeRefusal;
import io.takumo.aegis.proxy.http.RequestContext;
import io.takumo.aegis.proxy.http.TestContexts;
import io.takumo.aegis.proxy.route.Provider;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which provider serves an exchange, and with which key. */
class ProviderChoiceTest {
  private static final RuntimeConfig RUNTIME = RuntimeConfig.local(GatewayConfig.builder().build());
  private static final Principal CALLER = new Principal(new ApiKeyRecord("k", "org", "n", "tk_test_abcd", "00".repeat(32),
      KeyEnvironment.TEST, Set.of(Scope.SHIELD_WRITE), KeyStatus.ACTIVE, null, Instant.now()));

  private static RequestContext context(HttpMethod method, String uri, int length, String... headers) throws Exception {
    HttpRequest request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, method, uri);
    request.headers().set("host", "gw");
    if (length > 0) {
      request.headers().setInt("content-length", length);
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.headers().add(headers[i], headers[i + 1]);
    }
    return TestContexts.of(request, RUNTIME, CALLER);
  }

  private static Provider fed(ProviderChoice choice, String... parts) throws ExchangeRefusal {
    Provider found = null;
    for (int i = 0; i < parts.length && found == null; i++) {
      ByteBuf part = Unpooled.copiedBuffer(parts[i], StandardCharsets.UTF_8);
      try {
        found = choice.feed(part, i == parts.length - 1);
        assertThat(part.readerIndex()).isZero(); // read, not consumed: the part goes on upstream
      } finally {
        part.release();
      }
    }
    return found;
  }

  @Test
  void theRouteThePathModelOrTheHeadersDecideAtOnce() throws Exception {
    assertThat(ProviderChoice.of(context(HttpMethod.POST, "/v1/messages", 2), null).provider())
        .isEqualTo(Provider.ANTHROPIC);
    RequestContext models = context(HttpMethod.GET, "/v1/models/gpt-4o", 0);
    assertThat(ProviderChoice.of(models, models.request()).provider()).isEqualTo(Provider.OPENAI);
    RequestContext list = context(HttpMethod.GET, "/v1/models", 0, "anthropic-version", "2023-06-01");
    assertThat(ProviderChoice.of(list, list.request()).provider()).isEqualTo(Provider.ANTHROPIC);
  }

  @Test
  void aBodyNamesItsModelWhereverItsPartsAreCut() throws Exception {
    String body = "{\"messages\":[{\"role\":\"user\",\"content\":\"\\\"model\\\": \\\"claude\\\"\"}],\"model\":\"mistral-large\"}";
    for (int cut = 0; cut <= body.length(); cut++) {
      RequestContext chat = context(HttpMethod.POST, "/v1/chat/completions", body.length());
      ProviderChoice choice = ProviderChoice.of(chat, chat.request());
      assertThat(choice.provider()).isNull();
      assertThat(fed(choice, body.substring(0, cut), body.substring(cut))).as("cut at %d", cut)
          .isEqualTo(Provider.MISTRAL);
      assertThat(choice.provider()).isEqualTo(Provider.MISTRAL);
    }
  }

  @Test
  void aBodyWithoutAUsableModelIsRefusedNamingTheRouteTemplate() throws Exception {
    RequestContext none = context(HttpMethod.POST, "/v1/chat/completions", 0);
    assertThatThrownBy(() -> ProviderChoice.of(none, none.request()))
        .isInstanceOfSatisfying(ExchangeRefusal.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST))
        .hasMessageContaining("/v1/chat/completions");
    RequestContext chat = context(HttpMethod.POST, "/v1/chat/completions", 20);
    assertThatThrownBy(() -> fed(ProviderChoice.of(chat, chat.request()), "{\"model\":\"llama-3\"}"))
        .isInstanceOfSatisfying(ExchangeRefusal.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_PROVIDER));
    RequestContext noModel = context(HttpMethod.POST, "/v1/chat/completions", 20);
    assertThatThrownBy(() -> fed(ProviderChoice.of(noModel, noModel.request()), "{\"messages\":[]}"))
        .isInstanceOf(ExchangeRefusal.class).hasMessageContaining("\"model\" field");
  }

  @Test
  void theOrganizationsKeyComesFirstThenTheGateways() {
    UpstreamSpec spec = new UpstreamSpec(Provider.OPENAI, URI.create("https://openai.test"), "sk-gateway");
    assertThat(ProviderChoice.providerKey(CALLER, spec)).isEqualTo("sk-gateway");
    Principal withOwn = new Principal(CALLER.key(), new OrgSettings("plan", java.util.Map.of(Provider.OPENAI, "sk-org"), null));
    assertThat(ProviderChoice.providerKey(withOwn, spec)).isEqualTo("sk-org");
    assertThat(ProviderChoice.providerKey(null, new UpstreamSpec(Provider.OPENAI, URI.create("https://x"), null))).isNull();
  }
}
