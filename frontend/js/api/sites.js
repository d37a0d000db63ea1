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
