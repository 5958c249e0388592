package io.takumo.aegis.proxy.upstream;

import io.netty.handler.codec.http.HttpObject;

/** What an origin connection tells the exchange it serves; called on the shared event loop. */
interface OriginListener {
  /** A decoded response part; the listener owns it. */
  void onOriginMessage(HttpObject msg);

  /** The end of one read from the origin: time to flush toward the client. */
  void onOriginReadComplete();

  void onOriginWritabilityChanged(boolean writable);

  /** The connection closed or failed before the exchange was done with it. */
  void onOriginClosed();
}
