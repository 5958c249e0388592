package io.takumo.aegis.proxy.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersDecoder;
import io.netty.handler.codec.http2.DefaultHttp2HeadersEncoder;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2Headers;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A raw HTTP/2 client on a socket, for what no well-behaved client sends: frames are written byte
 * for byte as the test says (floods, resets, endless headers), and read back one by one. Reads time
 * out after 30 s so a gateway that hangs fails the test rather than the build.
 */
final class H2Wire implements AutoCloseable {
  static final int DATA = 0;
  static final int HEADERS = 1;
  static final int RST_STREAM = 3;
  static final int SETTINGS = 4;
  static final int PING = 6;
  static final int GOAWAY = 7;
  static final int WINDOW_UPDATE = 8;
  static final int CONTINUATION = 9;
  static final int END_STREAM = 0x1;
  static final int ACK = 0x1;
  static final int END_HEADERS = 0x4;
  static final long PROTOCOL_ERROR = 0x1;
  static final long CANCEL = 0x8;
  static final long REFUSED_STREAM = 0x7;
  static final long FRAME_SIZE_ERROR = 0x6;
  static final long ENHANCE_YOUR_CALM = 0xb;

  /** A frame as read; {@code headers} is the decoded block of a HEADERS frame (with its CONTINUATIONs). */
  record Frame(int type, int flags, int stream, byte[] payload, @Nullable Http2Headers headers) {
    /** The error code of a RST_STREAM or GOAWAY frame. */
    long errorCode() {
      ByteBuffer b = ByteBuffer.wrap(payload);
      return Integer.toUnsignedLong(type == GOAWAY ? b.getInt(4) : b.getInt(0));
    }

    /** A SETTINGS frame's value for {@code id}, or -1. */
    long setting(int id) {
      ByteBuffer b = ByteBuffer.wrap(payload);
      while (b.remaining() >= 6) {
        int key = b.getShort() & 0xffff;
        long value = Integer.toUnsignedLong(b.getInt());
        if (key == id) {
          return value;
        }
      }
      return -1;
    }

    @Nullable String status() {
      return headers == null || headers.status() == null ? null : headers.status().toString();
    }

    @Override
    public String toString() {
      return "Frame[type=" + type + ", flags=" + flags + ", stream=" + stream + ", length=" + payload.length + "]";
    }
  }

  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;
  private final DefaultHttp2HeadersEncoder encoder = new DefaultHttp2HeadersEncoder();
  private final DefaultHttp2HeadersDecoder decoder = new DefaultHttp2HeadersDecoder(true, 1 << 20);
  private final ByteArrayOutputStream block = new ByteArrayOutputStream();

  /** Connects and sends the connection preface and an empty SETTINGS frame. */
  H2Wire(int port) throws IOException {
    this(port, 0);
  }

  /** As {@link #H2Wire(int)}, with a socket receive buffer of {@code receiveBuffer} bytes when positive. */
  H2Wire(int port, int receiveBuffer) throws IOException {
    socket = new Socket();
    if (receiveBuffer > 0) {
      socket.setReceiveBufferSize(receiveBuffer);
    }
    socket.connect(new InetSocketAddress("127.0.0.1", port));
    socket.setSoTimeout(30_000);
    in = new DataInputStream(socket.getInputStream());
    out = socket.getOutputStream();
    out.write(ByteBufUtil.getBytes(Http2CodecUtil.connectionPrefaceBuf()));
    frame(SETTINGS, 0, 0, new byte[0]);
  }

  void frame(int type, int flags, int stream, byte[] payload) throws IOException {
    out.write(frameBytes(type, flags, stream, payload));
  }

  static byte[] frameBytes(int type, int flags, int stream, byte[] payload) {
    ByteBuffer b = ByteBuffer.allocate(9 + payload.length);
    b.put((byte) (payload.length >>> 16)).put((byte) (payload.length >>> 8)).put((byte) payload.length);
    b.put((byte) type).put((byte) flags).putInt(stream).put(payload);
    return b.array();
  }

  void write(byte[] bytes) throws IOException {
    out.write(bytes);
  }

  /** An HPACK block of {@code pairs} (name, value, name, value, …), encoded with this connection's table. */
  byte[] headerBlock(CharSequence... pairs) throws Http2Exception {
    Http2Headers headers = new DefaultHttp2Headers(false);
    for (int i = 0; i < pairs.length; i += 2) {
      headers.add(pairs[i], pairs[i + 1]);
    }
    ByteBuf buf = Unpooled.buffer();
    try {
      encoder.encodeHeaders(0, headers, buf);
      byte[] bytes = new byte[buf.readableBytes()];
      buf.readBytes(bytes);
      return bytes;
    } finally {
      buf.release();
    }
  }

  /** A request's HEADERS frame (one frame, END_HEADERS). */
  void headers(int stream, boolean endStream, CharSequence... pairs) throws IOException, Http2Exception {
    frame(HEADERS, END_HEADERS | (endStream ? END_STREAM : 0), stream, headerBlock(pairs));
  }

  /** The pseudo-headers and key of a {@code POST /v1/messages}, then {@code more}. */
  static CharSequence[] post(String key, CharSequence... more) {
    CharSequence[] head = {":method", "POST", ":scheme", "http", ":path", "/v1/messages", ":authority", "localhost",
        "x-api-key", key, "content-type", "application/json"};
    CharSequence[] all = new CharSequence[head.length + more.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(more, 0, all, head.length, more.length);
    return all;
  }

  void rst(int stream, long code) throws IOException {
    frame(RST_STREAM, 0, stream, ByteBuffer.allocate(4).putInt((int) code).array());
  }

  void data(int stream, boolean endStream, byte[] bytes) throws IOException {
    frame(DATA, endStream ? END_STREAM : 0, stream, bytes);
  }

  /** The next frame; a HEADERS frame comes with its block decoded (CONTINUATIONs folded in). */
  Frame read() throws IOException {
    while (true) {
      int length = (in.readUnsignedByte() << 16) | (in.readUnsignedByte() << 8) | in.readUnsignedByte();
      int type = in.readUnsignedByte();
      int flags = in.readUnsignedByte();
      int stream = in.readInt() & 0x7fffffff;
      byte[] payload = new byte[length];
      in.readFully(payload);
      if (type != HEADERS && type != CONTINUATION) {
        return new Frame(type, flags, stream, payload, null);
      }
      block.write(payload); // the gateway pads nothing and sends no priority
      if ((flags & END_HEADERS) != 0) {
        ByteBuf buf = Unpooled.wrappedBuffer(block.toByteArray());
        block.reset();
        try {
          return new Frame(HEADERS, flags, stream, payload, decoder.decodeHeaders(stream, buf));
        } catch (Http2Exception e) {
          throw new IOException("undecodable headers from the gateway", e);
        } finally {
          buf.release();
        }
      }
    }
  }

  /** Reads until a frame {@code wanted} matches; what comes before it is skipped. */
  Frame readUntil(Predicate<Frame> wanted) throws IOException {
    while (true) {
      Frame f = read();
      if (wanted.test(f)) {
        return f;
      }
    }
  }

  /** Reads until the gateway closes the connection (end of stream or reset); the frames read are skipped. */
  void readToClose() throws IOException {
    try {
      while (true) {
        read();
      }
    } catch (EOFException | SocketException e) {
      // closed: what the caller waits for
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
