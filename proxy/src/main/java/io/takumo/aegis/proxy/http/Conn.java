package io.takumo.aegis.proxy.http;

import io.netty.channel.Channel;

/** The connection prefix of data-path log lines: {@code [3f2a L:/127.0.0.1:8080 R:/127.0.0.1:51234]}. */
public final class Conn {
  private Conn() {}

  public static String of(Channel channel) {
    return "[" + channel.id().asShortText() + " L:" + channel.localAddress() + " R:" + channel.remoteAddress() + ']';
  }
}
