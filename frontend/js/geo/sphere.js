// Geometry on the sphere, and the one place that converts between GeoJSON's [lon, lat] and
// Leaflet's [lat, lng]. Bearings are degrees clockwise from north; distances are metres.

const EARTH_RADIUS_M = 6371008.8;
const rad = (deg) => (deg * Math.PI) / 180;
const deg = (r) => (r * 180) / Math.PI;

/** GeoJSON position [lon, lat] to Leaflet [lat, lng]. */
export const toLatLng = ([lon, lat]) => [lat, lon];

/** Leaflet {lat, lng} (or [lat, lng]) to GeoJSON [lon, lat]. */
export function toLonLat(latLng) {
  return Array.isArray(latLng) ? [latLng[1], latLng[0]] : [latLng.lng, latLng.lat];
}

/** The point reached from [lon, lat] after `distance` metres towards `bearing`. */
export function destination([lon, lat], bearing, distance) {
  const d = distance / EARTH_RADIUS_M;
  const b = rad(bearing);
  const φ1 = rad(lat);
  const λ1 = rad(lon);
  const φ2 = Math.asin(Math.sin(φ1) * Math.cos(d) + Math.cos(φ1) * Math.sin(d) * Math.cos(b));
  const λ2 = λ1 + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(φ1), Math.cos(d) - Math.sin(φ1) * Math.sin(φ2));
  return [((deg(λ2) + 540) % 360) - 180, deg(φ2)];
}

/** Great-circle distance in metres between two [lon, lat] positions. */
export function distance([lon1, lat1], [lon2, lat2]) {
  const dφ = rad(lat2 - lat1);
  const dλ = rad(lon2 - lon1);
  const a = Math.sin(dφ / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(dλ / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Initial bearing from one [lon, lat] to another, a whole number of degrees 0–359. */
export function bearing([lon1, lat1], [lon2, lat2]) {
  const φ1 = rad(lat1);
  const φ2 = rad(lat2);
  const dλ = rad(lon2 - lon1);
  const y = Math.sin(dλ) * Math.cos(φ2);
  const x = Math.cos(φ1) * Math.sin(φ2) - Math.sin(φ1) * Math.cos(φ2) * Math.cos(dλ);
  return normalizeBearing(deg(Math.atan2(y, x)));
}

/** Any angle in degrees to a whole bearing 0–359. */
export function normalizeBearing(angle) {
  return ((Math.round(angle) % 360) + 360) % 360;
}
