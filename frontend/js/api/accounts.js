// Registering, logging in and out. The token the server answers is kept by session.js.
import { request } from './client.js';
import { saveSession, clearSession } from './session.js';

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
