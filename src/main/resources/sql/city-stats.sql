-- The statistics of one city's visible cameras, in one pass over the covering index
-- camera_city_stats_idx (an index-only scan). One parameter: the city code.
-- CityStatsService runs this file as it is, and so does bench/city-stats.sh as the raw-SQL
-- baseline the endpoint is compared with. Run it with TimeZone = UTC (the days are UTC days).
--
-- Few hash tables per row keep it fast: the eight attributes are grouped together (a city has
-- hundreds of combinations, not thousands) and the capability sets as whole arrays; the service
-- rolls them up per attribute and per capability, months from days, and operators
-- case-insensitively (the top 20).
SELECT CASE GROUPING(kind, operator, created_at::date, capabilities)
           WHEN 7 THEN 'attributes' WHEN 11 THEN 'operator' WHEN 13 THEN 'day' WHEN 14 THEN 'capabilities'
           ELSE 'total' END AS grouping_set,
       kind, camera_type, operator_type, filmed_area, zone, films_workstations, signage, status,
       operator, created_at::date AS day, capabilities, count(*) AS n
FROM camera
WHERE city_code = ? AND visible
GROUP BY GROUPING SETS ((kind, camera_type, operator_type, filmed_area, zone, films_workstations, signage, status),
                        (operator), (created_at::date), (capabilities), ())
