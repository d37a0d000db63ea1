// A city's outline and its cameras as a small SVG drawn from GeoJSON: prints as it shows, needs no
// tile server. Longitudes are scaled by cos(latitude) so that the shape is not stretched.
const SVG = 'http://www.w3.org/2000/svg';

function node(tag, attrs = {}) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** The rings of a Polygon or MultiPolygon geometry, as arrays of [lon, lat]. */
export function rings(geometry) {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return geometry.coordinates;
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.flat();
  return [];
}

/** A projection of [lon, lat] into a box `width` wide, north up; null for an empty outline. */
export function projection(allRings, width) {
  const points = allRings.flat();
  if (!points.length) return null;
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const [w, e, s, n] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const kx = Math.cos(((s + n) / 2) * Math.PI / 180);
  const scale = width / Math.max((e - w) * kx, 1e-9);
  return { height: Math.max(1, (n - s) * scale), at: ([lon, lat]) => [(lon - w) * kx * scale, (n - lat) * scale] };
}

/** @param {object} city a GeoJSON Feature @param {Array<[number, number]>} cameras positions [lon, lat] */
export function outlineSvg(city, cameras, title, width = 600) {
  const all = rings(city && city.geometry);
  const p = projection(all, width);
  const svg = node('svg', { viewBox: `0 0 ${width} ${p ? Math.ceil(p.height) : 1}`, role: 'img', 'aria-label': title, class: 'dossier-map' });
  if (!p) return svg;
  const d = all.map((ring) => ring.map((pt, i) => `${i ? 'L' : 'M'}${p.at(pt).map((v) => v.toFixed(1)).join(' ')}`).join('') + 'Z').join('');
  svg.append(node('path', { d, class: 'dossier-outline', 'fill-rule': 'evenodd' }));
  for (const c of cameras) {
    const [x, y] = p.at(c);
    svg.append(node('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: 3, class: 'dossier-camera' }));
  }
  return svg;
}
