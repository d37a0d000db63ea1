# Writes N synthetic surveillance nodes in OPL (osmium's text format), deterministic (seed 42):
# 85 % in dense clusters around the 40 European city centres of bench/city-centres.csv (about 3 km across), 15 % spread thin
# over Europe. Tags vary like real data: type, mount, direction, zone, operator.
#   awk -v n=1000000 -f bench/synthetic-cameras.awk > cameras.opl
BEGIN {
  srand(42)
  # the centres, one "lon,lat" a line
  centres = centres ? centres : "bench/city-centres.csv"
  while ((getline line < centres) > 0) city[++ncity] = line
  if (ncity == 0) { print "synthetic-cameras: no centre read from " centres > "/dev/stderr"; exit 1 }
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
