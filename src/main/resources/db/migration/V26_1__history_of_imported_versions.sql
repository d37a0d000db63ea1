-- Every version of a camera has its history row (issue 20: one write path). Until now an import
-- wrote no history row for the version 1 it created: the camera row was that version until its
-- first change copied it (CameraHistory.keepImportedVersion, now gone). This writes those rows for
-- the imported cameras that never changed, with the snapshot the application writes
-- (CameraHistory.snapshot: the camera's GeoJSON Feature as the API shows it), as the imported
-- version showed it: reported, unconfirmed (confirmations and reports change a row without a version).
-- OneWritePathTest runs this statement again on a camera it stripped of its row and compares.
INSERT INTO camera_version (camera_id, version, action, created_at, snapshot, changed_fields)
SELECT c.id, 1, 'import', c.created_at,
       jsonb_build_object(
           'type', 'Feature',
           'id', c.id,
           'geometry', jsonb_build_object('type', 'Point', 'coordinates',
               jsonb_build_array(round(ST_X(c.position)::numeric, 7), round(ST_Y(c.position)::numeric, 7))),
           'properties', jsonb_build_object(
               'kind', c.kind, 'cameraType', c.camera_type, 'mount', c.mount,
               'directions', to_jsonb(c.directions), 'fieldOfView', c.field_of_view, 'range', c.range_m,
               'height', c.height_m, 'tilt', c.tilt, 'filmedArea', c.filmed_area, 'zone', c.zone,
               'level', c.level, 'capabilities', to_jsonb(c.capabilities),
               'filmsWorkstations', c.films_workstations, 'operator', c.operator,
               'operatorType', c.operator_type, 'signage', c.signage, 'status', 'reported', 'notes', c.notes,
               'confirmations', 0, 'lastConfirmedAt', NULL,
               'toRecheck', c.created_at < now() - interval '730 days',
               'source', c.source, 'sourceId', c.source_id,
               'city', (SELECT jsonb_build_object('code', t.code, 'name', t.name) FROM city t WHERE t.code = c.city_code),
               'version', 1,
               'createdAt', to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
               'updatedAt', to_char(c.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
               || CASE WHEN c.tags IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('tags', c.tags) END),
       '{}'
FROM camera c
WHERE c.version = 1 AND c.imported_version = 1
  AND NOT EXISTS (SELECT 1 FROM camera_version v WHERE v.camera_id = c.id AND v.version = 1);
