-- Following OpenStreetMap's replication diffs (org.vigie.osm.sync).

-- One row: the last diff applied. Its sequence is written in the transaction that applies the diff,
-- so that a crash never applies a file twice nor skips one; the row is locked (FOR UPDATE) while a
-- diff is applied, so that two instances of the app never apply the same file.
CREATE TABLE osm_replication (
    id               smallint PRIMARY KEY DEFAULT 1,
    -- null until the first diff is applied
    sequence_number  bigint,
    -- the OpenStreetMap data's time at that sequence (its state.txt timestamp)
    data_timestamp   timestamptz,
    applied_at       timestamptz,
    -- why the last round stopped, cleared by the next diff applied
    last_error       text,
    last_error_at    timestamptz,
    CONSTRAINT osm_replication_one_row CHECK (id = 1),
    CONSTRAINT osm_replication_sequence CHECK (sequence_number >= 0),
    CONSTRAINT osm_replication_error CHECK (char_length(last_error) <= 1000)
);
INSERT INTO osm_replication (id) VALUES (1);

-- The nodes of the ways tagged man_made=surveillance, and only those: a diff that moves one of them
-- moves the way's centre, and a diff names the node alone.
CREATE TABLE osm_way_node (
    way_id    bigint PRIMARY KEY,
    node_ids  bigint[] NOT NULL
);
CREATE INDEX osm_way_node_nodes_gin ON osm_way_node USING gin (node_ids);

CREATE TABLE osm_node_position (
    node_id  bigint PRIMARY KEY,
    lon      double precision NOT NULL,
    lat      double precision NOT NULL
);

-- Why a version was written, when the action alone does not say it (a camera taken down because
-- OpenStreetMap deleted it, or because its surveillance tag was removed).
ALTER TABLE camera_version ADD COLUMN reason text;
ALTER TABLE camera_version ADD CONSTRAINT camera_version_reason CHECK (char_length(reason) <= 500);
