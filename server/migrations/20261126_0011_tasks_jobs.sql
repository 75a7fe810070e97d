-- Processing and follow-up (issue 5): tasks, the handling chain, durable jobs, notifications.

CREATE TABLE tasks (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  content               text NOT NULL,
  status                text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done', 'returned', 'cancelled')),
  lead_unit_id          uuid REFERENCES units(id),
  lead_user_id          uuid REFERENCES users(id),
  co_unit_ids           uuid[] NOT NULL DEFAULT '{}',
  info_unit_ids         uuid[] NOT NULL DEFAULT '{}',
  deadline              date,
  recurring             boolean NOT NULL DEFAULT false,
  deadline_phrase       text,
  source_document_id    uuid REFERENCES documents(id),
  source_point          text,
  instruction           text,
  instructed_by         uuid REFERENCES users(id),
  assigned_by           uuid REFERENCES users(id),
  created_by            uuid REFERENCES users(id),
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  completed_at          timestamptz,
  completed_on          date,
  on_time               boolean,
  result                text,
  evidence_document_id  uuid REFERENCES documents(id),
  evidence_text         text
);
CREATE INDEX tasks_open_deadline_idx ON tasks(deadline) WHERE status IN ('open', 'in_progress', 'returned');
CREATE INDEX tasks_lead_unit_idx ON tasks(lead_unit_id, status);
CREATE INDEX tasks_source_idx ON tasks(source_document_id);

CREATE TABLE task_reports (
  id        bigserial PRIMARY KEY,
  task_id   uuid NOT NULL REFERENCES tasks(id),
  at        timestamptz NOT NULL DEFAULT now(),
  user_id   uuid REFERENCES users(id),
  kind      text NOT NULL,
  note      text NOT NULL DEFAULT '',
  percent   int CHECK (percent IS NULL OR percent BETWEEN 0 AND 100)
);
CREATE INDEX task_reports_task_idx ON task_reports(task_id, id);

-- The handling chain of an incoming document (NĐ 30/2020, Điều 23–24).
CREATE TABLE handling_steps (
  id           bigserial PRIMARY KEY,
  document_id  uuid NOT NULL REFERENCES documents(id),
  at           timestamptz NOT NULL DEFAULT now(),
  actor_id     uuid REFERENCES users(id),
  action       text NOT NULL,
  to_user_id   uuid REFERENCES users(id),
  to_unit_id   uuid REFERENCES units(id),
  note         text NOT NULL DEFAULT '',
  task_id      uuid REFERENCES tasks(id)
);
CREATE INDEX handling_steps_doc_idx ON handling_steps(document_id, id);

-- Durable jobs: claimed with FOR UPDATE SKIP LOCKED, run and marked done in one transaction;
-- a dedupe key makes "enqueue once" hold across instances and restarts.
CREATE TABLE jobs (
  id            bigserial PRIMARY KEY,
  name          text NOT NULL,
  payload       jsonb NOT NULL DEFAULT '{}',
  dedupe_key    text UNIQUE,
  run_at        timestamptz NOT NULL DEFAULT now(),
  status        text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  attempts      int NOT NULL DEFAULT 0,
  locked_by     text,
  locked_until  timestamptz,
  last_error    text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  done_at       timestamptz
);
CREATE INDEX jobs_ready_idx ON jobs(run_at) WHERE status IN ('queued', 'running');

CREATE TABLE notifications (
  id          bigserial PRIMARY KEY,
  user_id     uuid NOT NULL REFERENCES users(id),
  kind        text NOT NULL,
  title       text NOT NULL,
  body        text NOT NULL DEFAULT '',
  task_id     uuid REFERENCES tasks(id),
  document_id uuid REFERENCES documents(id),
  at          timestamptz NOT NULL DEFAULT now(),
  read_at     timestamptz,
  emailed_at  timestamptz,
  dedupe_key  text UNIQUE
);
CREATE INDEX notifications_user_idx ON notifications(user_id, id DESC);

CREATE TABLE urging_documents (
  id           bigserial PRIMARY KEY,
  unit_id      uuid NOT NULL REFERENCES units(id),
  document_id  uuid NOT NULL REFERENCES documents(id),
  task_ids     uuid[] NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);

-- Follow-up settings an administrator edits: reminder offsets before a deadline (working days),
-- and how many working days overdue before an urging document is drafted.
INSERT INTO app_meta(key, value) VALUES
  ('followup_reminder_offsets', '[3,1]'),
  ('followup_urge_after_days', '1'),
  ('followup_near_days', '3')
ON CONFLICT (key) DO NOTHING;

ALTER TABLE users ADD COLUMN email text;
