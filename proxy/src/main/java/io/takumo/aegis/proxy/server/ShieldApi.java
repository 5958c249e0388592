package io.takumo.aegis.proxy.server;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AttributeKey;
import io.takumo.aegis.proxy.auth.Principal;
import io.takumo.aegis.proxy.http.ErrorCode;
import io.takumo.aegis.proxy.http.ErrorResponses;
import io.takumo.aegis.proxy.http.RequestContext;
import io.takumo.aegis.proxy.shield.Sessions;
import io.takumo.aegis.proxy.shield.ShieldRuntime;
import io.takumo.aegis.shield.Shield;
import io.takumo.aegis.shield.Vault;
import io.takumo.aegis.shield.VaultFullException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The REST tokenization API (SPEC §6): {@code POST /v1/tokenize}, {@code /v1/rehydrate},
 * {@code /v1/scan} and {@code DELETE /v1/sessions/{id}}, with the sessions of SPEC §3.
 *
 * <p>The request body is gathered (up to the body limit) and parsed with Jackson's streaming
 * parser; {@code content} is read into a {@code byte[]} that is zeroed after use, and a rehydrated
 * content is written straight from bytes, so no secret becomes a {@code String} here. Runs on the
 * channel's event loop. Shared by all channels; per-request state lives in a channel attribute.
 */
final class ShieldApi {
  private static final AttributeKey<Gathering> BODY = AttributeKey.valueOf(ShieldApi.class, "body");
  private static final JsonFactory JSON = new JsonFactory();

  private final ShieldRuntime runtime;
  private final long maxBodyBytes;

  ShieldApi(ShieldRuntime runtime, long maxBodyBytes) {
    this.runtime = requireNonNull(runtime, "runtime");
    this.maxBodyBytes = maxBodyBytes;
  }

  /** A body being gathered for one request. */
  private static final class Gathering {
    final RequestContext context;
    final CompositeByteBuf body;

    Gathering(RequestContext context, CompositeByteBuf body) {
      this.context = context;
      this.body = body;
    }
  }

  /** The head of a SHIELD route request: answers DELETE at once, starts gathering a POST body. */
  void onRequest(ChannelHandlerContext ctx, RequestContext context, HttpRequest request) {
    if (HttpMethod.DELETE.equals(request.method())) {
      String id = context.route().path().substring("/v1/sessions/".length());
      if (runtime.sessions().delete(id, principal(context).key().id())) {
        ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NO_CONTENT));
      } else {
        ErrorResponses.send(ctx, ErrorCode.NOT_FOUND, "No such session for this API key. Sessions expire after "
            + "15 minutes without use and belong to the key that created them.");
      }
      return;
    }
    discard(ctx.channel());
    ctx.channel().attr(BODY).set(new Gathering(context, ctx.alloc().compositeBuffer(1024)));
  }

  /** True when {@code content} belonged to a body this API is gathering (it is then consumed). */
  boolean onContent(ChannelHandlerContext ctx, HttpContent content) {
    Gathering g = ctx.channel().attr(BODY).get();
    if (g == null || RequestContext.current(ctx.channel()) != g.context) {
      return false;
    }
    if (g.body.readableBytes() + content.content().readableBytes() > maxBodyBytes) {
      content.release();
      discard(ctx.channel());
      ErrorResponses.send(ctx, ErrorCode.PAYLOAD_TOO_LARGE, "The request body exceeds " + maxBodyBytes
          + " bytes, the most this gateway accepts.");
      return true;
    }
    g.body.addComponent(true, content.content().retain());
    content.release();
    if (content instanceof LastHttpContent) {
      ctx.channel().attr(BODY).set(null);
      try {
        answer(ctx, g.context, g.body);
      } finally {
        g.body.release();
      }
    }
    return true;
  }

  /** Releases a body still being gathered (the connection closed, or a new request began). */
  static void discard(Channel channel) {
    Gathering g = channel.attr(BODY).getAndSet(null);
    if (g != null) {
      g.body.release();
    }
  }

  private void answer(ChannelHandlerContext ctx, RequestContext context, ByteBuf body) {
    Input input;
    try {
      input = Input.parse(body);
    } catch (IOException | IllegalArgumentException e) {
      ErrorResponses.send(ctx, ErrorCode.BAD_REQUEST, "The body must be a JSON object with a string \"content\" "
          + "(and optionally \"filename\" and \"session_id\").");
      return;
    }
    try {
      if (input.content == null) {
        ErrorResponses.send(ctx, ErrorCode.BAD_REQUEST, "The body has no string \"content\" field.");
        return;
      }
      String owner = principal(context).key().id();
      switch (context.route().path()) {
        case "/v1/tokenize" -> tokenize(ctx, context, input, owner);
        case "/v1/rehydrate" -> rehydrate(ctx, input, owner);
        default -> scan(ctx, context, input);
      }
    } finally {
      input.zero();
    }
  }

  private void tokenize(ChannelHandlerContext ctx, RequestContext context, Input input, String owner) {
    Sessions.Session session;
    if (input.sessionId != null) {
      session = runtime.sessions().get(input.sessionId, owner);
      if (session == null) {
        ErrorResponses.send(ctx, ErrorCode.NOT_FOUND, "No such session for this API key; omit session_id to start one.");
        return;
      }
    } else {
      session = runtime.sessions().create(owner, runtime.newVault(context.runtime(), principal(context).orgSettings()));
    }
    Shield.Tokenized t;
    try {
      t = context.runtime().shield().tokenize(requireNonNull(input.content), session.vault());
    } catch (VaultFullException e) {
      ErrorResponses.send(ctx, ErrorCode.PAYLOAD_TOO_LARGE, "The session holds " + e.limit()
          + " secrets, the most it may (TAKUMO_MAX_VAULT_ENTRIES); start a new session.");
      return;
    } catch (IllegalStateException e) {
      ErrorResponses.send(ctx, ErrorCode.NOT_FOUND, "The session expired; omit session_id to start a new one.");
      return;
    }
    respond(ctx, g -> {
      g.writeFieldName("content");
      g.writeUTF8String(t.content(), 0, t.content().length);
      writeDetections(g, t.detections());
      g.writeNumberField("token_count", t.detections().size());
      g.writeStringField("session_id", session.id());
    });
  }

  private void rehydrate(ChannelHandlerContext ctx, Input input, String owner) {
    if (input.sessionId == null) {
      ErrorResponses.send(ctx, ErrorCode.BAD_REQUEST, "The body has no \"session_id\": rehydration needs the session "
          + "that /v1/tokenize returned.");
      return;
    }
    Sessions.Session session = runtime.sessions().get(input.sessionId, owner);
    if (session == null) {
      ErrorResponses.send(ctx, ErrorCode.NOT_FOUND, "No such session for this API key. Sessions expire after "
          + "15 minutes without use and belong to the key that created them.");
      return;
    }
    Shield.Rehydrated r = Shield.rehydrate(requireNonNull(input.content), session.vault());
    try {
      respond(ctx, g -> {
        g.writeFieldName("content");
        g.writeUTF8String(r.content(), 0, r.content().length);
        g.writeNumberField("rehydrated_count", r.restored());
        g.writeArrayFieldStart("warnings");
        for (String token : r.unknownTokens()) {
          g.writeStartObject();
          g.writeStringField("type", "unknown-token");
          g.writeStringField("token", token);
          g.writeStringField("message", "This session has no secret for this token; it was left in place.");
          g.writeEndObject();
        }
        if (r.partialMatches() > 0) {
          g.writeStartObject();
          g.writeStringField("type", "partial-match");
          g.writeNullField("token");
          g.writeStringField("message", "The content ends inside something that starts like a token; it was left in place.");
          g.writeEndObject();
        }
        g.writeEndArray();
      });
    } finally {
      Arrays.fill(r.content(), (byte) 0);
    }
  }

  private void scan(ChannelHandlerContext ctx, RequestContext context, Input input) {
    Shield.Tokenized t;
    try (Vault scratch = runtime.newVault(context.runtime(), principal(context).orgSettings())) {
      t = context.runtime().shield().tokenize(requireNonNull(input.content), scratch);
    } catch (VaultFullException e) {
      ErrorResponses.send(ctx, ErrorCode.PAYLOAD_TOO_LARGE, "The content holds more than " + e.limit() + " secrets.");
      return;
    }
    respond(ctx, g -> {
      writeDetections(g, t.detections());
      g.writeNumberField("count", t.detections().size());
    });
  }

  private static void writeDetections(JsonGenerator g, List<Shield.Located> detections) throws IOException {
    g.writeArrayFieldStart("detections");
    for (Shield.Located d : detections) {
      g.writeStartObject();
      g.writeStringField("type", d.ruleId());
      g.writeStringField("category", d.category().name());
      g.writeNumberField("line", d.line());
      g.writeNumberField("column", d.column());
      g.writeNumberField("length", d.length());
      g.writeStringField("token", d.token());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private interface Fields {
    void write(JsonGenerator g) throws IOException;
  }

  private static void respond(ChannelHandlerContext ctx, Fields fields) {
    ByteBuf out = ctx.alloc().buffer();
    try (JsonGenerator g = JSON.createGenerator((java.io.OutputStream) new ByteBufOutputStream(out))) {
      g.writeStartObject();
      fields.write(g);
      g.writeEndObject();
    } catch (IOException e) {
      out.release();
      throw new IllegalStateException("writing JSON to memory", e);
    }
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, out);
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
        .setInt(HttpHeaderNames.CONTENT_LENGTH, out.readableBytes());
    ctx.writeAndFlush(response);
  }

  private static Principal principal(RequestContext context) {
    return requireNonNull(context.principal(), "shield routes are authenticated");
  }

  /** The request fields; {@code content} as UTF-8 bytes, zeroed by {@link #zero}. */
  private static final class Input {
    byte @Nullable [] content;
    @Nullable String sessionId;

    static Input parse(ByteBuf body) throws IOException {
      Input in = new Input();
      try (JsonParser p = JSON.createParser((java.io.InputStream) new ByteBufInputStream(body.duplicate()))) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
          throw new IllegalArgumentException("not an object");
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          JsonToken value = p.nextToken();
          if (name.equals("content") && value == JsonToken.VALUE_STRING) {
            in.content = utf8(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
          } else if (name.equals("session_id") && value == JsonToken.VALUE_STRING) {
            in.sessionId = p.getText();
          } else {
            p.skipChildren(); // filename and unknown fields
          }
        }
        if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
          throw new IllegalArgumentException("trailing content");
        }
      } catch (IOException | IllegalArgumentException e) {
        in.zero();
        throw e;
      }
      return in;
    }

    @SuppressWarnings("ByteBufferBackingArray") // the encoder's own heap buffer: all of it is zeroed
    private static byte[] utf8(char[] chars, int offset, int length) {
      ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars, offset, length));
      byte[] out = new byte[encoded.remaining()];
      encoded.get(out);
      if (encoded.hasArray()) {
        Arrays.fill(encoded.array(), (byte) 0);
      }
      return out;
    }

    void zero() {
      byte[] c = content;
      if (c != null) {
        Arrays.fill(c, (byte) 0);
      }
    }
  }
}
