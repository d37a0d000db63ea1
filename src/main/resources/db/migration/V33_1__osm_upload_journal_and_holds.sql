-- Sending to OpenStreetMap, made safe against a crash between OpenStreetMap's answer and Vigie's
-- record of it, and reviewable (org.vigie.osm.upload).

-- An upload is written down ('sending', with its cameras) and committed before the osmChange goes
-- out, and marked 'done' when OpenStreetMap's answer is recorded. An upload still 'sending' when the
-- next one starts was cut short: nobody knows what OpenStreetMap kept, so its cameras are held for a
-- moderator to check the changeset, never sent twice blindly.
ALTER TABLE osm_upload ADD COLUMN state text NOT NULL DEFAULT 'done';
ALTER TABLE osm_upload ADD CONSTRAINT osm_upload_state CHECK (state IN ('sending', 'done'));

-- A camera held for review (OpenStreetMap refused it, or the outcome is unknown) is sent again
-- once a moderator releases it.
ALTER TABLE osm_upload_item ADD COLUMN released_at timestamptz;
ALTER TABLE osm_upload_item ADD COLUMN released_by bigint REFERENCES account (id);

-- Volunteers' deletions are sent too.
ALTER TABLE osm_upload_item DROP CONSTRAINT osm_upload_item_action;
ALTER TABLE osm_upload_item ADD CONSTRAINT osm_upload_item_action CHECK (action IN ('create', 'modify', 'delete'));
