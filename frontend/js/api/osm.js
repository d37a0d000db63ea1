// The OpenStreetMap round trip (docs/openstreetmap.md): the account holder's consent, how current
// the OpenStreetMap data is, and, for moderators, what is ready to send, what was sent, and the upload.
import { request, get, NetworkError, ApiError } from './client.js';
import { session } from './session.js';

/** GETs send no token unless asked (reads of the map need none): these are the account's own. */
function asAccount() {
  const account = session();
  return account ? { Authorization: `Bearer ${account.token}` } : {};
}

/** The account logged in, with its osmConsent. */
export const me = () => get('/api/auth/me', { headers: asAccount() });

export const setOsmConsent = (osmConsent) => request('PUT', '/api/auth/me', { body: { osmConsent } }).then((r) => r.body);

/** {osm: {sequence, timestamp, lagSeconds, ...}}: all null before the first sync. */
export const status = () => get('/api/status');

export const readyEdits = () => get('/api/osm/changes?format=json', { headers: asAccount() });

export const uploads = () => get('/api/osm/uploads', { headers: asAccount() });

/** Cameras held for review at their current version, with the reason. */
export const holds = () => get('/api/osm/holds', { headers: asAccount() });

/** A held camera is ready to send again. */
export const release = (cameraId) => request('DELETE', `/api/osm/holds/${encodeURIComponent(cameraId)}`);

export const upload = (comment) => request('POST', '/api/osm/uploads', { body: { comment } }).then((r) => r.body);

/** The JOSM file (.osm with action=) as text. */
export async function josmFile() {
  let response;
  try {
    response = await fetch('/api/osm/changes?format=josm', { headers: asAccount() });
  } catch (e) {
    throw new NetworkError(e);
  }
  if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => null));
  return response.text();
}
