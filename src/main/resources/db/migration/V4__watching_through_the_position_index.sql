-- "Am I filmed here?" finds its candidates through the position index (no camera sees farther than
-- 500 m), then tests their field of view: a second GiST index over every polygon cost more to keep
-- up on each write and import (about a third of a bulk import's index work) than it saved.
DROP INDEX camera_fov_area_gix;
