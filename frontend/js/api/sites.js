// The sites endpoints (issue 16): workplaces and public buildings, their cameras and report.
import { get, request } from './client.js';

const bboxParam = (b) => [b.minLon, b.minLat, b.maxLon, b.maxLat].map((v) => v.toFixed(6)).join(',');

/** Sites in a box. */
export const sitesIn = (box) => get(`/api/sites?bbox=${bboxParam(box)}`);
/** Sites whose outline holds [lon, lat]: the ones offered to a camera placed there. */
export const sitesAt = ([lon, lat]) => get(`/api/sites?at=${lon.toFixed(7)},${lat.toFixed(7)}`);
export const site = (id) => get(`/api/sites/${encodeURIComponent(id)}`);
export const siteCameras = (id) => get(`/api/sites/${encodeURIComponent(id)}/cameras`);
export const siteReport = (id) => get(`/api/sites/${encodeURIComponent(id)}/report`);
export const createSite = (body) => request('POST', '/api/sites', { body });
export const updateSite = (id, version, body) =>
  request('PUT', `/api/sites/${encodeURIComponent(id)}`, { body, headers: { 'If-Match': `"${version}"` } });

// Floor plans: one per floor, re-encoded by the server without metadata; `version` guards replacements and moves.
const planPath = (id, level) => `/api/sites/${encodeURIComponent(id)}/floors/${encodeURIComponent(level)}/plan`;
/** Sends a plan image (the multipart field "file"); `version` is the current plan's, to replace it, or null. */
export function uploadPlan(id, level, file, version) {
  const form = new FormData();
  form.append('file', file, file.name || 'plan');
  return request('PUT', planPath(id, level), { body: form, headers: version ? { 'If-Match': `"${version}"` } : {} })
    .then((r) => r.body);
}
/** Places the plan: bounds are [west, south, east, north]. */
export const placePlan = (id, level, version, bounds) =>
  request('PUT', `${planPath(id, level)}/bounds`, { body: { bounds }, headers: { 'If-Match': `"${version}"` } }).then((r) => r.body);
export const removePlan = (id, level, version) => request('DELETE', planPath(id, level), { headers: { 'If-Match': `"${version}"` } });
/** Only this server's plan images are ever put in the page. */
export const isPlanPath = (url) => typeof url === 'string' && /^\/api\/floor-plans\/\d+$/.test(url);
export const deleteSite = (id, version) =>
  request('DELETE', `/api/sites/${encodeURIComponent(id)}`, { headers: { 'If-Match': `"${version}"` } });
export const siteHistory = (id) => get(`/api/sites/${encodeURIComponent(id)}/history`);
