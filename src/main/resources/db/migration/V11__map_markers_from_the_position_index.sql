-- The map at city zoom reads its markers from the position index alone (an index-only scan).
--
-- Rows are stored in the order they were written (an import's file order), about 950 bytes each:
-- the thousand or two cameras of a square kilometre sit on as many heap pages, and on a registry
-- larger than the shared buffers each cold page is a read. The leaves of a GiST index on the
-- position are grouped by place, and stay so as cameras are added or moved (CLUSTER would group
-- the table once, under an exclusive lock, and decay with every write). Including the few columns
-- the map's markers show and filter on lets `GET /api/cameras?view=map` answer from a few dozen
-- index pages, provided the table's pages are marked all-visible: autovacuum does it, and a large
-- import runs VACUUM (ANALYZE) once committed (org.vigie.importer.TableUpkeep).
--
-- It replaces the plain position index rather than sitting beside it: every other search on the
-- position (duplicates, "am I filmed here?", the full search) uses it as before, and a write
-- updates one GiST index, not two. The point is included as well as indexed: the GiST key of a
-- geometry is its bounding box, which cannot give the point back.
DROP INDEX camera_position_gix;
CREATE INDEX camera_position_gix ON camera USING gist (position)
    INCLUDE (position, id, visible, kind, camera_type, operator_type, signage, status, directions,
             field_of_view, range_m, operator, version, city_code);
