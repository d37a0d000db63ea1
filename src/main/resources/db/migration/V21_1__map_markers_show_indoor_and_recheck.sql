-- The map's markers show an indoor camera with its own symbol and no cone over the street, and flag
-- the cameras due for a fresh look ("to re-check": nobody confirmed or added them for
-- vigie.verification.recheck-after). The position index includes the columns these are read from,
-- so that the map still answers from the index alone (V11 explains why).
DROP INDEX camera_position_gix;
CREATE INDEX camera_position_gix ON camera USING gist (position)
    INCLUDE (position, id, visible, kind, camera_type, operator_type, signage, status, directions,
             field_of_view, range_m, operator, version, city_code, filmed_area, last_confirmed_at, created_at);
