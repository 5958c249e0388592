package io.takumo.aegis.proxy.shield;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.takumo.aegis.proxy.auth.Principal;
import io.takumo.aegis.proxy.http.ErrorCode;
import io.takumo.aegis.proxy.http.ExchangeRefusal;
import io.takumo.aegis.proxy.http.ProxyMetrics;
import io.takumo.aegis.proxy.http.RequestContext;
import io.takumo.aegis.proxy.policy.Policy;
import io.takumo.aegis.shield.BodyTokenizer;
import io.takumo.aegis.shield.Detection;
import io.takumo.aegis.shield.Rehydrating;
import io.takumo.aegis.shield.Rehydrator;
import io.takumo.aegis.shield.SseRehydrator;
import io.takumo.aegis.shield.Vault;
import io.takumo.aegis.shield.VaultFullException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tokenization of one provider exchange (SPEC §2–§5): its vault, the request body's decoding
 * and rewrite, the policy verdict on what was found, and the answer's rehydration.
 *
 * <p>Ownership: every buffer handed to {@link #decode}, {@link #tokenize} or {@link #rehydrate}
 * moves in, and the buffer returned moves out to the caller, also when the call throws (the input
 * is then released). {@link #close} zeroes the vault and releases whatever the rewrites hold; the
 * exchange calls it exactly once, completed, failed or abandoned. Event-loop confined.
 */
public final class ExchangeShield implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ExchangeShield.class);

  private final RequestContext context;
  private final ByteBufAllocator alloc;
  private final Vault vault;
  private final @Nullable ContentDecoding requestDecoding;
  private final RewritingStream requestRewrite;
  private final BodyTokenizer tokenizer;
  private @Nullable ContentDecoding responseDecoding;
  private @Nullable RewritingStream responseRewrite;
  private @Nullable Rehydrating rehydrator;
  private boolean recorded;
  private boolean closed;

  private ExchangeShield(RequestContext context, ByteBufAllocator alloc, Vault vault,
      @Nullable ContentDecoding requestDecoding, long expectedLength) {
    this.context = context;
    this.alloc = alloc;
    this.vault = vault;
    this.requestDecoding = requestDecoding;
    BodyTokenizer[] made = new BodyTokenizer[1];
    this.requestRewrite = new RewritingStream(alloc, sink -> made[0] = new BodyTokenizer(
        context.runtime().shield().detector(), vault, sink, expectedLength));
    this.tokenizer = requireNonNull(made[0]);
  }

  /**
   * Starts tokenization for the request of {@code context}: a vault minting with the caller's
   * organization's token key, and the decoder its {@code Content-Encoding} needs.
   *
   * @throws ExchangeRefusal 415 when the body is encoded in a way this gateway cannot undo
   */
  public static ExchangeShield start(ShieldRuntime runtime, RequestContext context, HttpRequest request,
      ByteBufAllocator alloc) throws ExchangeRefusal {
    ContentDecoding decoding;
    try {
      decoding = ContentDecoding.forEncoding(request.headers().get(HttpHeaderNames.CONTENT_ENCODING), alloc);
    } catch (ContentDecoding.UnsupportedEncodingException e) {
      throw new ExchangeRefusal(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "The request body is encoded with '"
          + truncate(e.getMessage()) + "', which this gateway cannot decode to scan for secrets; send it uncompressed, "
          + "or as gzip, deflate, br or zstd.");
    }
    Principal principal = context.principal();
    Vault vault = runtime.newVault(context.runtime(), principal == null ? null : principal.orgSettings());
    return new ExchangeShield(context, alloc, vault, decoding, context.framing().length());
  }

  /**
   * The body part as the client meant it: its content coding undone (ownership moves in and out).
   *
   * @throws ExchangeRefusal 415 when the bytes are not valid for the coding
   */
  public ByteBuf decode(ByteBuf part, boolean last) throws ExchangeRefusal {
    ContentDecoding decoding = requestDecoding;
    if (decoding == null) {
      return part;
    }
    try {
      return decoding.decode(part, last);
    } catch (DecoderException e) {
      throw new ExchangeRefusal(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "The request body is not valid for its "
          + "Content-Encoding, so it could not be scanned for secrets and was not forwarded.");
    }
  }

  /**
   * The decoded body part with every secret replaced by its token (ownership moves in and out):
   * the output may lag the input by what the tokenizer still has to see (a string not yet closed).
   *
   * @throws ExchangeRefusal 413 when the vault is full, 500 when scanning failed (fail closed)
   */
  public ByteBuf tokenize(ByteBuf decoded, boolean last) throws ExchangeRefusal {
    try {
      return requestRewrite.feed(decoded, last); // the rewrite owns the buffer now
    } catch (VaultFullException e) {
      throw new ExchangeRefusal(ErrorCode.PAYLOAD_TOO_LARGE, "The request holds more than " + e.limit()
          + " secrets, the most one request may carry (TAKUMO_MAX_VAULT_ENTRIES); it was not forwarded.");
    } catch (RuntimeException e) {
      log.error("request {}: scanning the request body failed; refusing it (fail closed): {}", context.requestId(),
          e.getClass().getName()); // a defect: the message could quote the body, so only the class
      throw new ExchangeRefusal(ErrorCode.INTERNAL_ERROR, "The request could not be scanned for secrets, so it "
          + "was not forwarded. Try again; if it persists, report request id " + context.requestId() + '.');
    }
  }

  /** The secrets replaced so far, in body order. */
  public List<Detection> detections() {
    return tokenizer.detections();
  }

  /**
   * Applies {@code policy} to what the whole body held (SPEC §5) and records the actions in the
   * context; returns the {@code x-aegis-warnings} value for the answer, or null.
   *
   * @throws ExchangeRefusal 422 when a {@code block} rule matched: nothing may be forwarded
   */
  public @Nullable String judge(Policy policy) throws ExchangeRefusal {
    List<Detection> found = tokenizer.detections();
    if (found.isEmpty()) {
      return null;
    }
    Policy.Verdict verdict = policy.judge(found);
    context.policyActions(verdict.actions());
    if (verdict.blocked().isEmpty()) {
      return verdict.warningHeader();
    }
    Detection first = found.stream()
        .filter(d -> verdict.blocked().containsKey(d.category().name() + '/' + d.ruleId()))
        .findFirst().orElseThrow();
    int more = verdict.blocked().size() - 1;
    throw new ExchangeRefusal(ErrorCode.POLICY_BLOCKED, "The request was blocked by policy: rule " + first.ruleId()
        + " (category " + first.category().name() + ") matched in the request body at byte " + first.offset()
        + (more > 0 ? " (and " + more + " more rule(s))" : "") + ". Remove the secret and send the request again; "
        + "nothing was forwarded.");
  }

  /**
   * Prepares the answer whose (already copied) {@code headers} are given: when this exchange
   * tokenized anything and the answer has a body, it is rehydrated, so its length changes and a
   * compressed answer is decoded first; the headers are adjusted for that. Answers in an encoding
   * the gateway cannot decode are relayed as they are (the client gets tokens, never more than the
   * provider saw).
   */
  public void startAnswer(HttpHeaders headers, boolean hasBody) {
    if (vault.isEmpty() || !hasBody) {
      return;
    }
    try {
      responseDecoding = ContentDecoding.forEncoding(headers.get(HttpHeaderNames.CONTENT_ENCODING), alloc);
    } catch (ContentDecoding.UnsupportedEncodingException e) {
      log.warn("request {}: answer encoded with an unknown encoding; relayed without rehydration", context.requestId());
      return;
    }
    headers.remove(HttpHeaderNames.CONTENT_ENCODING);
    headers.remove(HttpHeaderNames.CONTENT_LENGTH);
    String type = headers.get(HttpHeaderNames.CONTENT_TYPE, "");
    boolean sse = type.regionMatches(true, 0, "text/event-stream", 0, 17);
    Vault v = vault;
    responseRewrite = new RewritingStream(alloc, sink -> {
      Rehydrating r = sse ? new SseRehydrator(v, sink) : new Rehydrator(v, sink, true);
      rehydrator = r;
      return r;
    });
  }

  /** Whether the answer is rewritten (its framing changes: chunked to the client). */
  public boolean rehydrates() {
    return responseRewrite != null;
  }

  /**
   * The answer bytes with the secrets put back (ownership moves in and out); unchanged when the
   * answer is not rewritten.
   *
   * @throws ExchangeRefusal 502 when the answer cannot be read to restore the secrets
   */
  public ByteBuf rehydrate(ByteBuf received, boolean last) throws ExchangeRefusal {
    RewritingStream rewrite = responseRewrite;
    if (rewrite == null) {
      return received;
    }
    try {
      ContentDecoding decoding = responseDecoding;
      ByteBuf data = decoding == null ? received : decoding.decode(received, last);
      return rewrite.feed(data, last);
    } catch (RuntimeException e) {
      log.warn("request {}: rehydrating the answer failed: {}", context.requestId(), e.getClass().getName());
      throw new ExchangeRefusal(ErrorCode.BAD_GATEWAY, "The answer of the provider could not be read to restore "
          + "your secrets. Try again.");
    }
  }

  /** Puts what tokenization did into the context and the metrics, once, before the exchange is recorded. */
  public void record(ProxyMetrics metrics) {
    if (recorded) {
      return;
    }
    recorded = true;
    Rehydrating r = rehydrator;
    List<Detection> found = tokenizer.detections();
    context.shield(found, r == null ? 0 : r.restored(), r == null ? 0 : r.unknownCount());
    metrics.shield(found, r == null ? 0 : r.restored(), vault.size());
  }

  /** Zeroes the vault and releases what the decoders and rewrites hold; idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (AutoCloseable c : new AutoCloseable[] {requestDecoding, requestRewrite, responseDecoding, responseRewrite, vault}) {
      if (c != null) {
        try {
          c.close();
        } catch (Exception e) {
          log.warn("request {}: releasing tokenization state failed: {}", context.requestId(), e.toString());
        }
      }
    }
  }

  private static String truncate(@Nullable String value) {
    if (value == null) {
      return "";
    }
    return value.length() <= 64 ? value : value.substring(0, 64) + "…";
  }
}
