package io.takumo.aegis.proxy.shield;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.compression.Brotli;
import io.netty.handler.codec.compression.BrotliDecoder;
import io.netty.handler.codec.compression.ZlibCodecFactory;
import io.netty.handler.codec.compression.ZlibWrapper;
import io.netty.handler.codec.compression.Zstd;
import io.netty.handler.codec.compression.ZstdDecoder;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Decodes a compressed body (gzip, deflate, br, zstd) buffer by buffer with Netty's decoders, so
 * that it can be scanned (requests) or rehydrated (answers). Event-loop confined.
 */
public final class ContentDecoding implements AutoCloseable {
  /** Largest buffer a decoder produces at once; bigger outputs come in several. */
  private static final int MAX_ALLOCATION = 1 << 20;

  private final EmbeddedChannel channel;
  private final ByteBufAllocator alloc;

  private ContentDecoding(ChannelHandler decoder, ByteBufAllocator alloc) {
    this.channel = new EmbeddedChannel(decoder);
    this.alloc = alloc;
  }

  /**
   * A decoder for {@code contentEncoding}, or null when the body is not encoded.
   *
   * @throws UnsupportedEncodingException when the encoding is not one this gateway can decode
   */
  public static @Nullable ContentDecoding forEncoding(@Nullable String contentEncoding, ByteBufAllocator alloc)
      throws UnsupportedEncodingException {
    if (contentEncoding == null) {
      return null;
    }
    String encoding = contentEncoding.trim().toLowerCase(Locale.ROOT);
    ChannelHandler decoder = switch (encoding) {
      case "", "identity" -> null;
      case "gzip", "x-gzip" -> ZlibCodecFactory.newZlibDecoder(ZlibWrapper.GZIP, MAX_ALLOCATION);
      case "deflate", "x-deflate" -> ZlibCodecFactory.newZlibDecoder(ZlibWrapper.ZLIB_OR_NONE, MAX_ALLOCATION);
      case "br" -> Brotli.isAvailable() ? new BrotliDecoder() : unsupported(encoding);
      case "zstd" -> Zstd.isAvailable() ? new ZstdDecoder() : unsupported(encoding);
      default -> unsupported(encoding);
    };
    return decoder == null ? null : new ContentDecoding(decoder, alloc);
  }

  private static ChannelHandler unsupported(String encoding) throws UnsupportedEncodingException {
    throw new UnsupportedEncodingException(encoding);
  }

  /**
   * Takes {@code compressed} (ownership moves here) and returns what it decodes to, possibly
   * empty; {@code last} ends the stream and checks that it was complete.
   *
   * @throws io.netty.handler.codec.DecoderException when the bytes are not valid for the encoding
   */
  public ByteBuf decode(ByteBuf compressed, boolean last) {
    channel.writeInbound(compressed);
    if (last) {
      channel.finish();
    }
    channel.checkException();
    CompositeByteBuf out = alloc.compositeBuffer();
    ByteBuf b;
    while ((b = channel.readInbound()) != null) {
      out.addComponent(true, b);
    }
    return out;
  }

  @Override
  public void close() {
    channel.finishAndReleaseAll();
  }

  /** A content encoding this gateway cannot decode. */
  public static final class UnsupportedEncodingException extends Exception {
    private static final long serialVersionUID = 1L;

    UnsupportedEncodingException(String encoding) {
      super(encoding, null, false, false);
    }
  }
}
