-- fazhi warehouse, schema version 6: how sure the resolver is of a report's
-- jurisdiction, and why. A report's jurisdiction is decided over every
-- candidate division at once (ingest/jurisdiction); the code is set only
-- above a confidence of 0.8, and the evidence says which clues decided it.

ALTER TABLE reports ADD COLUMN jurisdiction_confidence DOUBLE;
ALTER TABLE reports ADD COLUMN jurisdiction_probabilities DOUBLE[];
ALTER TABLE reports ADD COLUMN jurisdiction_evidence VARCHAR;
ALTER TABLE reports ADD COLUMN jurisdiction_stated BOOLEAN;
ALTER TABLE reports ADD COLUMN jurisdiction_reason VARCHAR;
ALTER TABLE reports ADD COLUMN year_evidence VARCHAR;
-- Reports stored before this version were resolved by name alone.
UPDATE reports SET jurisdiction_probabilities = [], jurisdiction_evidence = '[]', jurisdiction_stated = false,
    jurisdiction_reason = '', year_evidence = '',
    jurisdiction_confidence = CASE WHEN jurisdiction_code IS NULL THEN 0 ELSE 1 END;
COMMENT ON COLUMN reports.jurisdiction_confidence IS 'Probability (0–1) of the best candidate division; the code is set only at 0.8 or more (1 when stated by the user).';
COMMENT ON COLUMN reports.jurisdiction_probabilities IS 'When jurisdiction_code is NULL: the probability of each division of jurisdiction_candidates, in the same order.';
COMMENT ON COLUMN reports.jurisdiction_evidence IS 'JSON list of the clues of the chosen (or best) candidate: [{"clue","detail","weight"}], heaviest first.';
COMMENT ON COLUMN reports.jurisdiction_stated IS 'True when the code was stated by the user (a manifest), not read from the report.';
COMMENT ON COLUMN reports.jurisdiction_reason IS 'Why the jurisdiction is unresolved; empty when resolved.';
COMMENT ON COLUMN reports.year_evidence IS 'The clue that decided the report year (or "stated by the user").';
COMMENT ON COLUMN reports.jurisdiction_candidates IS 'When jurisdiction_code is NULL: the likeliest divisions, best first (probabilities in jurisdiction_probabilities).';
COMMENT ON COLUMN reports.jurisdiction_level IS 'Level word of the division (街道 镇 乡 区 县 市 旗), or of the report''s words for itself when unresolved.';
