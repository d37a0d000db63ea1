-- Citizen watch (issue 17), on the camera itself:
-- * first_seen: when the camera was first observed, as its source says (an OpenStreetMap
--   survey:date, check_date or start_date, an official list's date of commissioning, the
--   volunteer's day of observation); null when no source says. created_at stays when it entered
--   this instance (addedAt on the wire). The city timeline counts by first_seen.
-- * what the sign says, beyond present / absent: whether it names the operator, and whether it
--   says where to exercise one's rights (Code de la sécurité intérieure, R252-3).
-- * the prefectoral authorisation the camera is covered by, an entry of its city's register.
ALTER TABLE camera
    ADD COLUMN first_seen          date,
    ADD COLUMN sign_names_operator text NOT NULL DEFAULT 'unknown',
    ADD COLUMN sign_gives_contact  text NOT NULL DEFAULT 'unknown',
    ADD COLUMN authorisation_id    bigint REFERENCES city_authorisation (id),
    -- no camera was observed before video surveillance existed
    ADD CONSTRAINT camera_first_seen CHECK (first_seen >= DATE '1950-01-01'),
    ADD CONSTRAINT camera_sign_names_operator CHECK (sign_names_operator IN ('yes', 'no', 'unknown')),
    ADD CONSTRAINT camera_sign_gives_contact CHECK (sign_gives_contact IN ('yes', 'no', 'unknown')),
    -- what a sign says is only known of a sign that is there
    ADD CONSTRAINT camera_sign_content CHECK (signage = 'present'
        OR (sign_names_operator = 'unknown' AND sign_gives_contact = 'unknown'));
CREATE INDEX camera_authorisation_idx ON camera (authorisation_id) WHERE authorisation_id IS NOT NULL;

-- A photo may show the camera's sign rather than the camera.
ALTER TABLE photo ADD COLUMN of_sign boolean NOT NULL DEFAULT false;

-- The cameras already stored: a volunteer saw theirs the day they added it; an imported camera
-- takes the earliest date its raw tags give (YYYY, YYYY-MM or YYYY-MM-DD, as ImportDates reads them).
UPDATE camera SET first_seen = (created_at AT TIME ZONE 'UTC')::date WHERE source = 'volunteer';
UPDATE camera c SET first_seen = d.first_seen
FROM (SELECT id, min(day) AS first_seen
      FROM (SELECT id, make_date(m[1]::int, coalesce(m[2]::int, 1), 1) + (coalesce(m[3]::int, 1) - 1) AS day,
                   coalesce(m[2]::int, 1) AS month
            FROM (SELECT id, regexp_match(btrim(tags ->> k), '^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$') AS m
                  FROM camera, unnest(ARRAY['survey:date', 'check_date', 'start_date', 'vigie:date']) AS k
                  WHERE source <> 'volunteer' AND tags ->> k IS NOT NULL) AS matched
            WHERE m IS NOT NULL AND m[1]::int BETWEEN 1950 AND 2100 AND coalesce(m[2]::int, 1) BETWEEN 1 AND 12 AND coalesce(m[3]::int, 1) BETWEEN 1 AND 31
           ) AS parsed
      -- a day past the month's end ("2021-02-30") moved into the next month: not a date
      WHERE extract(month FROM day) = month AND day BETWEEN DATE '1950-01-01' AND current_date
      GROUP BY id) AS d
WHERE c.id = d.id;

-- The city statistics read their timeline from first_seen, still from the covering index alone.
DROP INDEX camera_city_stats_idx;
CREATE INDEX camera_city_stats_idx ON camera (city_code)
    INCLUDE (kind, camera_type, operator_type, operator, filmed_area, zone, films_workstations, signage, status,
             capabilities, created_at, first_seen)
    WHERE visible AND city_code IS NOT NULL;
