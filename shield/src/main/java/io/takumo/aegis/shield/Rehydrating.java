package io.takumo.aegis.shield;

/** A rewriter that puts secrets back, with what it did. */
public interface Rehydrating extends StreamRewriter {
  /** Tokens replaced by their secrets. */
  int restored();

  /** Well-formed tokens the vault does not know, left in place. */
  int unknownCount();
}
