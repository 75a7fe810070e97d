-- Routing (issue 4): versioned policy, competence catalogue, each document's route.

CREATE TABLE routing_policies (
  version      serial PRIMARY KEY,
  status       text NOT NULL CHECK (status IN ('draft', 'published', 'superseded')),
  policy       jsonb NOT NULL,
  note         text NOT NULL DEFAULT '',
  created_by   uuid REFERENCES users(id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz
);
-- At most one draft and one live version at a time.
CREATE UNIQUE INDEX routing_policies_one_draft ON routing_policies((status)) WHERE status IN ('draft', 'published');

CREATE TABLE competence_catalogue (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  field_code     text NOT NULL REFERENCES fields(code),
  matter         text[] NOT NULL DEFAULT '{}',
  request_kinds  text[] NOT NULL DEFAULT '{}',
  level          text NOT NULL CHECK (level IN ('commune', 'agency', 'ppc', 'chairman')),
  advice_agency  text,
  basis          text NOT NULL,
  guidance       text NOT NULL DEFAULT '',
  sort           int NOT NULL DEFAULT 0
);

CREATE TABLE document_routes (
  document_id     uuid PRIMARY KEY REFERENCES documents(id),
  policy_version  int NOT NULL REFERENCES routing_policies(version),
  route_date      date NOT NULL,
  flow            text NOT NULL,
  route           jsonb NOT NULL,
  field_code      text,
  field_source    text NOT NULL DEFAULT 'given',
  field_confidence real,
  -- Once someone acts on the route (override or processing), it is no longer recomputed.
  acted           boolean NOT NULL DEFAULT false,
  overridden      boolean NOT NULL DEFAULT false,
  override_reason text,
  computed_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX document_routes_flow_idx ON document_routes(flow);

CREATE TABLE classifier_models (
  name        text PRIMARY KEY,
  model       jsonb NOT NULL,
  examples    int NOT NULL DEFAULT 0,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- References as given at registration, with their kind (advice / response / other).
ALTER TABLE documents ADD COLUMN references_json jsonb NOT NULL DEFAULT '[]';

-- Bumped with every change the routing engine reads (units, assignments, people, catalogue,
-- policy), so each instance knows when its cached copies are stale.
INSERT INTO app_meta(key, value) VALUES ('routing_generation', '1') ON CONFLICT (key) DO NOTHING;

-- Confirmed fields (overrides, confirmations): the classifier's training examples.
CREATE TABLE routing_examples (
  document_id  uuid PRIMARY KEY REFERENCES documents(id),
  field_code   text NOT NULL REFERENCES fields(code),
  text         text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);
