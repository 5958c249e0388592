package io.takumo.aegis.detect;

/** What kind of secret a finding is (SPEC §2); the category names the token. */
public enum Category {
  /** API and access keys. */
  KEY,
  /** Passwords, secret values, private keys. */
  SECRET,
  /** Connection strings with credentials. */
  CONN,
  /** Internal hostnames, private IPs. */
  HOST,
  /** JWTs, bearer and OAuth tokens, webhook URLs. */
  TOKEN,
  /** Usernames in credential contexts. */
  USER
}
