# Writes a country-like OpenStreetMap extract in OPL (osmium's text format), deterministic (seed 7):
# N nodes over a France-sized box, most untagged (way members), a few with ordinary tags, one in
# 10,000 a camera (man_made=surveillance); then N/10 ways of 10 consecutive nodes (streets,
# buildings), of which CAMERA_WAYS are tagged man_made=surveillance (a camera mapped as an area).
#   awk -v n=20000000 -v camera_ways=300 -f bench/country-extract.awk > country.opl
BEGIN {
  srand(7)
  n = n ? n : 20000000
  camera_ways = camera_ways ? camera_ways : 300
  split("fixed dome panning", types, " ")
  split("bench tree street_lamp bus_stop waste_basket post_box", others, " ")
  # a street of 10 nodes runs east from a random point: consecutive nodes lie 20 m apart
  for (i = 1; i <= n; i++) {
    if (i % 10 == 1) {
      lon = -4.5 + rand() * 12.5
      lat = 42.5 + rand() * 8.5
    } else {
      lon += 0.0003
    }
    r = rand()
    if (r < 0.0001) {
      tags = " Tman_made=surveillance,surveillance:type=camera,camera:type=" types[int(rand() * 3) + 1] \
             ",surveillance=public"
    } else if (r < 0.03) {
      tags = " Tnatural=" others[int(rand() * 6) + 1]
    } else {
      tags = ""
    }
    printf "n%d v1 x%.7f y%.7f%s\n", i, lon, lat, tags
  }
  ways = int(n / 10)
  every = camera_ways > 0 ? int(ways / camera_ways) : 0
  for (w = 1; w <= ways; w++) {
    first = (w - 1) * 10 + 1
    refs = "n" first
    for (k = 1; k < 10; k++) refs = refs ",n" (first + k)
    if (every > 0 && w % every == 0) {
      tags = "man_made=surveillance,surveillance:type=camera,surveillance=public"
    } else if (w % 3 == 0) {
      tags = "building=yes"
    } else {
      tags = "highway=residential,name=Rue%20%" w
    }
    printf "w%d v1 T%s N%s\n", w, tags, refs
  }
}
