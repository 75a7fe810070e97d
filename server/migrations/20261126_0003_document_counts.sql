-- Totals and facet counts for document lists, kept by statement-level triggers so that a list
-- of a million documents does not count them on every page. Each bucket is split into 16 shards
-- (a random shard per statement), so concurrent registrations do not queue on one counter row.

CREATE TABLE document_counts (
  register_unit_id uuid NOT NULL,
  direction        text NOT NULL,
  year             int  NOT NULL,
  secrecy          int  NOT NULL,
  type             text NOT NULL,
  status           text NOT NULL,
  urgency          int  NOT NULL,
  field            text NOT NULL, -- '' counts the document itself; other rows count its fields
  shard            smallint NOT NULL,
  n                bigint NOT NULL,
  PRIMARY KEY (register_unit_id, direction, year, secrecy, type, status, urgency, field, shard)
);

CREATE FUNCTION document_counts_add(rows_json jsonb, sign int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE s smallint := floor(random() * 16)::smallint;
BEGIN
  INSERT INTO document_counts AS c (register_unit_id, direction, year, secrecy, type, status, urgency, field, shard, n)
  SELECT (r->>'register_unit_id')::uuid, r->>'direction', (r->>'year')::int, (r->>'secrecy')::int, r->>'type',
         r->>'status', (r->>'urgency')::int, f.field, s, sign * count(*)
  FROM jsonb_array_elements(rows_json) r
  CROSS JOIN LATERAL (SELECT '' AS field UNION ALL SELECT jsonb_array_elements_text(r->'field_codes')) f
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (register_unit_id, direction, year, secrecy, type, status, urgency, field, shard)
  DO UPDATE SET n = c.n + EXCLUDED.n;
END;
$$;

CREATE FUNCTION documents_counts_ins() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM document_counts_add((SELECT coalesce(jsonb_agg(jsonb_build_object('register_unit_id', register_unit_id,
    'direction', direction, 'year', year, 'secrecy', secrecy, 'type', type, 'status', status, 'urgency', urgency,
    'field_codes', to_jsonb(field_codes))), '[]') FROM new_rows), 1);
  RETURN NULL;
END;
$$;

CREATE FUNCTION documents_counts_del() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM document_counts_add((SELECT coalesce(jsonb_agg(jsonb_build_object('register_unit_id', register_unit_id,
    'direction', direction, 'year', year, 'secrecy', secrecy, 'type', type, 'status', status, 'urgency', urgency,
    'field_codes', to_jsonb(field_codes))), '[]') FROM old_rows), -1);
  RETURN NULL;
END;
$$;

-- Only rows whose counted columns changed move between buckets.
CREATE FUNCTION documents_counts_upd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM document_counts_add((SELECT coalesce(jsonb_agg(jsonb_build_object('register_unit_id', o.register_unit_id,
    'direction', o.direction, 'year', o.year, 'secrecy', o.secrecy, 'type', o.type, 'status', o.status,
    'urgency', o.urgency, 'field_codes', to_jsonb(o.field_codes))), '[]')
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.register_unit_id, o.direction, o.year, o.secrecy, o.type, o.status, o.urgency, o.field_codes)
      IS DISTINCT FROM (n.register_unit_id, n.direction, n.year, n.secrecy, n.type, n.status, n.urgency, n.field_codes)), -1);
  PERFORM document_counts_add((SELECT coalesce(jsonb_agg(jsonb_build_object('register_unit_id', n.register_unit_id,
    'direction', n.direction, 'year', n.year, 'secrecy', n.secrecy, 'type', n.type, 'status', n.status,
    'urgency', n.urgency, 'field_codes', to_jsonb(n.field_codes))), '[]')
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.register_unit_id, o.direction, o.year, o.secrecy, o.type, o.status, o.urgency, o.field_codes)
      IS DISTINCT FROM (n.register_unit_id, n.direction, n.year, n.secrecy, n.type, n.status, n.urgency, n.field_codes)), 1);
  RETURN NULL;
END;
$$;

CREATE TRIGGER documents_counts_ins AFTER INSERT ON documents REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION documents_counts_ins();
CREATE TRIGGER documents_counts_del AFTER DELETE ON documents REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION documents_counts_del();
CREATE TRIGGER documents_counts_upd AFTER UPDATE ON documents REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION documents_counts_upd();

-- Lists are per register: newest arrivals first for incoming, newest drafts first for outgoing.
CREATE INDEX documents_out_list_idx ON documents(direction, register_unit_id, created_at DESC);
