// Where a floor plan lies on the map (issue 16): bounds are [west, south, east, north] in degrees, as
// the API sends them. Pure functions, so that they are tested without a browser.

const rad = (deg) => (deg * Math.PI) / 180;
/** At a building's scale a degree of longitude is cos(latitude) of a degree of latitude, on the ground and on the map. */
const lonScale = (lat) => Math.max(0.01, Math.cos(rad(lat)));
const round = (v) => Math.round(v * 1e7) / 1e7;

/**
 * The largest bounds with the image's proportions (width × height pixels) that fit in `fraction` of
 * `area` ([west, south, east, north], the part of the map that is seen), centred in it.
 */
export function fitInArea(area, width, height, fraction = 0.8) {
  const [w, s, e, n] = area;
  const lat = (s + n) / 2;
  const scale = lonScale(lat);
  // everything in degrees of latitude, on the ground
  const areaW = (e - w) * scale * fraction;
  const areaH = (n - s) * fraction;
  const ratio = height / width;
  const planW = areaW * ratio <= areaH ? areaW : areaH / ratio;
  const planH = planW * ratio;
  const lon = (w + e) / 2;
  const halfLon = planW / scale / 2;
  return [round(lon - halfLon), round(lat - planH / 2), round(lon + halfLon), round(lat + planH / 2)];
}

/**
 * The bounds after one of its handles was dragged to [lon, lat]: a corner ('sw', 'ne', 'nw', 'se')
 * moves its two edges, never past the opposite ones; 'centre' moves the whole plan.
 */
export function dragHandle(bounds, handle, [lon, lat]) {
  let [w, s, e, n] = bounds;
  const tiny = 1e-6; // about 10 cm: a plan never folds onto itself
  if (handle === 'centre') {
    const dLon = lon - (w + e) / 2;
    const dLat = lat - (s + n) / 2;
    return [w + dLon, s + dLat, e + dLon, n + dLat].map(round);
  }
  if (handle.includes('w')) w = Math.min(lon, e - tiny);
  if (handle.includes('e')) e = Math.max(lon, w + tiny);
  if (handle.includes('s')) s = Math.min(lat, n - tiny);
  if (handle.includes('n')) n = Math.max(lat, s + tiny);
  return [w, s, e, n].map(round);
}

/** Where each handle stands, as [lon, lat]. */
export function handlePositions([w, s, e, n]) {
  return { sw: [w, s], ne: [e, n], centre: [(w + e) / 2, (s + n) / 2] };
}
