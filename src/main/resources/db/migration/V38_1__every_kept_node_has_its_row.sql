-- Every node of a kept surveillance way (osm_way_node) has its row in osm_node_position, its position
-- NULL until a file or a diff gives it. A minutely diff names some 20,000 nodes, a few of them kept:
-- they are then found by one join on the primary key, where each node used to be searched for in
-- the ways' node lists (org.vigie.importer.osm.WayNodes.move; BENCHMARKS.md, the minutely diff).
ALTER TABLE osm_node_position ALTER COLUMN lon DROP NOT NULL, ALTER COLUMN lat DROP NOT NULL;
ALTER TABLE osm_node_position ADD CONSTRAINT osm_node_position_known CHECK ((lon IS NULL) = (lat IS NULL));
INSERT INTO osm_node_position (node_id) SELECT DISTINCT unnest(node_ids) FROM osm_way_node ON CONFLICT (node_id) DO NOTHING;
