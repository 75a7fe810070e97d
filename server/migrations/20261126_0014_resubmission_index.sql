-- Resubmission control (routing/service.ts findResubmission) looks up a sender's open matters —
-- documents returned to it or sent for an agency's advice — on every registration from a commune.
-- Walking all of the sender's documents to find those grows with its volume; the route row keeps
-- its sender, and a partial index holds exactly the open flows, newest first.

-- A document's sender: its unit when known, else its name as written, case-folded.
CREATE FUNCTION document_sender_key(p_unit uuid, p_name text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(p_unit::text, 'name:' || lower(p_name))
$$;

ALTER TABLE document_routes ADD COLUMN sender_key text;

CREATE FUNCTION document_routes_sender() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT document_sender_key(issuer_unit_id, issuer_name) INTO NEW.sender_key FROM documents WHERE id = NEW.document_id;
  RETURN NEW;
END;
$$;
CREATE TRIGGER document_routes_sender BEFORE INSERT ON document_routes
  FOR EACH ROW EXECUTE FUNCTION document_routes_sender();

-- A corrected issuer moves the route to its new sender.
CREATE FUNCTION documents_sender_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE document_routes SET sender_key = document_sender_key(NEW.issuer_unit_id, NEW.issuer_name)
  WHERE document_id = NEW.id;
  RETURN NULL;
END;
$$;
CREATE TRIGGER documents_sender_changed AFTER UPDATE OF issuer_unit_id, issuer_name ON documents
  FOR EACH ROW WHEN (OLD.issuer_unit_id IS DISTINCT FROM NEW.issuer_unit_id OR OLD.issuer_name IS DISTINCT FROM NEW.issuer_name)
  EXECUTE FUNCTION documents_sender_changed();

UPDATE document_routes r SET sender_key = document_sender_key(d.issuer_unit_id, d.issuer_name)
FROM documents d WHERE d.id = r.document_id;

CREATE INDEX document_routes_open_idx ON document_routes(sender_key, route_date DESC)
  WHERE flow IN ('RETURN_TO_SENDER', 'SEND_TO_AGENCY_FOR_ADVICE');
