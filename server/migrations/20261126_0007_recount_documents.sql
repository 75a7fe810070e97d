-- Counts for documents written before the count triggers existed (databases created during
-- development): recomputed from the documents themselves. Idempotent.
DELETE FROM document_counts;
SELECT document_counts_add(
  (SELECT coalesce(jsonb_agg(jsonb_build_object('register_unit_id', register_unit_id, 'direction', direction,
     'year', year, 'secrecy', secrecy, 'type', type, 'status', status, 'urgency', urgency,
     'field_codes', to_jsonb(field_codes))), '[]') FROM documents),
  1);
