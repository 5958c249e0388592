-- The reference coordinator's state (SPEC.md §11). Join keys are stored as SHA-256 only.
CREATE TABLE coordinator_join_keys (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    prefix        TEXT NOT NULL,
    key_hash      BYTEA NOT NULL UNIQUE CHECK (octet_length(key_hash) = 32),
    status        TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked')),
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    revoked_at    TIMESTAMPTZ
);

-- Every version of the fleet's config: the document an operator set, plus the API key revocations
-- fanned out with it. Versions only grow.
CREATE TABLE coordinator_config_versions (
    version       BIGINT PRIMARY KEY,
    document      BYTEA NOT NULL,
    revoked       TEXT[] NOT NULL DEFAULT '{}',
    reason        TEXT NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE coordinator_gateways (
    instance_id       TEXT PRIMARY KEY,
    join_key_id       TEXT NOT NULL REFERENCES coordinator_join_keys (id),
    hostname          TEXT NOT NULL,
    version           TEXT NOT NULL,
    registered_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    connected         BOOLEAN NOT NULL DEFAULT false,
    connected_at      TIMESTAMPTZ,
    disconnected_at   TIMESTAMPTZ,
    last_report_at    TIMESTAMPTZ,
    acked_version     BIGINT NOT NULL DEFAULT 0,
    nack_version      BIGINT,
    nack_error        TEXT,
    nack_at           TIMESTAMPTZ,
    health            JSONB,
    audit_dropped     BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE coordinator_audit_events (
    request_id    TEXT PRIMARY KEY,
    instance_id   TEXT NOT NULL,
    org_id        TEXT NOT NULL,
    at            TIMESTAMPTZ NOT NULL,
    event         JSONB NOT NULL,
    received_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX coordinator_audit_events_org_at ON coordinator_audit_events (org_id, at DESC);
