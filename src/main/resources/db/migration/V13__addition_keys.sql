-- Idempotency keys of camera additions (the Idempotency-Key header): a phone on a poor signal that
-- never saw the answer sends the same addition again, and gets the camera it already stored.
CREATE TABLE camera_addition_key (
    account_id      bigint NOT NULL REFERENCES account (id),
    key             text NOT NULL,
    -- SHA-256 of the request: the same key with another camera is refused, not answered wrongly.
    request_hash    text NOT NULL,
    -- Null only inside the transaction that claimed the key and is storing the camera.
    camera_id       bigint REFERENCES camera (id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, key),
    CONSTRAINT camera_addition_key_length CHECK (char_length(key) BETWEEN 1 AND 100)
);
