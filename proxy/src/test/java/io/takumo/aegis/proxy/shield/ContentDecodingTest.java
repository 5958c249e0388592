package io.takumo.aegis.proxy.shield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import com.github.luben.zstd.Zstd;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.takumo.aegis.testing.TestBodies;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The decoding contract of SPEC §6: every listed coding undone in order, whatever the cuts; a body
 * that does not decode to its end refused before its end is handed on; a bomb stopped at the
 * budget as it grows, an ordinary highly compressible prompt passed.
 */
public class ContentDecodingTest {
  private static final ByteBufAllocator ALLOC = PooledByteBufAllocator.DEFAULT;
  private static final byte[] TEXT = ("{\"messages\":[{\"role\":\"user\",\"content\":\"key AKIAIOSFODNN7EXAMPLE\"}]} "
      + "2026-12-05T10:00:00Z INFO request handled in 12 ms\n".repeat(200)).getBytes(StandardCharsets.UTF_8);

  /** {@code data} encoded with {@code coding} by the JDK or the codec library (not by the gateway). */
  public static byte[] encode(String coding, byte[] data) {
    try {
      switch (coding) {
        case "gzip", "x-gzip" -> {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
          }
          return out.toByteArray();
        }
        case "deflate" -> {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          try (DeflaterOutputStream z = new DeflaterOutputStream(out)) {
            z.write(data);
          }
          return out.toByteArray();
        }
        case "deflate-raw" -> {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          try (DeflaterOutputStream z = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, true))) {
            z.write(data);
          }
          return out.toByteArray();
        }
        case "br" -> {
          Brotli4jLoader.ensureAvailability();
          return Encoder.compress(data);
        }
        case "zstd" -> {
          return Zstd.compress(data);
        }
        default -> throw new IllegalArgumentException(coding);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static HttpHeaders headers(String... contentEncodingLines) {
    HttpHeaders headers = new DefaultHttpHeaders();
    for (String line : contentEncodingLines) {
      headers.add("content-encoding", line);
    }
    return headers;
  }

  /** Decodes {@code body} fed in pieces cut at {@code cuts}; every piece is released. */
  static byte[] decode(ContentDecoding decoding, byte[] body, int[] cuts) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    boolean[] ended = new boolean[1];
    ContentDecoding.Sink sink = (piece, last) -> {
      try {
        assertThat(piece.readableBytes()).isLessThanOrEqualTo(ContentDecoding.PIECE);
        out.writeBytes(bytes(piece));
        ended[0] |= last;
      } finally {
        piece.release();
      }
    };
    int from = 0;
    for (int cut : cuts) {
      decoding.decode(Unpooled.copiedBuffer(body, from, cut - from), false, sink);
      from = cut;
    }
    decoding.decode(Unpooled.copiedBuffer(body, from, body.length - from), true, sink);
    assertThat(ended[0]).as("a last piece").isTrue();
    return out.toByteArray();
  }

  private static byte[] bytes(ByteBuf piece) {
    byte[] b = new byte[piece.readableBytes()];
    piece.getBytes(piece.readerIndex(), b);
    return b;
  }

  @ParameterizedTest
  @ValueSource(strings = {"gzip", "x-gzip", "deflate", "deflate-raw", "br", "zstd"})
  void eachCodingDecodesWhateverTheCuts(String coding) throws Exception {
    byte[] body = encode(coding, TEXT);
    String header = coding.equals("deflate-raw") ? "deflate" : coding;
    Random random = new Random(coding.hashCode());
    for (int round = 0; round < 30; round++) {
      int[] cuts = round == 0 ? new int[0] : random.ints(random.nextInt(8) + 1, 0, body.length + 1).sorted().toArray();
      try (ContentDecoding decoding = ContentDecoding.of(headers(header), ALLOC, 1 << 20)) {
        assertThat(decode(decoding, body, cuts)).as("%s cut at %s", coding, Arrays.toString(cuts)).isEqualTo(TEXT);
      }
    }
  }

  @Test
  void repeatedHeaderLinesAreOneListUndoneLastFirst() throws Exception {
    byte[] twice = encode("br", encode("gzip", TEXT)); // gzip applied first, then br
    try (ContentDecoding decoding = ContentDecoding.of(headers("gzip", "br"), ALLOC, 1 << 20)) {
      assertThat(decode(decoding, twice, new int[] {7})).isEqualTo(TEXT);
    }
    byte[] gzipTwice = encode("gzip", encode("gzip", TEXT));
    try (ContentDecoding decoding = ContentDecoding.of(headers("identity", "gzip, gzip"), ALLOC, 1 << 20)) {
      assertThat(decode(decoding, gzipTwice, new int[0])).isEqualTo(TEXT);
    }
    assertThat(ContentDecoding.codings(headers("identity", "gzip", "x-gzip , zstd"))).containsExactly("gzip", "x-gzip", "zstd");
    assertThat(ContentDecoding.of(headers("identity"), ALLOC, 1)).isNull();
  }

  @Test
  void concatenatedGzipMembersAreOneBody() throws Exception {
    byte[] a = encode("gzip", "first ".getBytes(StandardCharsets.UTF_8));
    byte[] b = encode("gzip", "second".getBytes(StandardCharsets.UTF_8));
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    try (ContentDecoding decoding = ContentDecoding.of(headers("gzip"), ALLOC, 1 << 20)) {
      assertThat(new String(decode(decoding, both, new int[] {a.length + 3}), StandardCharsets.UTF_8))
          .isEqualTo("first second");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"gzip", "deflate", "br", "zstd"})
  void aTruncatedBodyFailsBeforeItsLastPieceAndOnlyThen(String coding) throws Exception {
    byte[] body = encode(coding, TEXT);
    for (int keep : new int[] {body.length / 2, body.length - 1}) {
      byte[] cut = Arrays.copyOf(body, keep);
      try (ContentDecoding decoding = ContentDecoding.of(headers(coding), ALLOC, 1 << 20)) {
        assertThatThrownBy(() -> decode(decoding, cut, new int[0]))
            .isInstanceOfSatisfying(ContentDecoding.DecodingException.class,
                e -> assertThat(e.kind()).isEqualTo(ContentDecoding.DecodingException.Kind.TRUNCATED));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"gzip", "deflate", "br", "zstd"})
  void garbageAndTrailingBytesAreInvalid(String coding) throws Exception {
    byte[] body = encode(coding, TEXT);
    byte[] trailing = Arrays.copyOf(body, body.length + 5);
    System.arraycopy("plain".getBytes(StandardCharsets.US_ASCII), 0, trailing, body.length, 5);
    for (byte[] bad : List.of(trailing, "this is not compressed at all, really".getBytes(StandardCharsets.US_ASCII))) {
      try (ContentDecoding decoding = ContentDecoding.of(headers(coding), ALLOC, 1 << 20)) {
        assertThatThrownBy(() -> decode(decoding, bad, new int[0]))
            .isInstanceOf(ContentDecoding.DecodingException.class);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"gzip", "br", "zstd"})
  void aBombStopsAtTheBudgetWhileItGrows(String coding) throws Exception {
    byte[] zeros = new byte[64 << 20];
    byte[] bomb = encode(coding, encode(coding, zeros)); // compressed twice: a few hundred bytes
    long[] handedOn = new long[1];
    try (ContentDecoding decoding = ContentDecoding.of(headers(coding, coding), ALLOC, 8 << 20)) {
      assertThatThrownBy(() -> decoding.decode(Unpooled.wrappedBuffer(bomb), true, (piece, last) -> {
        handedOn[0] += piece.readableBytes();
        piece.release();
      })).isInstanceOfSatisfying(ContentDecoding.DecodingException.class,
          e -> assertThat(e.kind()).isEqualTo(ContentDecoding.DecodingException.Kind.TOO_LARGE));
    }
    assertThat(handedOn[0]).isLessThanOrEqualTo(8 << 20);
  }

  @Test
  void aLargeLogPromptThatCompresses30To1Passes() throws Exception {
    byte[] text = TestBodies.logLines(3 << 20);
    byte[] body = encode("gzip", text);
    assertThat(text.length / body.length).isGreaterThanOrEqualTo(30);
    try (ContentDecoding decoding = ContentDecoding.of(headers("gzip"), ALLOC, 32 << 20)) {
      assertThat(decode(decoding, body, new int[] {body.length / 3})).isEqualTo(text);
    }
  }

  @Test
  void anUnknownCodingIsNamed() {
    assertThatThrownBy(() -> ContentDecoding.of(headers("gzip, compress"), ALLOC, 1))
        .isInstanceOf(ContentDecoding.UnsupportedEncodingException.class).hasMessage("compress");
  }
}
