// Registering, logging in and out, an account's page, deleting one's account. The token the server answers is kept by session.js.
import { request, get } from './client.js';
import { saveSession, clearSession, session } from './session.js';

export async function login(username, password) {
  const { body } = await request('POST', '/api/auth/login', { body: { username, password } });
  saveSession(body);
  return body;
}

/**
 * `altcha`: the solved registration challenge (registration-challenge.js); `osmConsent`: the
 * contributions may be published in OpenStreetMap (ODbL), sent only when chosen.
 */
export async function register(username, password, email, altcha, osmConsent = false) {
  const fields = { username, password, ...(email ? { email } : {}), altcha, ...(osmConsent ? { osmConsent: true } : {}) };
  const { body } = await request('POST', '/api/auth/register', { body: fields });
  saveSession(body);
  return body;
}

/** Revokes the token on the server; forgets it here whatever the answer. */
export async function logout() {
  try {
    await request('POST', '/api/auth/logout');
  } finally {
    clearSession();
  }
}

/** Issue 19: a new password; every other session of the account ends. Resolves to how many ended. */
export async function changePassword(current, replacement) {
  const { body } = await request('POST', '/api/auth/password', { body: { current, new: replacement } });
  return body.otherSessionsEnded;
}

/** Issue 19: ends every session of the account, this one too; forgotten here once the server said so. */
export async function logoutEverywhere() {
  const { body } = await request('POST', '/api/auth/logout-everywhere');
  clearSession();
  return body.otherSessionsEnded;
}

// --- issue 14: an account's page, and deleting one's own account

/** Reads carry the token when there is one: a moderator sees exact times, hidden cameras, suspensions. */
const asReader = (url) => get(url, { headers: session() ? { Authorization: `Bearer ${session().token}` } : {} });

export const profile = (username) => asReader(`/api/accounts/${encodeURIComponent(username)}`);

/** A page of what the account wrote, newest first: {username, items, next}; `before` is the previous page's next. */
export const contributions = (username, before = null, limit = 50) => asReader(
  `/api/accounts/${encodeURIComponent(username)}/contributions?limit=${limit}${before ? `&before=${encodeURIComponent(before)}` : ''}`);

/** Deletes the account logged in (its password asked again); the session ends here too. */
export async function deleteAccount(password) {
  const { body } = await request('DELETE', '/api/auth/me', { body: { password } });
  clearSession();
  return body;
}
