// The camera, city and trust endpoints. Positions stay GeoJSON [lon, lat] here.
import { get, request } from './client.js';

// js/first-view.js writes the first view's box alike
const bboxParam = (b) => [b.minLon, b.minLat, b.maxLon, b.maxLat].map((v) => v.toFixed(6)).join(',');

/**
 * Cameras in a box; `params` holds the filters (URLSearchParams). `view: 'map'` asks only what a
 * marker shows (the full camera is `camera(id)`).
 */
export function camerasIn(box, params, { limit, view, signal } = {}) {
  const q = new URLSearchParams(params);
  q.set('bbox', bboxParam(box));
  if (limit) q.set('limit', String(limit));
  if (view) q.set('view', view);
  return get(`/api/cameras?${q}`, { signal });
}

/** Camera counts per grid cell for a box at a zoom. */
export function clustersIn(box, zoom, params, { signal } = {}) {
  const q = new URLSearchParams(params);
  q.set('bbox', bboxParam(box));
  q.set('zoom', String(zoom));
  return get(`/api/cameras/clusters?${q}`, { signal });
}

export const camera = (id) => request('GET', `/api/cameras/${encodeURIComponent(id)}`);
export const history = (id) => get(`/api/cameras/${encodeURIComponent(id)}/history`);
/**
 * `confirmDuplicate`: the user saw the warning about a camera of the same kind within 10 m.
 * `idempotencyKey`: the same for every sending of one addition, so that the server stores it once.
 */
export const createCamera = (feature, { confirmDuplicate = false, idempotencyKey } = {}) =>
  request('POST', `/api/cameras${confirmDuplicate ? '?confirmDuplicate=true' : ''}`, {
    body: feature, headers: idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {},
  });
export const updateCamera = (id, version, feature) =>
  request('PUT', `/api/cameras/${encodeURIComponent(id)}`, { body: feature, headers: { 'If-Match': `"${version}"` } });

// The key lets a queued confirmation or report be recognised when sent again (offline-queue.js).
const keyed = (idempotencyKey) => (idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {});
export const confirmCamera = (id, { idempotencyKey } = {}) =>
  request('POST', `/api/cameras/${encodeURIComponent(id)}/confirmations`, { body: {}, headers: keyed(idempotencyKey) });
export const reportCamera = (id, reason, { idempotencyKey } = {}) =>
  request('POST', `/api/cameras/${encodeURIComponent(id)}/reports`, { body: { reason }, headers: keyed(idempotencyKey) });

export const searchCities = (text, { signal } = {}) => get(`/api/cities?q=${encodeURIComponent(text)}`, { signal });
export const city = (code) => get(`/api/cities/${encodeURIComponent(code)}`);
export const cityStats = (code, params) => get(`/api/cities/${encodeURIComponent(code)}/stats?${params || ''}`);

/** Export link for the current selection: a city, or else the visible box. */
export function exportUrl(format, { city: code, box, params }) {
  const q = new URLSearchParams(params);
  q.set('format', format);
  if (code) q.set('city', code);
  else if (box) q.set('bbox', bboxParam(box));
  return `/api/cameras/export?${q}`;
}

export const mapConfig = () => get('/api/config');

/** "Am I filmed here?": the cameras whose field of view covers the point (indoor ones left out). */
export const watching = ([lon, lat]) => get(`/api/cameras/watching?lon=${lon.toFixed(6)}&lat=${lat.toFixed(6)}`);

/** The operators known around [lon, lat] whose name contains `text` (accents aside), with their camera counts. */
export const operatorsNear = ([lon, lat], text = '', { signal } = {}) =>
  get(`/api/operators?near=${lon.toFixed(6)},${lat.toFixed(6)}${text ? `&q=${encodeURIComponent(text)}` : ''}`, { signal });
/** Reverts a camera to an earlier version, as a new one (volunteers); `current`: the version shown. */
export const revertCamera = (id, current, version) =>
  request('POST', `/api/cameras/${encodeURIComponent(id)}/revert`, { body: { version }, headers: { 'If-Match': `"${current}"` } });
/** A camera's versions, oldest first; the token goes with it so that a moderator gets exact times. */
export const historyAsReader = (id, token) =>
  get(`/api/cameras/${encodeURIComponent(id)}/history`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
