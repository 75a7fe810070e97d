-- Updates move a document between count buckets only when a counted column changes. A row
-- trigger with a WHEN clause costs nothing for the many updates that change none of them
-- (arrival numbers, text, checks), unlike the statement trigger it replaces.
DROP TRIGGER documents_counts_upd ON documents;

CREATE FUNCTION documents_counts_upd_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM document_counts_add(jsonb_build_array(jsonb_build_object('register_unit_id', OLD.register_unit_id,
    'direction', OLD.direction, 'year', OLD.year, 'secrecy', OLD.secrecy, 'type', OLD.type, 'status', OLD.status,
    'urgency', OLD.urgency, 'field_codes', to_jsonb(OLD.field_codes))), -1);
  PERFORM document_counts_add(jsonb_build_array(jsonb_build_object('register_unit_id', NEW.register_unit_id,
    'direction', NEW.direction, 'year', NEW.year, 'secrecy', NEW.secrecy, 'type', NEW.type, 'status', NEW.status,
    'urgency', NEW.urgency, 'field_codes', to_jsonb(NEW.field_codes))), 1);
  RETURN NULL;
END;
$$;

CREATE TRIGGER documents_counts_upd AFTER UPDATE ON documents FOR EACH ROW
  WHEN ((OLD.register_unit_id, OLD.direction, OLD.year, OLD.secrecy, OLD.type, OLD.status, OLD.urgency, OLD.field_codes)
    IS DISTINCT FROM (NEW.register_unit_id, NEW.direction, NEW.year, NEW.secrecy, NEW.type, NEW.status, NEW.urgency, NEW.field_codes))
  EXECUTE FUNCTION documents_counts_upd_row();

DROP FUNCTION documents_counts_upd();
