-- Issue 9: bearer tokens get an id (to list and revoke sessions) and an expiry; re-confirmation codes
-- for account deletion and exports; notices to users; operator handling of privacy requests.

ALTER TABLE tokens ADD COLUMN id TEXT;
ALTER TABLE tokens ADD COLUMN expires_at BIGINT;
UPDATE tokens SET id = 'tok_' || substr(token_hash, 1, 16), expires_at = created_at + 2592000000;
CREATE UNIQUE INDEX tokens_id ON tokens (id);

-- One open re-confirmation per user and action (delete_account, export): a hashed one-time code sent
-- to the account's email; a new one replaces the old; consumed by the action it confirms.
CREATE TABLE confirmations (
  user_id TEXT NOT NULL,
  action TEXT NOT NULL,
  code_hash TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  attempts INTEGER NOT NULL,
  PRIMARY KEY (user_id, action)
);

-- What the service tells a user (an export is ready, a request completed). No content, ids only.
CREATE TABLE notices (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  seq BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  kind TEXT NOT NULL,
  subject_id TEXT,
  message TEXT NOT NULL,
  read_at BIGINT
);
CREATE INDEX notices_user ON notices (user_id, seq);

-- A correction request says what is wrong (the user's own words, shown to operators, never in the
-- audit log); code resends are counted and limited.
ALTER TABLE privacy_requests ADD COLUMN details TEXT;
ALTER TABLE privacy_requests ADD COLUMN code_resends INTEGER NOT NULL DEFAULT 0;
ALTER TABLE privacy_requests ADD COLUMN approved_at BIGINT;
