package io.takumo.aegis.proxy.http;

/** Why a channel stopped reading; see {@link ReadGate}. */
public enum PauseReason {
  /** Waiting for the key store to answer. */
  AUTH,
  /** Waiting for the coordinator to refill a fleet rate-limit lease. */
  RATE_LEASE,
  /** Waiting for the upstream connection to open. */
  CONNECT,
  /** The upstream connection cannot take more request bytes yet. */
  UPSTREAM_UNWRITABLE,
  /** The client cannot take more response bytes yet (set on the upstream channel). */
  PEER_UNWRITABLE,
  /** A pipelined request waits for the previous response to finish. */
  PIPELINED
}
