-- When a key's status last changed, so a coordinator sharing this database can fan out recent
-- revocations to its fleet (SPEC §7, §11).
ALTER TABLE api_keys ADD COLUMN status_changed_at TIMESTAMPTZ;
