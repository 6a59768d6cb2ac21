-- fazhi warehouse, schema version 9: the bulk load path.
-- A bulk ingest (fazhi ingest) stores its reports in large transactions and
-- refreshes the headline values and summaries of the jurisdiction-years it
-- touched once, at its end. Until then those jurisdiction-years wait here,
-- committed with the reports that touched them, so that an ingest stopped
-- midway (killed, interrupted) leaves nothing stale: the next writer that
-- opens the warehouse refreshes them first.
CREATE TABLE headline_pending (jurisdiction_key VARCHAR NOT NULL, year INTEGER);
COMMENT ON TABLE headline_pending IS 'Jurisdiction-years whose headline values a bulk ingest still has to refresh (empty between ingests; refreshed when the ingest ends, or when the warehouse is next opened for writing).';
COMMENT ON COLUMN headline_pending.jurisdiction_key IS 'Grouping key: the division code, or report:<report_id> for an unresolved jurisdiction (report_jurisdictions.jurisdiction_key).';
COMMENT ON COLUMN headline_pending.year IS 'The year.';
