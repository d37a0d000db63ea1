# Writes N synthetic surveillance nodes in OPL (osmium's text format), deterministic (seed 42):
# 85 % in dense clusters around 40 European city centres (about 3 km across), 15 % spread thin
# over Europe. Tags vary like real data: type, mount, direction, zone, operator.
#   awk -v n=1000000 -f bench/synthetic-cameras.awk > cameras.opl
BEGIN {
  srand(42)
  split("2.3522,48.8566 4.8357,45.7640 5.3698,43.2965 1.4442,43.6047 7.2620,43.7102 -1.5536,47.2184 " \
        "7.7521,48.5734 3.8767,43.6108 -0.5792,44.8378 3.0573,50.6292 -1.6778,48.1173 5.0415,47.3220 " \
        "5.7245,45.1885 6.0241,47.2378 0.6848,47.3941 -0.5632,47.4784 2.3987,47.0810 3.0863,45.7772 " \
        "4.3601,43.8367 6.9770,45.4486 -0.1276,51.5072 13.4050,52.5200 12.4964,41.9028 -3.7038,40.4168 " \
        "4.3517,50.8503 4.9041,52.3676 16.3738,48.2082 14.4378,50.0755 21.0122,52.2297 9.1900,45.4642 " \
        "2.1734,41.3851 -9.1393,38.7223 8.5417,47.3769 6.1432,46.2044 11.5820,48.1351 10.0000,53.5511 " \
        "18.0686,59.3293 12.5683,55.6761 24.9384,60.1699 23.7275,37.9838", city, " ")
  ncity = 40
  split("fixed dome panning", types, " ")
  split("wall pole street_lamp traffic_signals building", mounts, " ")
  split("traffic town parking shop bank building", zones, " ")
  for (i = 1; i <= n; i++) {
    if (rand() < 0.85) {
      split(city[int(rand() * ncity) + 1], c, ",")
      # the sum of three uniforms: a bell about 3 km across
      lon = c[1] + (rand() + rand() + rand() - 1.5) * 0.03
      lat = c[2] + (rand() + rand() + rand() - 1.5) * 0.02
    } else {
      lon = -10 + rand() * 35
      lat = 36 + rand() * 25
    }
    tags = "man_made=surveillance,surveillance:type=camera,camera:type=" types[int(rand() * 3) + 1] \
           ",camera:mount=" mounts[int(rand() * 5) + 1] ",surveillance=public"
    if (rand() < 0.5) tags = tags ",camera:direction=" int(rand() * 360)
    if (rand() < 0.6) tags = tags ",surveillance:zone=" zones[int(rand() * 6) + 1]
    if (rand() < 0.3) tags = tags ",operator=Ville%20%" int(rand() * 500)
    printf "n%d v1 x%.7f y%.7f T%s\n", i, lon, lat, tags
  }
}
