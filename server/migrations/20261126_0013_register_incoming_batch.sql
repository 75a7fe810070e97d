-- Several registrations in one transaction (documents/registration-batch.ts): the arrival-number
-- row and the audit chain are taken once, and committed once, for every registration that
-- arrived while the previous batch was being written. Each item runs in its own subtransaction,
-- so a bad one is answered with its error and writes nothing, and the others still commit.
CREATE FUNCTION register_incoming_batch(p_items jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  it jsonb;
  r jsonb;
  answers jsonb := '[]'::jsonb;
BEGIN
  FOR it IN SELECT value FROM jsonb_array_elements(p_items) LOOP
    BEGIN
      r := register_incoming(it->'doc', nullif(it->'files', 'null'::jsonb), nullif(it->'route', 'null'::jsonb),
        it->>'generation', (it->>'checkDuplicate')::boolean, it->>'scope', (it->>'at')::timestamptz,
        (it->>'actorId')::uuid, it->>'actorName', it->>'action', it->'after', it->>'head', it->>'tail');
    EXCEPTION WHEN OTHERS THEN
      r := jsonb_build_object('error', jsonb_build_object('code', SQLSTATE, 'message', SQLERRM));
    END;
    answers := answers || jsonb_build_array(r);
  END LOOP;
  RETURN answers;
END;
$$;

-- The duplicate lookup again, immune to stale statistics: with ORDER BY … LIMIT 1 next to the
-- conditions, a planner that believes the register tiny walks it in arrival order (every
-- document) instead of looking the code up. The lookup is materialised first, then ordered.
CREATE OR REPLACE FUNCTION incoming_duplicate(
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
