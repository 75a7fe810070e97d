-- The link from a resubmitted document to the earlier one (route_resubmission_of) loses its
-- foreign key. register_incoming sets it only to an id that find_resubmission has just read in
-- the same transaction, and documents are never deleted (they are records, kept under the
-- archives law; no code path deletes one), so the check could never fail. It was not free: every
-- resubmission took a KEY SHARE lock on the earlier document's row, and concurrent registrations
-- resubmitting the same matter shared that lock through a MultiXact, at registration time.
ALTER TABLE documents DROP CONSTRAINT documents_route_resubmission_of_fkey;
