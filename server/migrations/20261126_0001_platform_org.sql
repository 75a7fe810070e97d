-- Platform and organisation (issue 2). Forward-only: never edit a migration that has shipped.

CREATE TABLE areas (
  code        text PRIMARY KEY,
  name        text NOT NULL,
  name_en     text NOT NULL DEFAULT ''
);

CREATE TABLE fields (
  code        text PRIMARY KEY,
  name        text NOT NULL,
  name_en     text NOT NULL DEFAULT '',
  sort        int  NOT NULL DEFAULT 0
);

CREATE TABLE units (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code        text NOT NULL UNIQUE,
  name        text NOT NULL,
  short_name  text NOT NULL,
  level       text NOT NULL CHECK (level IN ('province','office','department','agency','commune')),
  type        text NOT NULL,
  parent_id   uuid REFERENCES units(id),
  org_id      text UNIQUE,
  area_code   text REFERENCES areas(code),
  field_codes text[] NOT NULL DEFAULT '{}',
  active      boolean NOT NULL DEFAULT true,
  sort        int NOT NULL DEFAULT 0,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX units_level_idx ON units(level);
CREATE INDEX units_parent_idx ON units(parent_id);

CREATE TABLE users (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username      text NOT NULL UNIQUE,
  password_hash text NOT NULL,
  full_name     text NOT NULL,
  position      text NOT NULL DEFAULT '',
  unit_id       uuid REFERENCES units(id),
  roles         text[] NOT NULL DEFAULT '{}',
  -- 0 none, 1 Mật, 2 Tối mật, 3 Tuyệt mật (Luật Bảo vệ bí mật nhà nước 2018, Điều 8)
  clearance     int NOT NULL DEFAULT 0 CHECK (clearance BETWEEN 0 AND 3),
  active        boolean NOT NULL DEFAULT true,
  sort          int NOT NULL DEFAULT 0,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sessions (
  id_hash     text PRIMARY KEY,
  user_id     uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token  text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions(user_id);

CREATE TABLE api_tokens (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name        text NOT NULL,
  token_hash  text NOT NULL UNIQUE,
  user_id     uuid NOT NULL REFERENCES users(id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  revoked_at  timestamptz
);

-- Kept in the database, not in memory, so the limit holds across app instances.
CREATE TABLE login_failures (
  id          bigserial PRIMARY KEY,
  username    text NOT NULL,
  ip          text NOT NULL,
  at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_ip_at_idx ON login_failures(ip, at);
CREATE INDEX login_failures_user_at_idx ON login_failures(username, at);

-- One row per leader and period: who was in charge of what on a given date.
CREATE TABLE leader_assignments (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  leader_id     uuid NOT NULL REFERENCES users(id),
  field_codes   text[] NOT NULL DEFAULT '{}',
  area_codes    text[] NOT NULL DEFAULT '{}',
  agency_ids    uuid[] NOT NULL DEFAULT '{}',
  valid_from    date NOT NULL,
  valid_to      date,
  note          text NOT NULL DEFAULT '',
  created_at    timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX leader_assignments_leader_idx ON leader_assignments(leader_id, valid_from);

CREATE TABLE staffing_quotas (
  unit_id          uuid NOT NULL REFERENCES units(id),
  year             int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  approved_civil   int NOT NULL CHECK (approved_civil >= 0),
  approved_public  int NOT NULL CHECK (approved_public >= 0),
  actual_civil     int NOT NULL CHECK (actual_civil >= 0),
  actual_public    int NOT NULL CHECK (actual_public >= 0),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (unit_id, year)
);

CREATE TABLE audit_log (
  id          bigserial PRIMARY KEY,
  at          timestamptz NOT NULL,
  actor_id    uuid,
  actor_name  text NOT NULL,
  action      text NOT NULL,
  entity      text NOT NULL,
  entity_id   text NOT NULL,
  before      jsonb,
  after       jsonb,
  prev_hash   text NOT NULL,
  hash        text NOT NULL UNIQUE
);
CREATE INDEX audit_log_entity_idx ON audit_log(entity, entity_id);

-- Append-only: the application never updates or deletes audit rows. The hash chain
-- still catches a change made by someone who disables this trigger.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

CREATE TABLE app_meta (
  key   text PRIMARY KEY,
  value text NOT NULL
);
