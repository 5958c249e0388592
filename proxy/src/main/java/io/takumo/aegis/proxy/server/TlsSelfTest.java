package io.takumo.aegis.proxy.server;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.util.ReferenceCountUtil;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;

/**
 * A TLS handshake in memory against a server context before it serves anyone: a certificate whose
 * private key is not its own loads without complaint (OpenSSL checks the pair only when it signs),
 * and would fail every client's handshake after a reload. Here the client trusts any certificate:
 * what is tested is that the server holds the key of the certificate it shows, not who issued it.
 */
final class TlsSelfTest {
  private static final int MAX_STEPS = 64;

  private TlsSelfTest() {}

  /** Completes one handshake with {@code server}, or throws saying why it cannot. */
  static void check(SslContext server) throws SSLException {
    SSLEngine client;
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new AnyCertificate()}, null);
      client = context.createSSLEngine("aegis-self-test", 443);
    } catch (GeneralSecurityException e) {
      throw new SSLException("no TLS client to test the certificate with", e);
    }
    client.setUseClientMode(true);
    SSLEngine engine = server.newEngine(ByteBufAllocator.DEFAULT);
    try {
      handshake(client, engine);
    } finally {
      ReferenceCountUtil.release(engine); // an OpenSSL engine holds native memory
    }
  }

  private static void handshake(SSLEngine client, SSLEngine server) throws SSLException {
    int packet = Math.max(client.getSession().getPacketBufferSize(), server.getSession().getPacketBufferSize());
    int app = Math.max(client.getSession().getApplicationBufferSize(), server.getSession().getApplicationBufferSize());
    ByteBuffer toServer = ByteBuffer.allocate(packet * 4);
    ByteBuffer toClient = ByteBuffer.allocate(packet * 4);
    ByteBuffer sink = ByteBuffer.allocate(app * 4);
    client.beginHandshake();
    server.beginHandshake();
    for (int step = 0; step < MAX_STEPS; step++) {
      flight(client, server, toServer, sink);
      flight(server, client, toClient, sink);
      sink.clear();
      if (done(client) && done(server)) {
        return;
      }
    }
    throw new SSLException("the TLS handshake did not complete");
  }

  /** What {@code from} has to send, through {@code wire}, read by {@code to}. */
  private static void flight(SSLEngine from, SSLEngine to, ByteBuffer wire, ByteBuffer sink) throws SSLException {
    from.wrap(ByteBuffer.allocate(0), wire);
    runTasks(from);
    wire.flip();
    to.unwrap(wire, sink);
    runTasks(to);
    wire.compact();
  }

  private static boolean done(SSLEngine engine) {
    HandshakeStatus status = engine.getHandshakeStatus();
    return status == HandshakeStatus.NOT_HANDSHAKING || status == HandshakeStatus.FINISHED;
  }

  private static void runTasks(SSLEngine engine) {
    Runnable task;
    while ((task = engine.getDelegatedTask()) != null) {
      task.run();
    }
  }
}
