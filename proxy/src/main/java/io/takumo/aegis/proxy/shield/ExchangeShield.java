package io.takumo.aegis.proxy.shield;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.takumo.aegis.proxy.http.ErrorCode;
import io.takumo.aegis.proxy.http.ExchangeRefusal;
import io.takumo.aegis.proxy.http.ProxyMetrics;
import io.takumo.aegis.proxy.http.RequestContext;
import io.takumo.aegis.proxy.policy.Policy;
import io.takumo.aegis.shield.BodyTokenizer;
import io.takumo.aegis.shield.ScanMemo;
import io.takumo.aegis.shield.Detection;
import io.takumo.aegis.shield.Rehydrating;
import io.takumo.aegis.shield.Rehydrator;
import io.takumo.aegis.shield.SseRehydrator;
import io.takumo.aegis.shield.Vault;
import io.takumo.aegis.shield.VaultFullException;
import io.takumo.aegis.detect.Detector;
import io.takumo.aegis.detect.Finding;
import io.takumo.aegis.proxy.auth.Queries;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
  /**
   * Headers that frame or negotiate the exchange (a WebSocket handshake's included: its key is random by design),
   * and credentials (the provider key goes upstream as the client sent it): never rewritten by {@link #tokenizeHead}.
   */
  private static final Set<String> NOT_SCANNED = Set.of("host", "content-length", "content-type", "content-encoding",
      "transfer-encoding", "accept", "accept-encoding", "connection", "authorization", "x-api-key", "x-goog-api-key",
      "x-takumo-key", "proxy-authorization", "anthropic-version", "anthropic-beta", "openai-beta", "upgrade",
      "sec-websocket-key", "sec-websocket-version", "sec-websocket-extensions", "sec-websocket-protocol");

  private final long maxBodyBytes;
  private final List<Detection> headDetections = new ArrayList<>();
  /** The body's first bytes (up to four), for the charset check. */
  private byte[] head = new byte[0];
  private boolean recorded;
  private boolean closed;

  private ExchangeShield(RequestContext context, ByteBufAllocator alloc, Vault vault, @Nullable ScanMemo memo,
      @Nullable ContentDecoding requestDecoding, long expectedLength, long maxBodyBytes) {
    this.context = context;
    this.maxBodyBytes = maxBodyBytes;
    this.alloc = alloc;
    this.vault = vault;
    this.requestDecoding = requestDecoding;
    BodyTokenizer[] made = new BodyTokenizer[1];
    this.requestRewrite = new RewritingStream(alloc, sink -> made[0] = new BodyTokenizer(
        context.runtime().shield().detector(), vault, sink, expectedLength, memo));
    this.tokenizer = requireNonNull(made[0]);
  }

  /**
   * Starts tokenization for the request of {@code context}: a vault minting with the caller's
   * organization's token key, and the decoder its {@code Content-Encoding} needs.
   *
   * @throws ExchangeRefusal 415 when the body is encoded in a way this gateway cannot undo
   */
  public static ExchangeShield start(ShieldRuntime runtime, RequestContext context, HttpRequest request,
      ByteBufAllocator alloc, long maxBodyBytes) throws ExchangeRefusal {
    String charset = Charsets.declared(request.headers());
    if (charset != null && Charsets.wide(charset)) {
      throw Charsets.refusal();
    }
    ContentDecoding decoding;
    try {
      decoding = ContentDecoding.of(request.headers(), alloc, maxBodyBytes);
    } catch (ContentDecoding.UnsupportedEncodingException e) {
      throw new ExchangeRefusal(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "The request body is encoded with '"
          + truncate(e.getMessage()) + "', which this gateway cannot decode to scan for secrets; send it uncompressed, "
          + "or as gzip, deflate, br or zstd.");
    }
    Vault vault = runtime.newExchangeVault(context.runtime(), context.principal());
    return new ExchangeShield(context, alloc, vault, runtime.scanMemo(context.runtime(), context.principal()),
        decoding, context.framing().length(), maxBodyBytes);
  }

  /**
   * The body part as the client meant it: its content codings undone, handed to {@code sink} in
   * pieces (ownership of {@code part} moves in, also when this throws). The sink's last piece comes
   * only once the body decoded to its end; the first bytes must not be UTF-16 or UTF-32.
   *
   * @throws ExchangeRefusal 415 when the bytes are not valid for the codings, end before them or
   *     are not UTF-8; 413 when they decode to more than the body limit; or what the sink throws
   */
  public void decode(ByteBuf part, boolean last, ContentDecoding.Sink sink) throws ExchangeRefusal {
    ContentDecoding decoding = requestDecoding;
    ContentDecoding.Sink checked = (piece, end) -> {
      try {
        checkCharset(piece);
      } catch (ExchangeRefusal refusal) {
        piece.release();
        throw refusal;
      }
      sink.accept(piece, end);
    };
    if (decoding == null) {
      checked.accept(part, last);
      return;
    }
    try {
      decoding.decode(part, last, checked);
    } catch (ContentDecoding.DecodingException e) {
      throw switch (e.kind()) {
        case TOO_LARGE -> new ExchangeRefusal(ErrorCode.PAYLOAD_TOO_LARGE, "The request body decodes to more than "
            + maxBodyBytes + " bytes, the most this gateway accepts (TAKUMO_MAX_BODY_BYTES); it was not forwarded.");
        case TRUNCATED -> new ExchangeRefusal(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "The request body ends before its "
            + "Content-Encoding does (a truncated stream), so it could not be scanned whole and was not forwarded.");
        case INVALID -> new ExchangeRefusal(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "The request body is not valid for its "
            + "Content-Encoding, so it could not be scanned for secrets and was not forwarded.");
      };
    }
  }

  /** Looks at the body's first four bytes for the NUL pattern of UTF-16 or UTF-32 (RFC 4627 §3), once. */
  private void checkCharset(ByteBuf piece) throws ExchangeRefusal {
    int n = Math.min(4 - head.length, piece.readableBytes());
    if (n <= 0) {
      return;
    }
    byte[] more = new byte[head.length + n];
    System.arraycopy(head, 0, more, 0, head.length);
    piece.getBytes(piece.readerIndex(), more, head.length, n);
    head = more;
    if (Charsets.sniff(head) != null) {
      throw Charsets.refusal();
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

  /** The secrets replaced so far: the head's, then the body's in body order. */
  public List<Detection> detections() {
    if (headDetections.isEmpty()) {
      return tokenizer.detections();
    }
    List<Detection> all = new ArrayList<>(headDetections);
    all.addAll(tokenizer.detections());
    return all;
  }

  /**
   * SPEC §6 with {@code TAKUMO_SCAN_HEADERS=on}: secrets in header values (but framing and the
   * credential headers, which go upstream as they are) and in query parameters become tokens, in
   * place in {@code headers}; returns the query to send. Header values are scanned as text;
   * parameters once percent-decoded, and a parameter with a secret goes out re-encoded.
   *
   * @throws ExchangeRefusal 413 when the vault is full
   */
  public String tokenizeHead(HttpHeaders headers, String query) throws ExchangeRefusal {
    Detector detector = context.runtime().shield().detector();
    List<Map.Entry<String, String>> changed = new ArrayList<>();
    for (Map.Entry<String, String> header : headers) {
      if (scanned(header.getKey())) {
        String value = tokenizeText(detector, header.getKey() + ": ", header.getValue());
        if (value != null) {
          changed.add(Map.entry(header.getKey(), value));
        }
      }
    }
    for (Map.Entry<String, String> c : changed) {
      headers.set(c.getKey(), c.getValue());
    }
    if (query.length() < 2) {
      return query;
    }
    StringBuilder out = new StringBuilder(query.length()).append('?');
    for (String param : query.substring(1).split("&", -1)) {
      int eq = param.indexOf('=');
      String value = eq < 0 ? null
          : tokenizeText(detector, Queries.decode(param.substring(0, eq)) + '=', Queries.decode(param.substring(eq + 1)));
      out.append(out.length() > 1 ? "&" : "").append(value == null ? param
          : param.substring(0, eq + 1) + URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
    return out.toString();
  }

  /** Whether {@link #tokenizeHead} scans the header {@code name} (framing and credentials it leaves alone). */
  public static boolean scanned(String name) {
    return !NOT_SCANNED.contains(name.toLowerCase(Locale.ROOT));
  }

  /**
   * {@code value} with each secret replaced by its token, or null when it holds none. It is scanned
   * after {@code name} (a header's name, a parameter's), which gives it context: {@code db_password=…}.
   */
  private @Nullable String tokenizeText(Detector detector, String name, String value) throws ExchangeRefusal {
    byte[] bytes = (name + value).getBytes(StandardCharsets.UTF_8);
    int start = name.getBytes(StandardCharsets.UTF_8).length;
    List<Finding> found = detector.scan(bytes).stream().filter(f -> f.start() >= start).toList();
    if (found.isEmpty()) {
      return null;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 32 * found.size());
    int at = start;
    for (Finding f : found) {
      byte[] secret = f.value(bytes);
      byte[] token;
      try {
        token = vault.put(f.category(), secret, f.ruleId()); // a header's password is sought in the body too
      } catch (VaultFullException e) {
        throw new ExchangeRefusal(ErrorCode.PAYLOAD_TOO_LARGE, "The request holds more than " + e.limit()
            + " secrets, the most one request may carry (TAKUMO_MAX_VAULT_ENTRIES); it was not forwarded.");
      } finally {
        Arrays.fill(secret, (byte) 0);
      }
      headDetections.add(new Detection(f.category(), f.ruleId(), -1, f.length(),
          new String(token, StandardCharsets.US_ASCII)));
      out.write(bytes, at, f.start() - at);
      out.writeBytes(token);
      at = f.end();
    }
    out.write(bytes, at, bytes.length - at);
    Arrays.fill(bytes, (byte) 0);
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * Applies {@code policy} to what the whole body held (SPEC §5) and records the actions in the
   * context; returns the {@code x-aegis-warnings} value for the answer, or null.
   *
   * @throws ExchangeRefusal 422 when a {@code block} rule matched: nothing may be forwarded
   */
  public @Nullable String judge(Policy policy) throws ExchangeRefusal {
    List<Detection> found = detections();
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
   * tokenized anything, or the caller's conversation vault holds secrets of earlier exchanges, and the
   * answer has a body, it is rehydrated, so its length changes and a
   * compressed answer is decoded first; the headers are adjusted for that. Answers in an encoding
   * the gateway cannot decode are relayed as they are (the client gets tokens, never more than the
   * provider saw).
   */
  public void startAnswer(HttpHeaders headers, boolean hasBody) {
    if (!hasBody || !vault.mayRestore()) {
      return;
    }
    try {
      responseDecoding = ContentDecoding.of(headers, alloc, Long.MAX_VALUE);
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
    } catch (ContentDecoding.DecodingException | RuntimeException e) {
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
    context.shield(found, headDetections, r == null ? 0 : r.restored(), r == null ? 0 : r.unknownCount());
    metrics.shield(detections(), r == null ? 0 : r.restored(), vault.size());
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
