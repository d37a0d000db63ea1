-- A decision's particulars as data (the status a camera was settled as, the camera a duplicate was
-- merged into, how many reports were closed, a suspension's end, a mass revert's start and accounts)
-- instead of an English sentence, which the web app and the OpenStreetMap round trip had to parse
-- back: the lines written so far are read into their facts; a sentence of no known shape is kept
-- whole as a note.
ALTER TABLE moderation_log ADD COLUMN facts jsonb NOT NULL DEFAULT '{}';

UPDATE moderation_log SET facts = CASE
    WHEN detail ~ '^status \S+$'
        THEN jsonb_build_object('status', substring(detail FROM '^status (\S+)$'))
    WHEN detail ~ '^merged into camera \d+$'
        THEN jsonb_build_object('mergedInto', substring(detail FROM '(\d+)$')::bigint)
    WHEN detail ~ '^\d+ report\(s\) closed on a camera readers no longer see$'
        THEN jsonb_build_object('reportsClosed', substring(detail FROM '^(\d+)')::integer)
    WHEN detail = 'until lifted'
        THEN jsonb_build_object('untilLifted', true)
    WHEN detail ~ '^until \S+$'
        THEN jsonb_build_object('until', substring(detail FROM '^until (\S+)$'))
    WHEN detail ~ '^since \S+, with .+$'
        THEN jsonb_build_object('since', substring(detail FROM '^since (\S+),'),
                                'with', to_jsonb(string_to_array(substring(detail FROM ', with (.+)$'), ', ')))
    WHEN detail ~ '^since \S+$'
        THEN jsonb_build_object('since', substring(detail FROM '^since (\S+)$'))
    ELSE jsonb_build_object('note', detail)
END
WHERE detail IS NOT NULL;

ALTER TABLE moderation_log DROP COLUMN detail;
ALTER TABLE moderation_log ADD CONSTRAINT moderation_log_facts
    CHECK (jsonb_typeof(facts) = 'object' AND octet_length(facts::text) <= 4000);

-- The OpenStreetMap round trip looks for each camera's last settling.
CREATE INDEX moderation_log_camera_idx ON moderation_log (camera_id, id) WHERE camera_id IS NOT NULL;
