package io.takumo.aegis.proxy.http;

import static java.util.Objects.requireNonNull;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.AttributeKey;
import io.takumo.aegis.proxy.auth.Credentials;
import io.takumo.aegis.proxy.auth.Principal;
import io.takumo.aegis.proxy.ratelimit.RateDecision;
import io.takumo.aegis.proxy.route.Route;
import io.takumo.aegis.proxy.audit.AuditEvent;
import io.takumo.aegis.proxy.config.RuntimeConfig;
import io.takumo.aegis.shield.Detection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * One request/response exchange on a client connection: its id, route, caller and progress.
 *
 * <p>Created by {@link RequestContextHandler} for each request and reachable from the channel
 * through {@link #current(Channel)} until the next request begins. Event-loop confined.
 */
public final class RequestContext {
  private static final AttributeKey<RequestContext> KEY = AttributeKey.valueOf(RequestContext.class, "request");
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  /** nginx's status for a request whose client closed the connection before the answer was complete. */
  public static final int STATUS_CLIENT_CLOSED = 499;

  private final String requestId;
  private final long startNanos;
  private final Route route;
  private final HttpRequest request;
  private final boolean clientKeepAlive;
  private final BodyFraming framing;
  private final RuntimeConfig runtime;
  private @Nullable Principal principal;
  private @Nullable Credentials credentials;
  private @Nullable RateDecision rateDecision;
  private int status;
  private String provider = "none";
  private long upstreamNanos;
  private long bytesIn;
  private long bytesOut;
  private boolean bodyRead;
  private boolean bodyDelivered;
  private int abandonedStatus = STATUS_CLIENT_CLOSED;
  private boolean responseStarted;
  private boolean responseComplete;
  private boolean closeAfterResponse;
  private List<AuditEvent.Detection> detections = List.of();
  private int tokensRehydrated;
  private int unknownTokens;
  private List<String> policyActions = List.of();

  RequestContext(String requestId, long startNanos, Route route, HttpRequest request, boolean clientKeepAlive,
      BodyFraming framing, RuntimeConfig runtime) {
    this.runtime = requireNonNull(runtime, "runtime");
    this.requestId = requireNonNull(requestId, "requestId");
    this.startNanos = startNanos;
    this.route = requireNonNull(route, "route");
    this.request = requireNonNull(request, "request");
    this.clientKeepAlive = clientKeepAlive;
    this.framing = requireNonNull(framing, "framing");
  }

  /**
   * What tokenization did in this exchange: detections of the body and (with
   * {@code TAKUMO_SCAN_HEADERS=on}) of the head, summarized by category, rule and location (never
   * values); tokens put back; unknown tokens left.
   */
  public void shield(List<Detection> body, List<Detection> head, int rehydrated, int unknown) {
    this.tokensRehydrated = rehydrated;
    this.unknownTokens = unknown;
    if (body.isEmpty() && head.isEmpty()) {
      return; // most exchanges: nothing to summarize
    }
    this.detections = summarize(body, head);
  }

  /** Detections summarized for the audit trail: by location, category and rule, in order of appearance. */
  public static List<AuditEvent.Detection> summarize(List<Detection> body, List<Detection> head) {
    Map<String, int[]> counts = new LinkedHashMap<>(); // "location category rule" → count, in order of appearance
    for (List<Detection> found : List.of(head, body)) {
      String location = found == head ? "request.head" : "request.body";
      for (Detection d : found) {
        counts.computeIfAbsent(location + ' ' + d.category().name() + ' ' + d.ruleId(), k -> new int[1])[0]++;
      }
    }
    List<AuditEvent.Detection> summary = new ArrayList<>(counts.size());
    counts.forEach((k, n) -> {
      String[] parts = k.split(" ", 3); // rule ids, categories and locations hold no space
      summary.add(new AuditEvent.Detection(parts[1], parts[2], parts[0], n[0]));
    });
    return List.copyOf(summary);
  }

  public List<AuditEvent.Detection> detections() {
    return detections;
  }

  /** Policy actions taken ({@code block:KEY/rule}, {@code warn:KEY/rule}). */
  public void policyActions(List<String> actions) {
    this.policyActions = List.copyOf(actions);
  }

  /** The audit event's actions: {@code tokenized} when anything was, then the policy's. */
  public List<String> actions() {
    return auditActions(!detections.isEmpty(), policyActions);
  }

  /**
   * An audit event's actions: {@code tokenized} when secrets were found and the request went on, then the
   * policy's ({@code block:…}, {@code warn:…}).
   */
  public static List<String> auditActions(boolean found, List<String> policyActions) {
    if (!found || policyActions.stream().anyMatch(a -> a.startsWith("block:"))) {
      return policyActions; // a blocked request was not forwarded, tokenized or not
    }
    List<String> out = new ArrayList<>(policyActions.size() + 1);
    out.add("tokenized");
    out.addAll(policyActions);
    return out;
  }

  public int tokensRehydrated() {
    return tokensRehydrated;
  }

  public int unknownTokens() {
    return unknownTokens;
  }

  /** The context of the request the channel is serving now, or null before the first request. */
  public static @Nullable RequestContext current(Channel channel) {
    return channel.attr(KEY).get();
  }

  static void set(Channel channel, RequestContext context) {
    channel.attr(KEY).set(context);
  }

  /** {@code req_} + 16 random hex characters. */
  public static String newRequestId() {
    long bits = ThreadLocalRandom.current().nextLong();
    char[] id = new char[20];
    id[0] = 'r';
    id[1] = 'e';
    id[2] = 'q';
    id[3] = '_';
    for (int i = 0; i < 16; i++) {
      id[4 + i] = HEX[(int) (bits >>> (60 - 4 * i)) & 0xf];
    }
    return new String(id);
  }

  /** The configuration this request runs on, read once at its start (a new snapshot affects later requests only). */
  public RuntimeConfig runtime() {
    return runtime;
  }

  public String requestId() {
    return requestId;
  }

  public long startNanos() {
    return startNanos;
  }

  public Route route() {
    return route;
  }

  /** The request head as the client sent it. */
  public HttpRequest request() {
    return request;
  }

  public @Nullable Principal principal() {
    return principal;
  }

  /** Sets the caller and the credentials it came with (which the relay rewrites upstream). */
  public void authenticated(Principal principal, Credentials credentials) {
    this.principal = principal;
    this.credentials = credentials;
  }

  /** The credentials of an authenticated request, parsed once by the auth handler. */
  public @Nullable Credentials credentials() {
    return credentials;
  }

  /** The rate-limit standing of this request; every response carries it in X-RateLimit-* headers. */
  public @Nullable RateDecision rateDecision() {
    return rateDecision;
  }

  public void rateDecision(RateDecision decision) {
    this.rateDecision = decision;
  }

  /** The provider that answered (or was to answer), for metrics and the access log. */
  public void provider(String provider) {
    this.provider = provider;
  }

  public String provider() {
    return provider;
  }

  /** How long the upstream took, from the request's first byte out to the answer's last byte in. */
  public void upstreamNanos(long nanos) {
    this.upstreamNanos = nanos;
  }

  public long upstreamNanos() {
    return upstreamNanos;
  }

  public int status() {
    return status;
  }

  void status(int status) {
    this.status = status;
  }

  public long bytesIn() {
    return bytesIn;
  }

  public long bytesOut() {
    return bytesOut;
  }

  void countIn(long n) {
    bytesIn += n;
  }

  void countOut(long n) {
    bytesOut += n;
  }

  /** The client's address, for the unauthenticated rate limit. */
  public static String clientAddress(Channel channel) {
    return channel.remoteAddress() instanceof java.net.InetSocketAddress a && a.getAddress() != null
        ? a.getAddress().getHostAddress() : String.valueOf(channel.remoteAddress());
  }

  /** How the request body is delimited, read once from the head (SPEC §6: only {@code chunked} is a transfer coding). */
  public BodyFraming framing() {
    return framing;
  }

  /**
   * Whether the client has sent its whole request (the codec decoded the last body part). Handlers
   * behind the codec may still hold parts of it (auth waiting for the key store): whether the body
   * reached the exchange is {@link #bodyDelivered()}.
   */
  public boolean requestComplete() {
    return bodyRead || !framing.hasBody();
  }

  /**
   * Whether the last body part reached the handler that consumes the request (the relay, a local
   * route); true at once for a request without a body. This, never the order in which events
   * happen to arrive, tells a handler that the body is whole.
   */
  public boolean bodyDelivered() {
    return bodyDelivered || !framing.hasBody();
  }

  /** Called by the consuming handler when it takes the body's last part. */
  public void markBodyDelivered() {
    bodyDelivered = true;
  }

  /**
   * The status to record when the exchange ends before its answer was complete: 499 (the client
   * went away, nginx's convention) unless the gateway itself cut the answer short.
   */
  public int abandonedStatus() {
    return abandonedStatus;
  }

  /** The gateway closes the client connection mid-answer ({@code status}: why, such as 502 or 504). */
  public void abandon(int status) {
    abandonedStatus = status;
  }

  public boolean responseStarted() {
    return responseStarted;
  }

  public boolean responseComplete() {
    return responseComplete;
  }

  boolean clientKeepAlive() {
    return clientKeepAlive;
  }

  void markRequestComplete() {
    bodyRead = true;
  }

  void markResponseStarted(boolean close) {
    responseStarted = true;
    closeAfterResponse = close;
  }

  void markResponseComplete() {
    responseComplete = true;
  }

  boolean closeAfterResponse() {
    return closeAfterResponse;
  }
}
