-- Registration of an incoming document in one statement (documents/incoming.store.ts).
--
-- Why in the database: the arrival-number row and the audit chain are locked until commit, and
-- every registration queues on them. When the application held those locks across round trips,
-- each waiting registration also waited for a busy Node event loop to send the next statement.
-- Here the locked part runs, and commits, without leaving the server; the application reads and
-- routes first, then sends one call. Run in autocommit it is its own transaction; inside the
-- caller's transaction (release of an outgoing document) it is part of it.

-- An earlier entry of the same document in the same register (NĐ 30/2020, Phụ lục VI): the same
-- số/ký hiệu from the same issuing body in the same year, or the same file.
-- Immune to stale statistics: with ORDER BY … LIMIT 1 next to the conditions, a planner that
-- believes the register tiny walks it in arrival order (every document) instead of looking the
-- code up, so the lookup is materialised first, then ordered, and planned per call.
CREATE FUNCTION incoming_duplicate(
  p_register uuid, p_code_norm text, p_issuer_unit uuid, p_issuer_name text, p_year int, p_shas text[]
) RETURNS TABLE (id uuid, arrival_number int, arrival_date date) LANGUAGE plpgsql STABLE
SET plan_cache_mode = force_custom_plan AS $$
BEGIN
  IF p_code_norm IS NOT NULL THEN
    RETURN QUERY WITH c AS MATERIALIZED (
      SELECT x.id, x.arrival_number, x.arrival_date, x.direction, x.issued_date, x.issuer_unit_id, x.issuer_name
      FROM documents x WHERE x.register_unit_id = p_register AND x.code_norm = p_code_norm)
    SELECT c.id, c.arrival_number, c.arrival_date FROM c
    WHERE c.direction = 'in' AND extract(year FROM c.issued_date) = p_year
      AND (c.issuer_unit_id = p_issuer_unit OR (c.issuer_unit_id IS NULL AND lower(c.issuer_name) = lower(p_issuer_name)))
    ORDER BY c.arrival_number LIMIT 1;
    IF FOUND THEN RETURN; END IF;
  END IF;
  IF coalesce(array_length(p_shas, 1), 0) > 0 THEN
    RETURN QUERY WITH c AS MATERIALIZED (
      SELECT x.id, x.arrival_number, x.arrival_date, x.direction, x.register_unit_id
      FROM document_files f JOIN documents x ON x.id = f.document_id WHERE f.sha256 = ANY(p_shas))
    SELECT c.id, c.arrival_number, c.arrival_date FROM c
    WHERE c.direction = 'in' AND c.register_unit_id = p_register
    ORDER BY c.arrival_number LIMIT 1;
  END IF;
END;
$$;

-- p_doc: the documents row as JSON (column names as keys), without its arrival number.
-- p_files: [{sha256, size, mime, name}]. p_route: the document_routes row as JSON, or null.
-- Answers {duplicate:{…}} when p_check_duplicate finds an earlier entry, {stale:true} when the
-- routing generation moved since the route was computed (the caller routes again on fresh
-- data), else {arrivalNumber}; in the first two cases nothing is written.
-- The audit row's canonical text arrives in two parts around the arrival number, which only
-- this function knows; the hash is computed as audit_append always does.
CREATE FUNCTION register_incoming(
  p_doc jsonb, p_files jsonb, p_route jsonb, p_generation text, p_check_duplicate boolean, p_scope text,
  p_at timestamptz, p_actor_id uuid, p_actor_name text, p_action text, p_after jsonb,
  p_canonical_head text, p_canonical_tail text
) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  d documents%ROWTYPE;
  dup record;
  n int;
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

  IF p_route IS NOT NULL THEN
    INSERT INTO document_routes(document_id, policy_version, route_date, flow, route, field_code, field_source,
      field_confidence)
    VALUES (d.id, (p_route->>'policy_version')::int, (p_route->>'route_date')::date, p_route->>'flow',
      p_route->'route', p_route->>'field_code', p_route->>'field_source', (p_route->>'field_confidence')::real);
  END IF;

  PERFORM audit_append(p_at, p_actor_id, p_actor_name, p_action, 'document', d.id::text, 'null'::jsonb,
    p_after || jsonb_build_object('arrivalNumber', n), p_canonical_head || n::text || p_canonical_tail);
  RETURN jsonb_build_object('arrivalNumber', n);
END;
$$;
