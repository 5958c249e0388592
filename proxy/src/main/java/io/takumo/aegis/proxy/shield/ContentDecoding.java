package io.takumo.aegis.proxy.shield;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.DecoderJNI;
import com.github.luben.zstd.ZstdDecompressCtx;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.takumo.aegis.proxy.http.ExchangeRefusal;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.jspecify.annotations.Nullable;

/**
 * Undoes a body's content codings (SPEC §6), buffer by buffer, so it can be scanned (requests) or
 * rehydrated (answers): every {@code Content-Encoding} line of the head is one list, and every
 * listed coding (gzip, x-gzip, deflate as zlib or raw, br, zstd) is undone, the last applied first.
 *
 * <ul>
 *   <li>A body that is not valid for its codings, or does not decode to its end (a truncated gzip
 *       member, a brotli stream cut short), fails: the caller refuses it before its last byte
 *       leaves. The end is told only by the last buffer, so nothing else is held back.
 *   <li>What the body decodes to is counted against {@code maxDecodedBytes} (the body limit) as
 *       it is produced, in pieces of at most {@link #PIECE} bytes: a decompression bomb fails when
 *       it passes the budget, without ever being held whole; an ordinary prompt that compresses
 *       30:1 is no bomb.
 * </ul>
 *
 * <p>Written against the codecs themselves ({@link Inflater}, brotli4j, zstd-jni) rather than
 * Netty's decoders because those can tell neither whether a stream ended nor stop producing at a
 * budget. Event-loop confined; {@link #close} frees the native state.
 */
public final class ContentDecoding implements AutoCloseable {
  /** Largest piece handed on at once. */
  static final int PIECE = 64 << 10;

  private final ByteBufAllocator alloc;
  /** In decoding order: {@code layers[0]} undoes the coding applied last. */
  private final Layer[] layers;
  private final long maxDecodedBytes;
  private long decoded;

  private ContentDecoding(ByteBufAllocator alloc, Layer[] layers, long maxDecodedBytes) {
    this.alloc = alloc;
    this.layers = layers;
    this.maxDecodedBytes = maxDecodedBytes;
  }

  /** The codings of a body as its head lists them, in the order they were applied; {@code identity} dropped. */
  public static List<String> codings(HttpHeaders headers) {
    List<String> out = new ArrayList<>();
    for (String line : headers.getAll(HttpHeaderNames.CONTENT_ENCODING)) {
      for (String coding : line.split(",")) {
        String c = coding.trim().toLowerCase(Locale.ROOT);
        if (!c.isEmpty() && !c.equals("identity")) {
          out.add(c);
        }
      }
    }
    return out;
  }

  /**
   * A decoder for the codings {@code headers} name, or null when the body is not encoded.
   *
   * @throws UnsupportedEncodingException naming the first coding this gateway cannot undo
   */
  public static @Nullable ContentDecoding of(HttpHeaders headers, ByteBufAllocator alloc, long maxDecodedBytes)
      throws UnsupportedEncodingException {
    List<String> codings = codings(headers);
    if (codings.isEmpty()) {
      return null;
    }
    Layer[] layers = new Layer[codings.size()];
    try {
      for (int i = 0; i < layers.length; i++) {
        String coding = codings.get(codings.size() - 1 - i);
        layers[i] = switch (coding) {
          case "gzip", "x-gzip" -> new Gzip();
          case "deflate" -> new Deflate();
          case "br" -> Brotli.available() ? new Brotli() : null;
          case "zstd" -> new Zstd();
          default -> null;
        };
        if (layers[i] == null) {
          throw new UnsupportedEncodingException(coding);
        }
      }
    } catch (UnsupportedEncodingException | RuntimeException e) {
      for (Layer layer : layers) {
        if (layer != null) {
          layer.close();
        }
      }
      throw e;
    }
    return new ContentDecoding(alloc, layers, maxDecodedBytes);
  }

  /**
   * Receives decoded pieces in order, as they are produced; each piece is the receiver's to write
   * or release, also when it throws.
   */
  @FunctionalInterface
  public interface Sink {
    /** {@code last}: the final piece (possibly empty), given only once the body decoded to its end. */
    void accept(ByteBuf piece, boolean last) throws ExchangeRefusal;
  }

  /**
   * Decodes {@code encoded} (ownership moves here, also when this throws) and hands what it decodes
   * to {@code sink} in pieces; {@code last} ends the body, which must then be complete, and the
   * sink gets a final piece marked last.
   *
   * @throws DecodingException when the bytes are not valid for the codings, the body ends before
   *     its codings do, or it decodes to more than the budget
   */
  public void decode(ByteBuf encoded, boolean last, Sink sink) throws DecodingException, ExchangeRefusal {
    byte[] in;
    try {
      in = new byte[encoded.readableBytes()];
      encoded.getBytes(encoded.readerIndex(), in);
    } finally {
      encoded.release();
    }
    feed(0, in, 0, in.length, sink);
    if (!last) {
      return;
    }
    for (Layer layer : layers) {
      if (!layer.finished()) {
        throw new DecodingException(DecodingException.Kind.TRUNCATED, layer.name());
      }
    }
    sink.accept(alloc.buffer(0), true);
  }

  /** Decodes {@code encoded} (ownership moves here) into one buffer, for answers; see {@link #decode(ByteBuf, boolean, Sink)}. */
  public ByteBuf decode(ByteBuf encoded, boolean last) throws DecodingException {
    CompositeByteBuf out = alloc.compositeBuffer(Integer.MAX_VALUE);
    try {
      decode(encoded, last, (piece, end) -> out.addComponent(true, piece));
    } catch (ExchangeRefusal e) {
      out.release();
      throw new IllegalStateException("collecting cannot refuse", e);
    } catch (DecodingException | RuntimeException e) {
      out.release();
      throw e;
    }
    return out;
  }

  /** Runs {@code b[off, off + len)} through layer {@code i} and the ones after it; the last one's output goes to {@code sink}. */
  private void feed(int i, byte[] b, int off, int len, Sink sink) throws DecodingException, ExchangeRefusal {
    if (len == 0) {
      return;
    }
    if (i == layers.length) {
      decoded += len;
      if (decoded > maxDecodedBytes) {
        throw new DecodingException(DecodingException.Kind.TOO_LARGE, "body");
      }
      sink.accept(alloc.buffer(len).writeBytes(b, off, len), false);
      return;
    }
    layers[i].decode(b, off, len, (piece, pieceOff, pieceLen) -> feed(i + 1, piece, pieceOff, pieceLen, sink));
  }

  @Override
  public void close() {
    for (Layer layer : layers) {
      layer.close();
    }
  }

  /** What one layer decodes, piece by piece (the array is reused after the call). */
  @FunctionalInterface
  private interface Output {
    void accept(byte[] b, int off, int len) throws DecodingException, ExchangeRefusal;
  }

  /** One content coding being undone. */
  private interface Layer {
    String name();

    void decode(byte[] b, int off, int len, Output out) throws DecodingException, ExchangeRefusal;

    /** Whether the coded stream ended (and nothing but its end has been seen since). */
    boolean finished();

    void close();
  }

  /** Inflates until the stream ends; what follows the end is left for the caller. */
  private abstract static class Inflating implements Layer {
    final byte[] piece = new byte[PIECE];
    @Nullable Inflater inflater;

    Inflater requireInflater() {
      Inflater z = inflater;
      if (z == null) {
        throw new IllegalStateException("no inflater");
      }
      return z;
    }

    /** Inflates from {@code b[off, off + len)}; returns how many input bytes the inflater left unread. */
    int inflate(byte[] b, int off, int len, Output out, @Nullable CRC32 crc) throws DecodingException, ExchangeRefusal {
      Inflater z = requireInflater();
      z.setInput(b, off, len);
      try {
        while (!z.finished()) {
          int n = z.inflate(piece);
          if (n > 0) {
            if (crc != null) {
              crc.update(piece, 0, n);
            }
            out.accept(piece, 0, n);
          } else if (z.needsInput()) {
            return 0;
          } else if (z.needsDictionary()) {
            throw new DecodingException(DecodingException.Kind.INVALID, name());
          }
        }
      } catch (DataFormatException e) {
        throw new DecodingException(DecodingException.Kind.INVALID, name());
      }
      return z.getRemaining();
    }

    @Override
    public void close() {
      if (inflater != null) {
        inflater.end();
      }
    }
  }

  /**
   * {@code deflate}: zlib as RFC 9110 says, or the raw deflate some clients send instead (told by
   * the zlib header's check bits).
   */
  private static final class Deflate extends Inflating {
    private int head = -1;
    private boolean ended;

    @Override
    public String name() {
      return "deflate";
    }

    @Override
    public void decode(byte[] b, int off, int len, Output out) throws DecodingException, ExchangeRefusal {
      if (inflater == null) {
        if (head < 0) { // the zlib header is two bytes: wait for both
          head = b[off] & 0xff;
          off++;
          len--;
          if (len == 0) {
            return;
          }
        }
        int second = b[off] & 0xff;
        boolean zlib = (head & 0x0f) == 8 && ((head << 8) | second) % 31 == 0;
        inflater = new Inflater(!zlib);
        inflateSome(new byte[] {(byte) head}, 0, 1, out);
      }
      inflateSome(b, off, len, out);
    }

    private void inflateSome(byte[] b, int off, int len, Output out) throws DecodingException, ExchangeRefusal {
      if (len == 0 || ended) {
        if (len > 0) {
          throw new DecodingException(DecodingException.Kind.INVALID, name());
        }
        return;
      }
      int left = inflate(b, off, len, out, null);
      if (requireInflater().finished()) {
        ended = true;
        if (left > 0) {
          throw new DecodingException(DecodingException.Kind.INVALID, name());
        }
      }
    }


    @Override
    public boolean finished() {
      return ended;
    }
  }

  /**
   * {@code gzip} (RFC 1952): header, deflate data, CRC-32 and length checked; members may follow
   * one another (a concatenated gzip file is one body); anything else after a member is invalid.
   */
  private static final class Gzip extends Inflating {
    private enum State { HEADER, EXTRA_LENGTH, EXTRA, NAME, COMMENT, HEADER_CRC, DATA, TRAILER, END }

    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;

    private State state = State.HEADER;
    private final byte[] fixed = new byte[10];
    private int have;
    private int flags;
    private int skip;
    private final CRC32 crc = new CRC32();
    private long size;

    @Override
    public String name() {
      return "gzip";
    }

    @Override
    public void decode(byte[] b, int off, int len, Output out) throws DecodingException, ExchangeRefusal {
      int p = off;
      int end = off + len;
      while (p < end) {
        switch (state) {
          case HEADER, END -> {
            if (state == State.END) {
              state = State.HEADER; // another member
              have = 0;
            }
            int n = Math.min(10 - have, end - p);
            System.arraycopy(b, p, fixed, have, n);
            have += n;
            p += n;
            if (have == 10) {
              if ((fixed[0] & 0xff) != 0x1f || (fixed[1] & 0xff) != 0x8b || fixed[2] != 8) {
                throw new DecodingException(DecodingException.Kind.INVALID, name());
              }
              flags = fixed[3] & 0xff;
              have = 0;
              skip = 0;
              state = State.EXTRA_LENGTH;
              next();
            }
          }
          case EXTRA_LENGTH -> {
            skip |= (b[p++] & 0xff) << (8 * have);
            if (++have == 2) {
              state = State.EXTRA;
            }
          }
          case EXTRA -> {
            int n = Math.min(skip, end - p);
            p += n;
            skip -= n;
            if (skip == 0) {
              state = State.NAME;
              next();
            }
          }
          case NAME, COMMENT -> {
            if (b[p++] == 0) {
              state = state == State.NAME ? State.COMMENT : State.HEADER_CRC;
              next();
            }
          }
          case HEADER_CRC -> {
            p++;
            if (--skip == 0) {
              startData();
            }
          }
          case DATA -> {
            int left = inflate(b, p, end - p, out, crc);
            if (requireInflater().finished()) {
              p = end - left;
              state = State.TRAILER;
              have = 0;
            } else {
              p = end;
            }
          }
          case TRAILER -> {
            int n = Math.min(8 - have, end - p);
            System.arraycopy(b, p, fixed, have, n);
            have += n;
            p += n;
            if (have == 8) {
              long expectedCrc = readLe(fixed, 0);
              long expectedSize = readLe(fixed, 4);
              if (expectedCrc != crc.getValue() || expectedSize != (size & 0xffffffffL)) {
                throw new DecodingException(DecodingException.Kind.INVALID, name());
              }
              state = State.END;
            }
          }
          default -> throw new IllegalStateException(state.name());
        }
      }
    }

    /** Moves past optional header fields the flags do not announce. */
    private void next() {
      if (state == State.EXTRA_LENGTH && (flags & FEXTRA) == 0) {
        state = State.NAME;
      }
      if (state == State.EXTRA && skip == 0) {
        state = State.NAME;
      }
      if (state == State.NAME && (flags & FNAME) == 0) {
        state = State.COMMENT;
      }
      if (state == State.COMMENT && (flags & FCOMMENT) == 0) {
        state = State.HEADER_CRC;
      }
      if (state == State.HEADER_CRC) {
        if ((flags & FHCRC) == 0) {
          startData();
        } else {
          skip = 2;
        }
      }
    }

    private void startData() {
      Inflater z = inflater;
      if (z == null) {
        inflater = new Inflater(true);
      } else {
        z.reset();
      }
      crc.reset();
      size = 0;
      state = State.DATA;
    }

    @Override
    int inflate(byte[] b, int off, int len, Output out, @Nullable CRC32 check) throws DecodingException, ExchangeRefusal {
      Inflater z = requireInflater();
      long before = z.getBytesWritten();
      int left = super.inflate(b, off, len, out, check);
      size += z.getBytesWritten() - before;
      return left;
    }


    private static long readLe(byte[] b, int at) {
      return (b[at] & 0xffL) | (b[at + 1] & 0xffL) << 8 | (b[at + 2] & 0xffL) << 16 | (b[at + 3] & 0xffL) << 24;
    }

    @Override
    public boolean finished() {
      return state == State.END;
    }
  }

  /** {@code br} (RFC 7932) through brotli4j's streaming decoder. */
  private static final class Brotli implements Layer {
    private static final boolean AVAILABLE = load();

    private final DecoderJNI.Wrapper decoder;
    private final byte[] piece = new byte[PIECE];
    private boolean done;

    Brotli() {
      try {
        decoder = new DecoderJNI.Wrapper(PIECE);
      } catch (IOException e) {
        throw new IllegalStateException("brotli decoder: " + e.getMessage(), e);
      }
    }

    static boolean available() {
      return AVAILABLE;
    }

    private static boolean load() {
      try {
        Brotli4jLoader.ensureAvailability();
        return true;
      } catch (Throwable t) {
        return false;
      }
    }

    @Override
    public String name() {
      return "br";
    }

    @Override
    public void decode(byte[] b, int off, int len, Output out) throws DecodingException, ExchangeRefusal {
      int p = off;
      int end = off + len;
      while (true) {
        switch (decoder.getStatus()) {
          case OK -> decoder.push(0);
          case NEEDS_MORE_OUTPUT -> emit(out);
          case NEEDS_MORE_INPUT -> {
            if (decoder.hasOutput()) {
              emit(out);
            } else if (p == end) {
              return;
            } else {
              ByteBuffer input = decoder.getInputBuffer();
              input.clear();
              int n = Math.min(input.capacity(), end - p);
              input.put(b, p, n);
              p += n;
              decoder.push(n);
            }
          }
          case DONE -> {
            while (decoder.hasOutput()) {
              emit(out);
            }
            done = true;
            if (p < end) {
              throw new DecodingException(DecodingException.Kind.INVALID, name()); // bytes after the end
            }
            return;
          }
          default -> throw new DecodingException(DecodingException.Kind.INVALID, name());
        }
      }
    }

    private void emit(Output out) throws DecodingException, ExchangeRefusal {
      ByteBuffer output = decoder.pull();
      while (output.hasRemaining()) {
        int n = Math.min(piece.length, output.remaining());
        output.get(piece, 0, n);
        out.accept(piece, 0, n);
      }
    }

    @Override
    public boolean finished() {
      return done;
    }

    @Override
    public void close() {
      decoder.destroy();
    }
  }

  /** {@code zstd} (RFC 8878) through zstd-jni's streaming context; frames may follow one another. */
  private static final class Zstd implements Layer {
    private final ZstdDecompressCtx context = new ZstdDecompressCtx();
    private final ByteBuffer src = ByteBuffer.allocateDirect(PIECE);
    private final ByteBuffer dst = ByteBuffer.allocateDirect(PIECE);
    private final byte[] piece = new byte[PIECE];
    /** The last frame ended, and no byte of another one has come since. */
    private boolean frameEnded;

    @Override
    public String name() {
      return "zstd";
    }

    @Override
    public void decode(byte[] b, int off, int len, Output out) throws DecodingException, ExchangeRefusal {
      int p = off;
      int end = off + len;
      while (p < end) {
        src.clear();
        int n = Math.min(src.capacity(), end - p);
        src.put(b, p, n).flip();
        p += n;
        frameEnded = false;
        while (true) {
          dst.clear();
          boolean ended;
          try {
            ended = context.decompressDirectByteBufferStream(dst, src);
          } catch (RuntimeException e) {
            throw new DecodingException(DecodingException.Kind.INVALID, name());
          }
          dst.flip();
          int produced = dst.remaining();
          if (produced > 0) {
            dst.get(piece, 0, produced);
            out.accept(piece, 0, produced);
          }
          frameEnded = ended;
          if (!src.hasRemaining() && (ended || produced < dst.capacity())) {
            break;
          }
        }
      }
    }

    @Override
    public boolean finished() {
      return frameEnded;
    }

    @Override
    public void close() {
      context.close();
    }
  }

  /** A content coding this gateway cannot decode. */
  public static final class UnsupportedEncodingException extends Exception {
    private static final long serialVersionUID = 1L;

    UnsupportedEncodingException(String encoding) {
      super(encoding, null, false, false);
    }
  }

  /** A body its codings cannot undo: invalid bytes, a stream cut short, or more than the budget. */
  public static final class DecodingException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why decoding failed. */
    public enum Kind { INVALID, TRUNCATED, TOO_LARGE }

    private final Kind kind;

    DecodingException(Kind kind, String coding) {
      super(kind + " " + coding, null, false, false);
      this.kind = kind;
    }

    public Kind kind() {
      return kind;
    }
  }
}
