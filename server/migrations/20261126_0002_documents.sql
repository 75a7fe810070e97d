-- Documents (issue 3): registers, numbering, files, search.

CREATE TABLE number_sequences (
  scope  text NOT NULL,
  year   int  NOT NULL,
  last   int  NOT NULL DEFAULT 0,
  PRIMARY KEY (scope, year)
);

CREATE TABLE stored_files (
  sha256      text PRIMARY KEY,
  size        bigint NOT NULL,
  mime        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE documents (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  direction         text NOT NULL CHECK (direction IN ('in','out')),
  -- Incoming: the receiving organisation whose register holds it. Outgoing: the issuing body.
  register_unit_id  uuid NOT NULL REFERENCES units(id),
  issuer_unit_id    uuid REFERENCES units(id),
  issuer_name       text NOT NULL,
  drafting_unit_id  uuid REFERENCES units(id),
  number            int,
  notation          text,
  code              text,
  code_norm         text,
  issued_date       date,
  type              text NOT NULL,
  subject           text NOT NULL,
  body              text NOT NULL DEFAULT '',
  signer_form       text,
  signer_position   text,
  signer_name       text,
  signer_user_id    uuid REFERENCES users(id),
  urgency           int NOT NULL DEFAULT 0 CHECK (urgency BETWEEN 0 AND 4),
  secrecy           int NOT NULL DEFAULT 0 CHECK (secrecy BETWEEN 0 AND 3),
  pages             int CHECK (pages IS NULL OR pages >= 0),
  recipients        jsonb NOT NULL DEFAULT '[]',
  due_date          date,
  field_codes       text[] NOT NULL DEFAULT '{}',
  referenced_codes  text[] NOT NULL DEFAULT '{}',
  full_text         text NOT NULL DEFAULT '',
  search_text       text NOT NULL DEFAULT '',
  search            tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED,
  year              int NOT NULL,
  arrival_number    int,
  arrival_date      date,
  series            text,
  legal_normative   boolean NOT NULL DEFAULT false,
  status            text NOT NULL,
  source            text NOT NULL DEFAULT 'manual',
  duplicate_of      uuid REFERENCES documents(id),
  source_document_id uuid REFERENCES documents(id),
  corrects_id       uuid REFERENCES documents(id),
  content_checked_by uuid REFERENCES users(id),
  format_checker_id uuid REFERENCES users(id),
  format_checked_by uuid REFERENCES users(id),
  version           int NOT NULL DEFAULT 1,
  created_by        uuid REFERENCES users(id),
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX documents_arrival_uq ON documents(register_unit_id, year, arrival_number) WHERE direction = 'in';
CREATE UNIQUE INDEX documents_outnumber_uq ON documents(register_unit_id, series, year, number)
  WHERE direction = 'out' AND number IS NOT NULL;
CREATE INDEX documents_list_idx ON documents(direction, register_unit_id, year DESC, arrival_number DESC);
CREATE INDEX documents_created_idx ON documents(direction, created_at DESC);
CREATE INDEX documents_code_idx ON documents(code_norm);
CREATE INDEX documents_dup_idx ON documents(register_unit_id, code_norm, year);
CREATE INDEX documents_search_idx ON documents USING gin(search);
CREATE INDEX documents_refs_idx ON documents USING gin(referenced_codes);
CREATE INDEX documents_issued_idx ON documents(issued_date);

CREATE TABLE document_files (
  document_id  uuid NOT NULL REFERENCES documents(id),
  sha256       text NOT NULL REFERENCES stored_files(sha256),
  name         text NOT NULL,
  kind         text NOT NULL DEFAULT 'main' CHECK (kind IN ('main','attachment')),
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (document_id, sha256)
);
CREATE INDEX document_files_sha_idx ON document_files(sha256);

CREATE TABLE document_versions (
  document_id  uuid NOT NULL REFERENCES documents(id),
  version      int NOT NULL,
  subject      text NOT NULL,
  body         text NOT NULL,
  snapshot     jsonb NOT NULL,
  created_by   uuid REFERENCES users(id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (document_id, version)
);

CREATE TABLE cancelled_numbers (
  scope         text NOT NULL,
  year          int NOT NULL,
  number        int NOT NULL,
  document_id   uuid REFERENCES documents(id),
  reason        text NOT NULL,
  cancelled_by  uuid REFERENCES users(id),
  cancelled_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scope, year, number)
);

-- The organisation a unit belongs to for registers: an Office department belongs to the
-- UBND tỉnh (the Office keeps the PPC's registers); agencies and communes are their own.
CREATE FUNCTION org_unit_of(start uuid) RETURNS uuid LANGUAGE plpgsql STABLE AS $$
DECLARE cur uuid := start; lvl text; par uuid;
BEGIN
  WHILE cur IS NOT NULL LOOP
    SELECT level, parent_id INTO lvl, par FROM units WHERE id = cur;
    IF lvl IN ('province','agency','commune') THEN RETURN cur; END IF;
    cur := par;
  END LOOP;
  RETURN NULL;
END;
$$;
