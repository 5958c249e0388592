-- An organization's own provider keys and token key (SPEC §3, §6, §11), sealed with AES-256-GCM
-- under TAKUMO_ENCRYPTION_KEY (see SealedColumns): nonce (12 bytes) followed by the ciphertext
-- and its tag. NULL: the organization uses the gateway's keys.
ALTER TABLE organizations ADD COLUMN provider_keys BYTEA;
ALTER TABLE organizations ADD COLUMN token_key BYTEA;
