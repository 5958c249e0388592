-- One row per exchange (SPEC §12): metadata only, never values or bodies.
CREATE TABLE audit_events (
    id                 BIGSERIAL PRIMARY KEY,
    at                 TIMESTAMPTZ NOT NULL,
    request_id         TEXT NOT NULL,
    org_id             TEXT NOT NULL,
    key_prefix         TEXT,
    provider           TEXT NOT NULL,
    method             TEXT NOT NULL,
    route              TEXT NOT NULL,
    status             INT NOT NULL,
    added_ms           DOUBLE PRECISION NOT NULL,
    upstream_ms        DOUBLE PRECISION NOT NULL,
    bytes_in           BIGINT NOT NULL,
    bytes_out          BIGINT NOT NULL,
    detections         JSONB NOT NULL DEFAULT '[]',
    tokens_rehydrated  INT NOT NULL DEFAULT 0,
    unknown_tokens     INT NOT NULL DEFAULT 0,
    actions            TEXT[] NOT NULL DEFAULT '{}'
);

CREATE INDEX audit_events_org_at ON audit_events (org_id, at DESC);
