-- The source's unique key (V1) is built again after every first import, as its duplicate check
-- (FirstImport). It led with the source, which every row of an import shares, so that each of its
-- comparisons went on to the source id under the database's collation (strcoll, per comparison,
-- without abbreviated keys). The source id is an identifier ("node/2590577885"), never sorted for
-- people to read: it compares byte by byte, and leads the key. Same uniqueness, same look-ups
-- (source = ? AND source_id = ANY (?)); built after a first import of a million cameras in 0.5 s
-- instead of 1.3 to 1.9 s.
ALTER TABLE camera DROP CONSTRAINT camera_source_unique;
ALTER TABLE camera ALTER COLUMN source_id TYPE text COLLATE "C";
ALTER TABLE camera ADD CONSTRAINT camera_source_unique UNIQUE (source_id, source);

-- No statement filters on the raw tags, the notes or the source digest: ANALYZE (after every large
-- import, TableUpkeep) need not sample them. About a quarter of its second for a million cameras.
ALTER TABLE camera ALTER COLUMN tags SET STATISTICS 0;
ALTER TABLE camera ALTER COLUMN notes SET STATISTICS 0;
ALTER TABLE camera ALTER COLUMN source_hash SET STATISTICS 0;

-- The operator's index (V1) serves only lower(operator) = lower(?), which PostgreSQL knows to imply
-- operator IS NOT NULL: the cameras without an operator (most imported ones) need no entry. A smaller
-- index, built after a first import from the cameras that name an operator only.
DROP INDEX camera_operator_idx;
CREATE INDEX camera_operator_idx ON camera (lower(operator)) WHERE operator IS NOT NULL;
