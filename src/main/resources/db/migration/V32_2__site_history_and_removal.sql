-- Sites (issue 16) get what cameras have: a history of their versions, and a soft deletion (410) that
-- keeps the row and its history.

ALTER TABLE site
    ADD COLUMN removed_at timestamptz,
    ADD COLUMN removed_by bigint REFERENCES account (id);

-- Each version of a site as it was written: who, when, what (its floors as [{level, name}]).
CREATE TABLE site_version (
    site_id     bigint NOT NULL REFERENCES site (id),
    version     integer NOT NULL,
    action      text NOT NULL,
    name        text NOT NULL,
    employer    text,
    address     text,
    position    geometry(Point, 4326) NOT NULL,
    outline     geometry(Polygon, 4326),
    floors      jsonb NOT NULL,
    author      bigint REFERENCES account (id),
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (site_id, version),
    CONSTRAINT site_version_action CHECK (action IN ('created', 'modified', 'deleted'))
);

-- The sites already mapped: what they are now is the first version known of them.
INSERT INTO site_version (site_id, version, action, name, employer, address, position, outline, floors, author, created_at)
SELECT s.id, s.version, CASE WHEN s.version = 1 THEN 'created' ELSE 'modified' END, s.name, s.employer, s.address,
       s.position, s.outline,
       coalesce((SELECT jsonb_agg(jsonb_build_object('level', f.level, 'name', f.name) ORDER BY f.position)
                 FROM site_floor f WHERE f.site_id = s.id), '[]'::jsonb),
       s.created_by, s.updated_at
FROM site s;
