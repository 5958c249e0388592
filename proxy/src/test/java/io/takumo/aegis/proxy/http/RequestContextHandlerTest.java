package io.takumo.aegis.proxy.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.CharsetUtil;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestContextHandlerTest {
  private final ProxyMetrics metrics = new ProxyMetrics();
  private final ExchangeTracker tracker = new ExchangeTracker();

  /** Stands in for the rest of the pipeline: records what passes, answers on demand. */
  private static final class Sink extends ChannelInboundHandlerAdapter {
    final List<Object> seen = new ArrayList<>();
    boolean answerOnRequest;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      seen.add(msg);
      if (answerOnRequest && msg instanceof HttpRequest) {
        answer(ctx); // e.g. a 401 before the body arrived
      }
    }

    void answer(ChannelHandlerContext ctx) {
      ctx.writeAndFlush(ErrorResponses.json(ctx, HttpResponseStatus.OK, "{}"));
    }

    void releaseAll() {
      seen.forEach(ReferenceCountUtil::release);
      seen.clear();
    }
  }

  private EmbeddedChannel channel(Sink sink, long maxBody) {
    EmbeddedChannel channel = new EmbeddedChannel(new RequestContextHandler(tracker, metrics, io.takumo.aegis.proxy.audit.AuditLogs.discarding(), maxBody,
        new io.takumo.aegis.proxy.config.RuntimeConfigHolder(io.takumo.aegis.proxy.config.RuntimeConfig.local(io.takumo.aegis.proxy.config.GatewayConfig.builder().build())), ClientProtocol.H1), sink);
    ReadGate.install(channel, metrics); // handlers reach it only once messages flow
    return channel;
  }

  private static HttpRequest post(int length) {
    HttpRequest request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/v1/messages");
    request.headers().set("host", "gateway").setInt("content-length", length);
    return request;
  }

  @Test
  void everyResponseCarriesTheRequestIdAndKeepAliveHolds() {
    Sink sink = new Sink();
    EmbeddedChannel channel = channel(sink, 1024);
    ByteBuf body = Unpooled.copiedBuffer("{}", CharsetUtil.UTF_8);

    channel.writeInbound(post(2), new DefaultLastHttpContent(body));
    assertThat(tracker.inFlight()).isEqualTo(1);
    sink.answer(channel.pipeline().context(sink));

    FullHttpResponse response = channel.readOutbound();
    String requestId = RequestContext.current(channel).requestId();
    assertThat(response.headers().get(RequestContextHandler.REQUEST_ID_HEADER)).isEqualTo(requestId);
    assertThat(response.headers().contains("connection")).isFalse();
    response.release();
    assertThat(channel.isOpen()).isTrue();
    assertThat(tracker.inFlight()).isZero();
    sink.releaseAll();
    assertThat(body.refCnt()).isZero();
    assertThat(channel.finishAndReleaseAll()).isFalse();
  }

  @Test
  void declaredBodyOverTheLimitIs413AndClosesWithoutPassingAnythingOn() throws Exception {
    Sink sink = new Sink();
    EmbeddedChannel channel = channel(sink, 10);
    ByteBuf chunk = Unpooled.copiedBuffer("0123456789abc", CharsetUtil.UTF_8);

    channel.writeInbound(post(13), new DefaultLastHttpContent(chunk));

    FullHttpResponse response = channel.readOutbound();
    assertThat(response.status().code()).isEqualTo(413);
    assertThat(response.headers().get("connection")).isEqualTo("close");
    assertThat(response.content().toString(CharsetUtil.UTF_8)).contains("PAYLOAD_TOO_LARGE");
    response.release();
    assertThat(sink.seen).isEmpty();
    assertThat(chunk.refCnt()).isZero();
    assertThat(channel.isOpen()).isFalse();
    assertThat(channel.finishAndReleaseAll()).isFalse();
  }

  @Test
  void aContentLengthThatIsNotOneDecimalNumberIs400AndCloses() {
    for (String length : new String[] {"0x10", "104, 104", "9223372036854775808", "-1", "+5", "", "1e3", "12 3"}) {
      Sink sink = new Sink();
      EmbeddedChannel channel = channel(sink, 1 << 20);
      HttpRequest request = post(0);
      request.headers().set("content-length", length);

      channel.writeInbound(request);

      FullHttpResponse response = channel.readOutbound();
      assertThat(response.status().code()).as(length).isEqualTo(400);
      assertThat(response.content().toString(CharsetUtil.UTF_8)).as(length).contains("Content-Length");
      assertThat(response.headers().get("connection")).isEqualTo("close");
      response.release();
      assertThat(sink.seen).as(length).isEmpty();
      assertThat(channel.isOpen()).as(length).isFalse();
      assertThat(channel.finishAndReleaseAll()).isFalse();
    }
  }

  @Test
  void twoContentLengthHeadersAre400() {
    Sink sink = new Sink();
    EmbeddedChannel channel = channel(sink, 1 << 20);
    HttpRequest request = post(4);
    request.headers().add("content-length", "4");

    channel.writeInbound(request);

    FullHttpResponse response = channel.readOutbound();
    assertThat(response.status().code()).isEqualTo(400);
    response.release();
    assertThat(channel.finishAndReleaseAll()).isFalse();
  }

  @Test
  void anHttp11RequestNeedsExactlyOneHost() {
    for (int hosts : new int[] {0, 2}) {
      Sink sink = new Sink();
      EmbeddedChannel channel = channel(sink, 1 << 20);
      HttpRequest request = post(0);
      request.headers().remove("host");
      for (int i = 0; i < hosts; i++) {
        request.headers().add("host", "h" + i);
      }

      channel.writeInbound(request);

      FullHttpResponse response = channel.readOutbound();
      assertThat(response.status().code()).as(hosts + " Host headers").isEqualTo(400);
      assertThat(response.content().toString(CharsetUtil.UTF_8)).contains("Host");
      response.release();
      assertThat(sink.seen).isEmpty();
      assertThat(channel.finishAndReleaseAll()).isFalse();
    }
    Sink sink = new Sink();
    EmbeddedChannel channel = channel(sink, 1 << 20);
    channel.writeInbound(new DefaultHttpRequest(HttpVersion.HTTP_1_0, HttpMethod.GET, "/healthz"));
    assertThat(sink.seen).hasSize(1); // HTTP/1.0 may omit Host
    sink.releaseAll();
    assertThat(channel.finishAndReleaseAll()).isFalse();
  }

  @Test
  void malformedRequestIs400AndTheConnectionCloses() {
    Sink sink = new Sink();
    EmbeddedChannel channel = channel(sink, 1024);
    HttpRequest bad = post(0);
    bad.setDecoderResult(DecoderResult.failure(new IllegalArgumentException("Content-Length with Transfer-Encoding")));

    channel.writeInbound(bad);

    FullHttpResponse response = channel.readOutbound();
    assertThat(response.status().code()).isEqualTo(400);
    assertThat(response.headers().get("connection")).isEqualTo("close");
    response.release();
    assertThat(channel.isOpen()).isFalse();
    assertThat(channel.finishAndReleaseAll()).isFalse();
  }

  @Test
  void pipelinedRequestWaitsForThePreviousResponse() {
    Sink sink = new Sink();
    EmbeddedChannel channel = channel(sink, 1024);
    ByteBuf first = Unpooled.copiedBuffer("a", CharsetUtil.UTF_8);
    ByteBuf second = Unpooled.copiedBuffer("b", CharsetUtil.UTF_8);

    channel.writeInbound(post(1), new DefaultLastHttpContent(first), post(1), new DefaultLastHttpContent(second));
    assertThat(sink.seen).hasSize(2); // the second request is held
    assertThat(channel.config().isAutoRead()).isFalse();
    assertThat(metrics.pauses(PauseReason.PIPELINED)).isEqualTo(1);

    sink.answer(channel.pipeline().context(sink));
    ReferenceCountUtil.release(channel.readOutbound());
    assertThat(sink.seen).hasSize(4);
    assertThat(((HttpContent) sink.seen.get(3)).content()).isSameAs(second);
    assertThat(channel.config().isAutoRead()).isTrue();

    sink.answer(channel.pipeline().context(sink));
    ReferenceCountUtil.release(channel.readOutbound());
    sink.releaseAll();
    assertThat(first.refCnt()).isZero();
    assertThat(second.refCnt()).isZero();
    assertThat(channel.finishAndReleaseAll()).isFalse();
  }

  @Test
  void bodyOfAnAlreadyAnsweredRequestIsReleasedAndTheConnectionCloses() {
    Sink sink = new Sink();
    sink.answerOnRequest = true;
    EmbeddedChannel channel = channel(sink, 1024);
    ByteBuf late = Unpooled.copiedBuffer("late", CharsetUtil.UTF_8);

    // The body arrives in the same read as the head: after the answer, before the close lands.
    channel.writeInbound(post(4), new DefaultHttpContent(late), LastHttpContent.EMPTY_LAST_CONTENT);

    FullHttpResponse response = channel.readOutbound();
    assertThat(response.headers().get("connection")).isEqualTo("close");
    response.release();
    assertThat(late.refCnt()).isZero();
    assertThat(sink.seen).hasSize(1);
    assertThat(channel.finishAndReleaseAll()).isFalse();
  }

  @Test
  void drainingClosesAfterTheResponse() {
    Sink sink = new Sink();
    EmbeddedChannel channel = channel(sink, 1024);
    channel.writeInbound(post(0));
    tracker.drain();
    sink.answer(channel.pipeline().context(sink));

    FullHttpResponse response = channel.readOutbound();
    assertThat(response.headers().get("connection")).isEqualTo("close");
    response.release();
    assertThat(channel.isOpen()).isFalse();
    assertThat(tracker.drain()).isDone();
    assertThat(channel.finishAndReleaseAll()).isFalse();
  }
}
