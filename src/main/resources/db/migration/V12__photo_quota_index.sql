-- The hourly photo quota (org.vigie.photo.PhotoLimits) counts an account's most recent uploads
-- before decoding a new one: this index answers it without reading the images' rows.
CREATE INDEX photo_uploader_idx ON photo (uploaded_by, created_at);
