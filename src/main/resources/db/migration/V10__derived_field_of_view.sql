-- The field-of-view polygon is always derived from the row's own columns (position, directions,
-- field_of_view, range_m): the application computes it where it is read (org.vigie.camera.FieldOfViewArea).
-- Stored, it was half of every camera row (about 490 of 950 bytes), the bulk of a bulk import's writing.
ALTER TABLE camera DROP COLUMN fov_area;
