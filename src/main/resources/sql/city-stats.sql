-- The statistics of one city's visible cameras, in one pass over the covering index
-- camera_city_stats_idx (an index-only scan). One parameter: the city code.
-- CityStatsService runs this file as it is, and so does bench/city-stats.sh as the raw-SQL
-- baseline the endpoint is compared with. Run it with TimeZone = UTC (the days are UTC days).
--
-- Few hash tables per row keep it fast: the eight attributes are grouped together (a city has
-- hundreds of combinations, not thousands) and the capability sets as whole arrays; the service
-- rolls them up per attribute and per capability, months from days, years from the days the
-- cameras were first seen (issue 17; a null first_seen counts the cameras no source dates), and
-- operators case-insensitively (the top 20).
SELECT CASE GROUPING(kind, operator, created_at::date, capabilities, first_seen)
           WHEN 15 THEN 'attributes' WHEN 23 THEN 'operator' WHEN 27 THEN 'day' WHEN 29 THEN 'capabilities'
           WHEN 30 THEN 'first_seen' ELSE 'total' END AS grouping_set,
       kind, camera_type, operator_type, filmed_area, zone, films_workstations, signage, status,
       operator, created_at::date AS day, capabilities, first_seen, count(*) AS n
FROM camera
WHERE city_code = ? AND visible
GROUP BY GROUPING SETS ((kind, camera_type, operator_type, filmed_area, zone, films_workstations, signage, status),
                        (operator), (created_at::date), (capabilities), (first_seen), ())
