-- A document's route is stored in the document's own row.
--
-- Why: a route is one-to-one with an incoming document and is written by the same statement
-- (register_incoming). As a row of its own table it cost every registration a second heap
-- tuple, its primary-key entry, foreign-key checks and WAL: measured with bench/documents.ts and
-- a replay of register_incoming on one connection, about as much as everything else routing
-- adds together. As columns of the document row it costs a few more bytes of the tuple that is
-- written anyway. Readers name the columns directly (routing/document-route.store.ts).
ALTER TABLE documents
  ADD COLUMN route_policy_version int,
  ADD COLUMN route_date date,
  ADD COLUMN route_flow text,
  -- json, not jsonb: the route is written once and read whole; the app sends it as text, so it
  -- is neither parsed into a tree inside the registration payload nor rebuilt on the way in.
  ADD COLUMN route json,
  ADD COLUMN route_field_code text,
  ADD COLUMN route_field_source text,
  ADD COLUMN route_field_confidence real,
  -- Once someone acts on the route (override or processing), it is no longer recomputed.
  ADD COLUMN route_acted boolean NOT NULL DEFAULT false,
  ADD COLUMN route_overridden boolean NOT NULL DEFAULT false,
  ADD COLUMN route_override_reason text,
  ADD COLUMN route_computed_at timestamptz,
  -- Resubmission control (0014, 0015): the sender, and the subject's bigrams while the matter is open.
  ADD COLUMN route_sender_key text,
  ADD COLUMN route_subject_grams int[],
  ADD COLUMN route_resubmission_of uuid REFERENCES documents(id);
-- No foreign key to routing_policies: a route only ever names a published version, and published
-- versions are never deleted or renumbered (routing/routing.store.ts), so the check would cost
-- every registration and protect nothing.

UPDATE documents d SET route_policy_version = r.policy_version, route_date = r.route_date, route_flow = r.flow,
  route = r.route::json, route_field_code = r.field_code, route_field_source = r.field_source,
  route_field_confidence = r.field_confidence, route_acted = r.acted, route_overridden = r.overridden,
  route_override_reason = r.override_reason, route_computed_at = r.computed_at, route_sender_key = r.sender_key,
  route_subject_grams = r.subject_grams, route_resubmission_of = r.resubmission_of
FROM document_routes r WHERE r.document_id = d.id;

-- lz4 compresses a long route several times faster than the default pglz; PostgreSQL built
-- without it (PGlite) keeps pglz.
DO $$
BEGIN
  ALTER TABLE documents ALTER COLUMN route SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
  NULL;
END;
$$;

DROP TRIGGER documents_sender_changed ON documents;
DROP FUNCTION documents_sender_changed();
DROP TABLE document_routes;
DROP FUNCTION document_routes_sender();

-- A sender's open matters (returned, or with an agency for advice), newest first: resubmission control.
CREATE INDEX documents_route_open_idx ON documents(route_sender_key, route_date DESC)
  WHERE route_flow IN ('RETURN_TO_SENDER', 'SEND_TO_AGENCY_FOR_ADVICE');

-- Keeps the sender and, for an open matter, the subject's bigrams in step with the document:
-- when a route is written without them (recomputation, override) and when a clerk corrects the
-- issuer or the subject. register_incoming passes both, so registration does not come here.
CREATE FUNCTION documents_route_sender() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.route_sender_key := document_sender_key(NEW.issuer_unit_id, NEW.issuer_name);
  NEW.route_subject_grams := CASE WHEN NEW.route_flow IN ('RETURN_TO_SENDER', 'SEND_TO_AGENCY_FOR_ADVICE')
    THEN subject_grams(NEW.subject) END;
  RETURN NEW;
END;
$$;
CREATE TRIGGER documents_route_sender_ins BEFORE INSERT ON documents
  FOR EACH ROW WHEN (NEW.route_flow IS NOT NULL AND (NEW.route_sender_key IS NULL
    OR (NEW.route_subject_grams IS NULL AND NEW.route_flow IN ('RETURN_TO_SENDER', 'SEND_TO_AGENCY_FOR_ADVICE'))))
  EXECUTE FUNCTION documents_route_sender();
CREATE TRIGGER documents_route_sender_upd BEFORE UPDATE ON documents
  FOR EACH ROW WHEN (NEW.route_flow IS NOT NULL AND (NEW.route_sender_key IS NULL
    OR OLD.route_flow IS DISTINCT FROM NEW.route_flow
    OR OLD.issuer_unit_id IS DISTINCT FROM NEW.issuer_unit_id OR OLD.issuer_name IS DISTINCT FROM NEW.issuer_name
    OR OLD.subject IS DISTINCT FROM NEW.subject))
  EXECUTE FUNCTION documents_route_sender();

-- As in 0015, on the document's own columns: the sender's 50 newest open matters walked down
-- documents_route_open_idx, newest first; the first with a near-identical subject that is still
-- being handled and came in within a year. Bitmap scans and sorts stay ruled out (see 0015).
CREATE OR REPLACE FUNCTION find_resubmission(p_sender text, p_grams int[], p_self uuid)
RETURNS TABLE (id uuid, arrival_number int, flow text, secrecy int) LANGUAGE plpgsql STABLE
SET enable_bitmapscan = off SET enable_sort = off AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  SELECT c.id, c.arrival_number, c.route_flow, c.secrecy
  FROM (SELECT x.id, x.arrival_number, x.route_flow, x.secrecy, x.route_date, x.route_subject_grams, x.direction,
          x.status, x.created_at
        FROM documents x
        WHERE x.route_sender_key = p_sender AND x.route_flow IN ('RETURN_TO_SENDER', 'SEND_TO_AGENCY_FOR_ADVICE')
        ORDER BY x.route_date DESC LIMIT 50) c
  WHERE c.id IS DISTINCT FROM p_self AND grams_similar(c.route_subject_grams, p_grams)
    AND c.direction = 'in' AND c.status <> 'done' AND c.created_at > now() - interval '365 days'
  ORDER BY c.route_date DESC LIMIT 1;
END;
$$;

-- As in 0015, with the route written as part of the document row. p_route.route is the route's
-- JSON as a string (routing/document-route.store.ts routeRow). The routing generation is no longer
-- compared here: register_incoming_batch, its only caller, compares it once per batch.
DROP FUNCTION register_incoming(jsonb, jsonb, jsonb, text, boolean, text, timestamptz, uuid, text, text, jsonb,
  text, text);
CREATE FUNCTION register_incoming(
  p_doc jsonb, p_files jsonb, p_route jsonb, p_check_duplicate boolean, p_scope text,
  p_at timestamptz, p_actor_id uuid, p_actor_name text, p_action text, p_after jsonb,
  p_canonical_head text, p_canonical_tail text
) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  d documents%ROWTYPE;
  dup record;
  n int;
  sender text;
  grams int[];
  resub record;
  resub_id uuid;
  answer jsonb;
BEGIN
  d := jsonb_populate_record(NULL::documents, p_doc);
  IF p_check_duplicate THEN
    SELECT * INTO dup FROM incoming_duplicate(d.register_unit_id, d.code_norm, d.issuer_unit_id, d.issuer_name,
      extract(year FROM d.issued_date)::int,
      ARRAY(SELECT f->>'sha256' FROM jsonb_array_elements(coalesce(p_files, '[]')) f));
    IF FOUND THEN
      RETURN jsonb_build_object('duplicate',
        jsonb_build_object('id', dup.id, 'arrivalNumber', dup.arrival_number, 'arrivalDate', dup.arrival_date));
    END IF;
  END IF;
  answer := '{}'::jsonb;
  IF p_route IS NOT NULL THEN
    sender := document_sender_key(d.issuer_unit_id, d.issuer_name);
    IF p_route->>'flow' IN ('RETURN_TO_SENDER', 'SEND_TO_AGENCY_FOR_ADVICE')
       OR (p_route->>'check_resubmission')::boolean THEN
      grams := subject_grams(d.subject);
    END IF;
    IF (p_route->>'check_resubmission')::boolean THEN
      SELECT * INTO resub FROM find_resubmission(sender, grams, d.id);
      IF FOUND THEN
        resub_id := resub.id;
        answer := jsonb_build_object('resubmission',
          jsonb_build_object('id', resub.id, 'arrivalNumber', resub.arrival_number, 'flow', resub.flow,
            'secrecy', resub.secrecy));
      END IF;
    END IF;
    IF p_route->>'flow' NOT IN ('RETURN_TO_SENDER', 'SEND_TO_AGENCY_FOR_ADVICE') THEN
      grams := NULL;
    END IF;
  END IF;

  -- One series per register and year; the row stays locked until commit (NĐ 30/2020, Điều 22).
  INSERT INTO number_sequences AS s (scope, year, last) VALUES (p_scope, d.year, 1)
    ON CONFLICT (scope, year) DO UPDATE SET last = s.last + 1 RETURNING s.last INTO n;

  INSERT INTO documents (id, direction, register_unit_id, issuer_unit_id, issuer_name, number, notation, code,
    code_norm, issued_date, type, subject, signer_form, signer_position, signer_name, urgency, secrecy, pages,
    recipients, due_date, field_codes, referenced_codes, references_json, full_text, search_text, year,
    arrival_number, arrival_date, status, source, duplicate_of, source_document_id, created_by, created_at, updated_at,
    route_policy_version, route_date, route_flow, route, route_field_code, route_field_source, route_field_confidence,
    route_computed_at, route_sender_key, route_subject_grams, route_resubmission_of)
  VALUES (d.id, 'in', d.register_unit_id, d.issuer_unit_id, d.issuer_name, d.number, d.notation, d.code,
    d.code_norm, d.issued_date, d.type, d.subject, d.signer_form, d.signer_position, d.signer_name, d.urgency,
    d.secrecy, d.pages, d.recipients, d.due_date, d.field_codes, d.referenced_codes, d.references_json,
    d.full_text, d.search_text, d.year, n, d.arrival_date, 'registered', d.source, d.duplicate_of,
    d.source_document_id, d.created_by, d.created_at, d.created_at,
    (p_route->>'policy_version')::int, (p_route->>'route_date')::date, p_route->>'flow', (p_route->>'route')::json,
    p_route->>'field_code', p_route->>'field_source', (p_route->>'field_confidence')::real,
    CASE WHEN p_route IS NOT NULL THEN now() END, sender, grams, resub_id);

  IF jsonb_array_length(coalesce(p_files, '[]')) > 0 THEN
    INSERT INTO stored_files(sha256, size, mime)
      SELECT f->>'sha256', (f->>'size')::bigint, f->>'mime' FROM jsonb_array_elements(p_files) f
      ON CONFLICT (sha256) DO NOTHING;
    INSERT INTO document_files(document_id, sha256, name, kind)
      SELECT d.id, f->>'sha256', f->>'name', 'main' FROM jsonb_array_elements(p_files) f
      ON CONFLICT DO NOTHING;
  END IF;

  PERFORM audit_append(p_at, p_actor_id, p_actor_name, p_action, 'document', d.id::text, 'null'::jsonb,
    p_after || jsonb_build_object('arrivalNumber', n), p_canonical_head || n::text || p_canonical_tail);
  RETURN answer || jsonb_build_object('arrivalNumber', n);
END;
$$;

-- As in 0013, with the routing generation read once for the whole batch instead of once per
-- registration: the batch is one transaction, and each item still compares its own generation. A
-- route computed on stale caches is refused (the caller recomputes it on fresh data).
CREATE OR REPLACE FUNCTION register_incoming_batch(p_items jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  it jsonb;
  r jsonb;
  answers jsonb := '[]'::jsonb;
  generation text := (SELECT value FROM app_meta WHERE key = 'routing_generation');
BEGIN
  FOR it IN SELECT value FROM jsonb_array_elements(p_items) LOOP
    IF jsonb_typeof(it->'route') = 'object' AND it->>'generation' IS DISTINCT FROM generation THEN
      r := jsonb_build_object('stale', true);
    ELSE
      BEGIN
        r := register_incoming(it->'doc', nullif(it->'files', 'null'::jsonb), nullif(it->'route', 'null'::jsonb),
          (it->>'checkDuplicate')::boolean, it->>'scope', (it->>'at')::timestamptz,
          (it->>'actorId')::uuid, it->>'actorName', it->>'action', it->'after', it->>'head', it->>'tail');
      EXCEPTION WHEN OTHERS THEN
        r := jsonb_build_object('error', jsonb_build_object('code', SQLSTATE, 'message', SQLERRM));
      END;
    END IF;
    answers := answers || jsonb_build_array(r);
  END LOOP;
  RETURN answers;
END;
$$;
