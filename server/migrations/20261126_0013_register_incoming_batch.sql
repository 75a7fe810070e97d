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
