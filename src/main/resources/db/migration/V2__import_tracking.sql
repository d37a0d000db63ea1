-- What an import needs to update a camera in place, and to tell a newer source version
-- from a volunteer's edit.
ALTER TABLE camera
    -- The source's own version (OpenStreetMap's version attribute), when it has one.
    ADD COLUMN source_version integer,
    -- A digest of the position and raw tags as last imported: a changed digest is a changed source.
    ADD COLUMN source_hash text,
    -- The camera's version when an import last wrote it: a higher version means a volunteer edited it since.
    ADD COLUMN imported_version integer,
    ADD CONSTRAINT camera_imported_version CHECK (imported_version BETWEEN 1 AND version);
