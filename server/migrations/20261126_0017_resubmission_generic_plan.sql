-- find_resubmission's query has one right plan by design: walk documents_route_open_idx for the
-- sender, newest first (0015, 0016). PL/pgSQL nevertheless planned it afresh on every call: with
-- sorts and bitmap scans disabled, the plan cache judged the generic plan dearer than a custom
-- one and kept building custom plans. Measured on a database of the documents benchmark,
-- 2,000 calls: about 100 µs a call with a custom plan, 12–46 µs with the generic one (match found
-- early, or the 50 newest open matters walked). Every document from a commune pays this call
-- at registration.
ALTER FUNCTION find_resubmission(text, int[], uuid) SET plan_cache_mode = force_generic_plan;
