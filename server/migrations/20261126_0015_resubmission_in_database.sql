-- Resubmission control (domain.md §4, commune check 3) moves into the database.
--
-- Why: it ran as a separate query before every commune registration, fetched the sender's 50
-- newest open matters with their subjects and compared them in the application. That round
-- trip and those rows cost as much as the rest of routing together. Now register_incoming does
-- the check in the same statement that writes the document: a route stores its subject's
-- syllable bigrams (hashed), and intarray compares them without leaving the server. The result
-- is a link, document_routes.resubmission_of, shown as the RESUBMISSION flag when the route is
-- read (routing/resubmission.ts); the route JSON itself holds only what the policy decided.
CREATE EXTENSION IF NOT EXISTS intarray;

-- Folds Vietnamese text as platform/text.ts foldVietnamese does: no diacritics, đ → d, lower case.
CREATE FUNCTION fold_vietnamese(p text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT lower(translate(regexp_replace(normalize(p, NFD), '[\u0300-\u036f]', '', 'g'), 'đĐ', 'dd'))
$$;

-- The set of syllable bigrams of a subject, folded and hashed, sorted: "V/v đề nghị giao đất"
-- gives hash('v v'), hash('v de'), hash('de nghi'), hash('nghi giao'), hash('giao dat').
-- PL/pgSQL, not SQL: a SQL function that cannot be inlined is parsed and planned on every call,
-- a PL/pgSQL one keeps its plans for the session.
CREATE FUNCTION subject_grams(p text) RETURNS int[] LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  w text[] := regexp_split_to_array(fold_vietnamese(p), '[^a-z0-9]+');
  g int[] := '{}';
BEGIN
  -- Only the first and last pieces can be empty (text before the first or after the last word).
  FOR i IN 1 .. coalesce(array_length(w, 1), 0) - 1 LOOP
    IF w[i] <> '' AND w[i + 1] <> '' THEN
      g := g || hashtext(w[i] || ' ' || w[i + 1]);
    END IF;
  END LOOP;
  RETURN uniq(sort(g));
END;
$$;

-- Near-identical subjects: Jaccard similarity of their bigram sets at least 0.6, i.e.
-- |A∩B| / (|A| + |B| - |A∩B|) >= 0.6  ⇔  8·|A∩B| >= 3·(|A| + |B|).
CREATE FUNCTION grams_similar(a int[], b int[]) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT icount(a) > 0 AND icount(b) > 0 AND 8 * icount(a & b) >= 3 * (icount(a) + icount(b))
$$;

-- No query looks routes up by flow alone (the open flows have their own index, 0014), and every
-- registration paid for keeping this one.
DROP INDEX document_routes_flow_idx;

ALTER TABLE document_routes ADD COLUMN subject_grams int[];
ALTER TABLE document_routes ADD COLUMN resubmission_of uuid REFERENCES documents(id);

-- Every open matter (the flows resubmission control looks at) carries its subject's bigrams.
-- Writers that know them already (register_incoming) pass them; for the rest, and for a route
-- that an override turns into an open flow, they are computed here.
CREATE OR REPLACE FUNCTION document_routes_sender() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  s text;
BEGIN
  IF NEW.sender_key IS NULL OR (NEW.subject_grams IS NULL AND NEW.flow IN ('RETURN_TO_SENDER', 'SEND_TO_AGENCY_FOR_ADVICE')) THEN
    SELECT coalesce(NEW.sender_key, document_sender_key(issuer_unit_id, issuer_name)), subject
      INTO NEW.sender_key, s FROM documents WHERE id = NEW.document_id;
    IF NEW.subject_grams IS NULL AND NEW.flow IN ('RETURN_TO_SENDER', 'SEND_TO_AGENCY_FOR_ADVICE') THEN
      NEW.subject_grams := subject_grams(s);
    END IF;
  END IF;
  RETURN NEW;
END;
$$;
-- Called only when there is something to fill in: register_incoming passes both.
DROP TRIGGER document_routes_sender ON document_routes;
CREATE TRIGGER document_routes_sender BEFORE INSERT ON document_routes
  FOR EACH ROW WHEN (NEW.sender_key IS NULL OR (NEW.subject_grams IS NULL AND NEW.flow IN ('RETURN_TO_SENDER', 'SEND_TO_AGENCY_FOR_ADVICE')))
  EXECUTE FUNCTION document_routes_sender();
CREATE TRIGGER document_routes_opened BEFORE UPDATE OF flow ON document_routes
  FOR EACH ROW WHEN (NEW.subject_grams IS NULL AND NEW.flow IN ('RETURN_TO_SENDER', 'SEND_TO_AGENCY_FOR_ADVICE'))
  EXECUTE FUNCTION document_routes_sender();

-- A corrected issuer moves the route to its new sender; a corrected subject changes its bigrams.
CREATE OR REPLACE FUNCTION documents_sender_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE document_routes SET sender_key = document_sender_key(NEW.issuer_unit_id, NEW.issuer_name),
    subject_grams = CASE WHEN subject_grams IS NULL AND flow NOT IN ('RETURN_TO_SENDER', 'SEND_TO_AGENCY_FOR_ADVICE')
      THEN NULL ELSE subject_grams(NEW.subject) END
  WHERE document_id = NEW.id;
  RETURN NULL;
END;
$$;
DROP TRIGGER documents_sender_changed ON documents;
CREATE TRIGGER documents_sender_changed AFTER UPDATE OF issuer_unit_id, issuer_name, subject ON documents
  FOR EACH ROW WHEN (OLD.issuer_unit_id IS DISTINCT FROM NEW.issuer_unit_id OR OLD.issuer_name IS DISTINCT FROM NEW.issuer_name
    OR OLD.subject IS DISTINCT FROM NEW.subject)
  EXECUTE FUNCTION documents_sender_changed();

UPDATE document_routes r SET subject_grams = subject_grams(d.subject)
FROM documents d WHERE d.id = r.document_id AND r.flow IN ('RETURN_TO_SENDER', 'SEND_TO_AGENCY_FOR_ADVICE');

-- The newest open matter of a sender whose subject is near-identical: among the sender's 50
-- newest routes returned or sent for advice (as before, in routing/service.ts), newest first,
-- the first similar one whose document is still being handled and came in within a year.
-- Candidates are read from document_routes_open_idx (0014) in date order and the bigram test
-- runs on the route row, so a document is read only for a similar candidate.
-- The plan is cached for the session (PL/pgSQL, called once per commune registration). Planned
-- while the routes table was small, it read every open route of the sender through a bitmap and
-- sorted them (1,400 rows for 50, 1 ms, found with auto_explain); bitmap scans and sorts are
-- therefore ruled out here, which leaves the walk down the index that stops after 50.
CREATE FUNCTION find_resubmission(p_sender text, p_grams int[], p_self uuid)
RETURNS TABLE (id uuid, arrival_number int, flow text, secrecy int) LANGUAGE plpgsql STABLE
SET enable_bitmapscan = off SET enable_sort = off AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  SELECT d.id, d.arrival_number, c.flow, d.secrecy
  FROM (SELECT r.document_id, r.flow, r.route_date, r.subject_grams FROM document_routes r
        WHERE r.sender_key = p_sender AND r.flow IN ('RETURN_TO_SENDER', 'SEND_TO_AGENCY_FOR_ADVICE')
        ORDER BY r.route_date DESC LIMIT 50) c
  CROSS JOIN LATERAL (SELECT x.id, x.arrival_number, x.direction, x.status, x.created_at, x.secrecy
    FROM documents x WHERE x.id = c.document_id OFFSET 0) d
  WHERE c.document_id IS DISTINCT FROM p_self AND grams_similar(c.subject_grams, p_grams)
    AND d.direction = 'in' AND d.status <> 'done' AND d.created_at > now() - interval '365 days'
  ORDER BY c.route_date DESC LIMIT 1;
END;
$$;

-- p_route may carry "check_resubmission": true (a commune sender, routing/service.ts); then the
-- document's subject is compared with the sender's open matters, the link is stored with the
-- route and answered as {resubmission:{id, arrivalNumber, flow, secrecy}} beside the arrival number.
CREATE OR REPLACE FUNCTION register_incoming(
  p_doc jsonb, p_files jsonb, p_route jsonb, p_generation text, p_check_duplicate boolean, p_scope text,
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
  IF p_route IS NOT NULL
     AND (SELECT value FROM app_meta WHERE key = 'routing_generation') IS DISTINCT FROM p_generation THEN
    RETURN jsonb_build_object('stale', true);
  END IF;

  -- One series per register and year; the row stays locked until commit (NĐ 30/2020, Điều 22).
  INSERT INTO number_sequences AS s (scope, year, last) VALUES (p_scope, d.year, 1)
    ON CONFLICT (scope, year) DO UPDATE SET last = s.last + 1 RETURNING s.last INTO n;

  INSERT INTO documents (id, direction, register_unit_id, issuer_unit_id, issuer_name, number, notation, code,
    code_norm, issued_date, type, subject, signer_form, signer_position, signer_name, urgency, secrecy, pages,
    recipients, due_date, field_codes, referenced_codes, references_json, full_text, search_text, year,
    arrival_number, arrival_date, status, source, duplicate_of, source_document_id, created_by, created_at, updated_at)
  VALUES (d.id, 'in', d.register_unit_id, d.issuer_unit_id, d.issuer_name, d.number, d.notation, d.code,
    d.code_norm, d.issued_date, d.type, d.subject, d.signer_form, d.signer_position, d.signer_name, d.urgency,
    d.secrecy, d.pages, d.recipients, d.due_date, d.field_codes, d.referenced_codes, d.references_json,
    d.full_text, d.search_text, d.year, n, d.arrival_date, 'registered', d.source, d.duplicate_of,
    d.source_document_id, d.created_by, d.created_at, d.created_at);

  IF jsonb_array_length(coalesce(p_files, '[]')) > 0 THEN
    INSERT INTO stored_files(sha256, size, mime)
      SELECT f->>'sha256', (f->>'size')::bigint, f->>'mime' FROM jsonb_array_elements(p_files) f
      ON CONFLICT (sha256) DO NOTHING;
    INSERT INTO document_files(document_id, sha256, name, kind)
      SELECT d.id, f->>'sha256', f->>'name', 'main' FROM jsonb_array_elements(p_files) f
      ON CONFLICT DO NOTHING;
  END IF;

  answer := jsonb_build_object('arrivalNumber', n);
  IF p_route IS NOT NULL THEN
    sender := document_sender_key(d.issuer_unit_id, d.issuer_name);
    IF (p_route->>'check_resubmission')::boolean THEN
      grams := subject_grams(d.subject);
      SELECT * INTO resub FROM find_resubmission(sender, grams, d.id);
      IF FOUND THEN
        resub_id := resub.id;
        answer := answer || jsonb_build_object('resubmission',
          jsonb_build_object('id', resub.id, 'arrivalNumber', resub.arrival_number, 'flow', resub.flow,
            'secrecy', resub.secrecy));
      END IF;
    END IF;
    INSERT INTO document_routes(document_id, policy_version, route_date, flow, route, field_code, field_source,
      field_confidence, sender_key, subject_grams, resubmission_of)
    VALUES (d.id, (p_route->>'policy_version')::int, (p_route->>'route_date')::date, p_route->>'flow',
      p_route->'route', p_route->>'field_code', p_route->>'field_source', (p_route->>'field_confidence')::real,
      sender, grams, resub_id);
  END IF;

  PERFORM audit_append(p_at, p_actor_id, p_actor_name, p_action, 'document', d.id::text, 'null'::jsonb,
    p_after || jsonb_build_object('arrivalNumber', n), p_canonical_head || n::text || p_canonical_tail);
  RETURN answer;
END;
$$;
