-- The city statistics index (V3) keeps only the cameras inside a known city: every statement that
-- reads it names one (city_code = ?, which implies NOT NULL). An instance that imports
-- OpenStreetMap's cameras worldwide with only French communes loaded otherwise indexes, and on a
-- first import builds, an entry with eleven included columns for every camera elsewhere.
DROP INDEX camera_city_stats_idx;
CREATE INDEX camera_city_stats_idx ON camera (city_code)
    INCLUDE (kind, camera_type, operator_type, operator, filmed_area, zone, films_workstations, signage, status,
             capabilities, created_at)
    WHERE visible AND city_code IS NOT NULL;
