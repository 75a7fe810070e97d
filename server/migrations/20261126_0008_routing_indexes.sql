-- Resubmission checks look up a sender's recent documents.
CREATE INDEX documents_issuer_recent_idx ON documents(issuer_unit_id, created_at DESC) WHERE direction = 'in';
CREATE INDEX documents_issuer_name_recent_idx ON documents(lower(issuer_name), created_at DESC) WHERE direction = 'in';
