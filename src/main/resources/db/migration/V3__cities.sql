-- Cities (communes): boundaries, and the city of every camera.

CREATE TABLE city (
    -- The official code (INSEE for French communes): re-importing a city updates it in place.
    code        text PRIMARY KEY,
    name        text NOT NULL,
    -- The name in lower case, without accents or punctuation, for prefix search ("besancon").
    name_key    text NOT NULL,
    boundary    geometry(MultiPolygon, 4326) NOT NULL,
    -- Measured on the ground (geography), not in square degrees.
    area_km2    double precision NOT NULL,
    imported_at timestamptz NOT NULL DEFAULT now(),

    CONSTRAINT city_code CHECK (char_length(code) BETWEEN 1 AND 40),
    CONSTRAINT city_name CHECK (char_length(name) BETWEEN 1 AND 200),
    CONSTRAINT city_boundary_not_empty CHECK (NOT ST_IsEmpty(boundary)),
    CONSTRAINT city_area CHECK (area_km2 >= 0)
);

CREATE INDEX city_boundary_gix ON city USING gist (boundary);
CREATE INDEX city_name_key_idx ON city (name_key text_pattern_ops);

-- The one rule that says which city a point is in. A point exactly on a border shared by two
-- cities goes to the smaller code, so that the answer never depends on row order.
CREATE FUNCTION vigie_city_at(point geometry) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT code FROM city WHERE ST_Intersects(boundary, point) ORDER BY code LIMIT 1
$$;

-- Derived from the position, never edited: not part of a camera's versions.
ALTER TABLE camera ADD COLUMN city_code text REFERENCES city (code) ON DELETE SET NULL;

-- Every way a camera row is written (the API, a JDBC batch or COPY of a bulk importer) gets its
-- city here, without calling application code. Boundary imports reassign existing rows in bulk.
CREATE FUNCTION camera_assign_city() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    NEW.city_code := vigie_city_at(NEW.position);
    RETURN NEW;
END
$$;

CREATE TRIGGER camera_assign_city
    BEFORE INSERT OR UPDATE OF position ON camera
    FOR EACH ROW EXECUTE FUNCTION camera_assign_city();

-- City filters and statistics read the visible cameras of one city. The included columns let
-- the statistics (sql/city-stats.sql) run as an index-only scan, never reading the wide rows.
CREATE INDEX camera_city_stats_idx ON camera (city_code)
    INCLUDE (kind, camera_type, operator_type, operator, filmed_area, zone, films_workstations, signage, status,
             capabilities, created_at)
    WHERE visible;
