-- Lethe data controls schema. Portable SQL: runs unchanged on SQLite and PostgreSQL.
-- Times are epoch milliseconds (UTC); flags are INTEGER 0/1.

-- One row. Every write transaction increments seq first: it orders all state changes, serialises
-- writers (a row lock on PostgreSQL, the single writer on SQLite) and is the change-feed watermark.
CREATE TABLE clock (
  id INTEGER PRIMARY KEY,
  seq BIGINT NOT NULL,
  at_ms BIGINT NOT NULL
);
INSERT INTO clock (id, seq, at_ms) VALUES (1, 0, 0);

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  email TEXT,                       -- NULL once the deleted account is purged
  display_name TEXT,
  created_at BIGINT NOT NULL,
  improve_model INTEGER NOT NULL,
  memories_enabled INTEGER NOT NULL,
  deleted_at BIGINT,
  purge_due_at BIGINT,
  purged_at BIGINT
);
CREATE UNIQUE INDEX users_live_email ON users (email) WHERE deleted_at IS NULL;
CREATE INDEX users_purge_due ON users (purge_due_at);

CREATE TABLE tokens (
  token_hash TEXT PRIMARY KEY,      -- SHA-256 of the bearer token; the token itself is never stored
  user_id TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX tokens_user ON tokens (user_id);

CREATE TABLE setting_changes (
  user_id TEXT NOT NULL,
  seq BIGINT NOT NULL,
  changed_at BIGINT NOT NULL,
  setting TEXT NOT NULL,
  enabled INTEGER NOT NULL,
  PRIMARY KEY (user_id, seq, setting)
);

CREATE TABLE conversations (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  seq BIGINT NOT NULL,
  started_at BIGINT NOT NULL,
  title TEXT,
  temporary INTEGER NOT NULL,
  training_eligible INTEGER NOT NULL,
  archived_at BIGINT,
  deleted_at BIGINT,
  purge_due_at BIGINT
);
CREATE INDEX conversations_user ON conversations (user_id, started_at);
CREATE INDEX conversations_purge_due ON conversations (purge_due_at);
CREATE INDEX conversations_eligible ON conversations (training_eligible, id);

CREATE TABLE messages (
  conversation_id TEXT NOT NULL,
  ordinal INTEGER NOT NULL,
  role TEXT NOT NULL,
  text TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (conversation_id, ordinal)
);

CREATE TABLE memories (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  source_conversation_id TEXT,
  text TEXT NOT NULL,
  saved_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  training_eligible INTEGER NOT NULL
);
CREATE INDEX memories_user ON memories (user_id, saved_at);

CREATE TABLE exports (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  request_id TEXT,                  -- the access request it answers, if any
  status TEXT NOT NULL,
  requested_at BIGINT NOT NULL,
  ready_at BIGINT,
  expires_at BIGINT,
  size_bytes BIGINT,
  failure TEXT
);
CREATE INDEX exports_user ON exports (user_id);

CREATE TABLE privacy_requests (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  fingerprint TEXT NOT NULL,        -- kind plus a hash of the requested strings: duplicate detection
  created_at BIGINT NOT NULL,
  due_at BIGINT NOT NULL,
  code_hash TEXT,                   -- identity check: hash of the one-time code sent to the user
  code_expires_at BIGINT,
  code_attempts INTEGER NOT NULL,
  verified_at BIGINT,
  completed_at BIGINT,
  outcome TEXT                      -- what was done, without content
);
CREATE INDEX privacy_requests_user ON privacy_requests (user_id, created_at);
CREATE INDEX privacy_requests_status ON privacy_requests (status, due_at);

-- Strings a "remove my personal data from model outputs" request names. Active (honoured by the
-- Privacy Filter and the snapshot builder) once added_seq is set, when the request completes.
CREATE TABLE suppression_entries (
  id TEXT PRIMARY KEY,
  request_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  text TEXT NOT NULL,
  added_seq BIGINT,
  added_at BIGINT
);
CREATE INDEX suppression_entries_request ON suppression_entries (request_id);
CREATE INDEX suppression_entries_added ON suppression_entries (added_seq);

CREATE TABLE idempotency_keys (
  user_id TEXT NOT NULL,
  idem_key TEXT NOT NULL,
  operation TEXT NOT NULL,
  status INTEGER NOT NULL,
  body TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (user_id, idem_key)
);

-- Append-only (enforced by an engine-specific trigger in V2): who, what, when; never content.
CREATE TABLE audit_log (
  seq BIGINT NOT NULL,
  idx INTEGER NOT NULL,
  at BIGINT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  user_id TEXT,
  subject_id TEXT,
  detail TEXT,
  PRIMARY KEY (seq, idx)
);
CREATE INDEX audit_log_user ON audit_log (user_id, seq);
CREATE INDEX audit_log_subject ON audit_log (subject_id);
CREATE INDEX audit_log_action ON audit_log (action, seq);
