-- A route's JSON travels beside the registrations, not inside them.
--
-- Why: register_incoming_batch took each route's JSON as a string inside the items' JSON (0016).
-- The app escaped it on the way out (every quote of about 1 KB of route, at every registration),
-- and PostgreSQL unescaped it into the jsonb payload, took it out and checked it again as json.
-- Now the routes go as one json array beside the items, element i being item i's route as the
-- app encoded it, or null. The json type keeps the text as it is: each route is checked once on
-- the way in and stored as sent (registration-batch.ts writeRegistrations).
--
-- The route also brings the subject's bigrams when resubmission control needs them (an open
-- matter, a commune's document): the app computes them exactly as subject_grams does
-- (routing/subject-grams.ts, compared in subject-grams.int.test.ts), in about a microsecond,
-- where PL/pgSQL took 16–26 µs per document.
DROP FUNCTION register_incoming(jsonb, jsonb, jsonb, boolean, text, timestamptz, uuid, text, text, jsonb, text, text);

-- As in 0016, with the route's JSON as its own argument.
CREATE FUNCTION register_incoming(
  p_doc jsonb, p_files jsonb, p_route jsonb, p_route_json json, p_check_duplicate boolean, p_scope text,
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
    IF p_route_json IS NULL THEN
      RAISE EXCEPTION 'register_incoming: a route without its JSON';
    END IF;
    sender := document_sender_key(d.issuer_unit_id, d.issuer_name);
    IF p_route->>'flow' IN ('RETURN_TO_SENDER', 'SEND_TO_AGENCY_FOR_ADVICE')
       OR (p_route->>'check_resubmission')::boolean THEN
      -- Registration sends them (routing/subject-grams.ts); an older caller may not.
      grams := coalesce((p_route->>'subject_grams')::int[], subject_grams(d.subject));
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
    (p_route->>'policy_version')::int, (p_route->>'route_date')::date, p_route->>'flow', p_route_json,
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

-- As in 0016; item i's route JSON is element i of p_routes. The items are reached by index
-- (p_items -> i is direct in jsonb) while the routes are read in one pass over the json array.
CREATE FUNCTION register_incoming_batch(p_items jsonb, p_routes json) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  it jsonb;
  rj json;
  r jsonb;
  n int := 0;
  answers jsonb := '[]'::jsonb;
  generation text := (SELECT value FROM app_meta WHERE key = 'routing_generation');
BEGIN
  FOR rj IN SELECT value FROM json_array_elements(p_routes) LOOP
    it := p_items -> n;
    n := n + 1;
    IF it IS NULL THEN
      RAISE EXCEPTION 'register_incoming_batch: more routes than registrations';
    END IF;
    IF jsonb_typeof(it->'route') = 'object' AND it->>'generation' IS DISTINCT FROM generation THEN
      r := jsonb_build_object('stale', true);
    ELSE
      BEGIN
        r := register_incoming(it->'doc', nullif(it->'files', 'null'::jsonb), nullif(it->'route', 'null'::jsonb),
          CASE WHEN json_typeof(rj) = 'object' THEN rj END,
          (it->>'checkDuplicate')::boolean, it->>'scope', (it->>'at')::timestamptz,
          (it->>'actorId')::uuid, it->>'actorName', it->>'action', it->'after', it->>'head', it->>'tail');
      EXCEPTION WHEN OTHERS THEN
        r := jsonb_build_object('error', jsonb_build_object('code', SQLSTATE, 'message', SQLERRM));
      END;
    END IF;
    answers := answers || jsonb_build_array(r);
  END LOOP;
  IF n <> jsonb_array_length(p_items) THEN
    RAISE EXCEPTION 'register_incoming_batch: % registrations, % routes', jsonb_array_length(p_items), n;
  END IF;
  RETURN answers;
END;
$$;

-- The one-argument form stays for an instance still running the previous release during an
-- upgrade: its routes are taken out of its items.
CREATE OR REPLACE FUNCTION register_incoming_batch(p_items jsonb) RETURNS jsonb LANGUAGE sql AS $$
  SELECT register_incoming_batch(p_items, coalesce(
    (SELECT json_agg(CASE WHEN jsonb_typeof(x.value->'route') = 'object' THEN (x.value->'route'->>'route')::json END
       ORDER BY x.n)
     FROM jsonb_array_elements(p_items) WITH ORDINALITY x(value, n)), '[]'::json))
$$;
