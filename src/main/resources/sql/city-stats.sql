-- The statistics of one city's visible cameras, as rows of (dimension, value, count).
-- One parameter: the city code. CityStatsService runs this file as it is, and so does
-- bench/city-stats.sh as the raw-SQL baseline the endpoint is compared with.
-- The selection is read once (MATERIALIZED); every grouping then scans it in memory.
WITH sel AS MATERIALIZED (
    SELECT kind, camera_type, operator_type, operator, filmed_area, zone, films_workstations,
           signage, status, capabilities, created_at
    FROM camera
    WHERE city_code = ? AND visible
)
SELECT 'total' AS dimension, NULL AS value, count(*) AS n FROM sel
UNION ALL SELECT 'kind', kind, count(*) FROM sel GROUP BY kind
UNION ALL SELECT 'cameraType', camera_type, count(*) FROM sel GROUP BY camera_type
UNION ALL SELECT 'operatorType', operator_type, count(*) FROM sel GROUP BY operator_type
UNION ALL SELECT 'filmedArea', filmed_area, count(*) FROM sel GROUP BY filmed_area
UNION ALL SELECT 'zone', zone, count(*) FROM sel GROUP BY zone
UNION ALL SELECT 'filmsWorkstations', films_workstations, count(*) FROM sel GROUP BY films_workstations
UNION ALL SELECT 'signage', signage, count(*) FROM sel GROUP BY signage
UNION ALL SELECT 'status', status, count(*) FROM sel GROUP BY status
UNION ALL SELECT 'capability', capability, count(*) FROM sel, unnest(capabilities) AS capability GROUP BY capability
UNION ALL SELECT 'month', to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM'), count(*) FROM sel GROUP BY 2
-- Operators differ in case from one volunteer to the next: grouped case-insensitively, top 20.
UNION ALL (SELECT 'operator', min(operator), count(*) FROM sel WHERE operator IS NOT NULL
           GROUP BY lower(operator) ORDER BY count(*) DESC, lower(operator) LIMIT 20)
