-- Appends one audit row in a single round trip: take the chain lock, read the last hash,
-- hash, insert. The application computes the canonical JSON of the row's content (the same
-- text the verifier recomputes); the database chains it: sha256(prev_hash || '\n' || canonical).
CREATE FUNCTION audit_append(
  p_at timestamptz, p_actor_id uuid, p_actor_name text, p_action text, p_entity text, p_entity_id text,
  p_before jsonb, p_after jsonb, p_canonical text
) RETURNS text LANGUAGE plpgsql AS $$
DECLARE prev text; h text;
BEGIN
  PERFORM pg_advisory_xact_lock(7302027);
  SELECT hash INTO prev FROM audit_log ORDER BY id DESC LIMIT 1;
  prev := coalesce(prev, repeat('0', 64));
  h := encode(sha256(convert_to(prev || E'\n' || p_canonical, 'UTF8')), 'hex');
  INSERT INTO audit_log(at, actor_id, actor_name, action, entity, entity_id, before, after, prev_hash, hash)
  VALUES (p_at, p_actor_id, p_actor_name, p_action, p_entity, p_entity_id, p_before, p_after, prev, h);
  RETURN h;
END;
$$;
