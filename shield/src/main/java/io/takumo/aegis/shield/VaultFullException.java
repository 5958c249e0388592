package io.takumo.aegis.shield;

/** The vault holds its limit of secrets: the request must be refused (413), not forwarded. */
public final class VaultFullException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int limit;

  public VaultFullException(int limit) {
    super("the vault holds its limit of " + limit + " secrets", null, false, false);
    this.limit = limit;
  }

  public int limit() {
    return limit;
  }
}
