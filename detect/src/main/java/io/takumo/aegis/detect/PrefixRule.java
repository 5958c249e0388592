package io.takumo.aegis.detect;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A known format anchored on a literal prefix: the anchor, then segments of given byte classes and
 * lengths joined by single separator bytes, then a validator. Matching is a bounded byte walk from
 * the anchor, linear in the token length.
 */
final class PrefixRule {
  /** Extra checks on a candidate token {@code b[start, end)} whose body starts at {@code body}. */
  interface Check {
    boolean test(byte[] b, int start, int body, int end);
  }

  final String id;
  final byte[] anchor;
  final Category category;
  final String description;
  final List<int[]> segments = new ArrayList<>(); // {mask, min, max, separatorBefore}
  Check check = (b, s, body, e) -> true;
  double confidence = 0.9;
  /** Bytes before the anchor that belong to the token: {mask, count}. */
  int leftMask;
  int leftCount;
  boolean placeholderCheck = true;
  private final boolean urlLike;
  private static final int WORD_LEFT = Bytes.ALNUM | Bytes.DOT | Bytes.DASH | Bytes.UNDERSCORE | Bytes.PLUS_SLASH;

  PrefixRule(String id, String anchor, Category category, String description) {
    this.id = id;
    this.anchor = anchor.getBytes(StandardCharsets.US_ASCII);
    this.category = category;
    this.description = description;
    this.urlLike = anchor.indexOf('/') >= 0 || anchor.indexOf('.') >= 0 || anchor.startsWith("-") || anchor.startsWith(":");
  }

  PrefixRule seg(int mask, int min, int max) {
    segments.add(new int[] {mask, min, max, -1});
    if (max > LONG) {
      longMask |= mask;
    }
    return this;
  }

  /** A segment longer than this makes the rule a long one ({@link #longMask}). */
  static final int LONG = 512;
  /**
   * The bytes a long segment takes (a session token's, a macaroon's base64 of thousands), or 0: such a rule's anchor
   * inside a run its scan already read is not read again (the detector's hot loop keeps the run's end), or a line of
   * anchors would cost the segment's length each, quadratic.
   */
  int longMask;

  PrefixRule sep(char separator, int mask, int min, int max) {
    segments.add(new int[] {mask, min, max, separator});
    return this;
  }

  /** Whether {@code c} may be the byte right after the anchor: the first segment's separator or one of its class. */
  boolean mayFollowAnchor(byte c) {
    int[] first = segments.get(0);
    return first[3] >= 0 ? c == first[3] : first[1] == 0 || Bytes.is(c, first[0]);
  }

  PrefixRule check(Check check) {
    this.check = check;
    return this;
  }

  PrefixRule confidence(double confidence) {
    this.confidence = confidence;
    return this;
  }

  PrefixRule left(int mask, int count) {
    this.leftMask = mask;
    this.leftCount = count;
    return this;
  }

  PrefixRule noPlaceholderCheck() {
    this.placeholderCheck = false;
    return this;
  }

  /**
   * The end of the token whose anchor sits at {@code at}, or -1; {@code glued(end)} when a whole token is there but
   * glued to a word ({@link #gluedEnd} gives its end). The token must not continue a word on the left nor run on into
   * more token bytes on the right.
   */
  int match(byte[] b, int at, int from, int to) {
    int start = at - leftCount;
    if (start < from) {
      return -1;
    }
    for (int i = start; i < at; i++) {
      if (!Bytes.is(b[i], leftMask)) {
        return -1;
      }
    }
    // inside a word, a path or a file name (video_box.ico-7a38…): no token, unless the same bytes are one elsewhere
    // (an anchor that starts a path segment, /IncomingWebhook/, follows whatever the path had before it)
    boolean glued = start > from && anchor[0] != '/'
        && Bytes.is(b[start - 1], leftCount > 0 || urlLike ? Bytes.ALNUM : WORD_LEFT)
        && !(start - 3 >= from && b[start - 1] == '/' && b[start - 2] == '/' && b[start - 3] == ':') // https://glpat-…@
        && !(start - 2 >= from && (b[start - 2] == '[' && b[start - 1] == '-' || b[start - 2] == '{' && b[start - 1] == '+'));
        // git's word diff opens a value with [- or {+
    int p = at + anchor.length;
    int body = p;
    int lastMask = 0;
    for (int[] seg : segments) {
      if (seg[3] >= 0) {
        if (p >= to || b[p] != seg[3]) {
          return -1;
        }
        p++;
      }
      int n = 0;
      while (p < to && n <= seg[2] && Bytes.is(b[p], seg[0])) {
        p++;
        n++;
      }
      if (n < seg[1]) {
        return -1;
      }
      if (n > seg[2]) {
        // Longer than the format allows: only acceptable when the next segment's separator
        // is a byte of this class (the walk took it); back off to the maximum.
        p -= n - seg[2];
      }
      lastMask = seg[0];
    }
    glued |= p < to && Bytes.is(b[p], lastMask & Bytes.ALNUM); // runs on: not this format
    if (placeholderCheck && (Placeholders.inToken(b, body, p) || Placeholders.maskedAfter(b, p, to))) {
      return -1;
    }
    if (!check.test(b, start, body, p)) {
      return -1;
    }
    return glued ? -2 - p : p;
  }

  /** The end of the glued token a {@link #match} result below -1 stands for. */
  static int gluedEnd(int match) {
    return -2 - match;
  }

  private static final byte[] HTTPS = "https://".getBytes(StandardCharsets.US_ASCII);

  /** Where the token starts: before the anchor's left part, and before {@code https://} for URLs. */
  int start(byte[] b, int at, int from) {
    int start = at - leftCount;
    if (urlLike && start - HTTPS.length >= from && Bytes.startsWith(b, start - HTTPS.length, at, HTTPS, true)) {
      return start - HTTPS.length; // a webhook URL is the secret whole
    }
    return start;
  }
}
