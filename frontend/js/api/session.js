// The account the app is logged in as: {token, username, role} in localStorage. A bearer token in
// localStorage (not a cookie) because the API then needs no CSRF defence: a page of another site
// cannot make the browser send it. The page loads no third-party script and shows user text
// through textContent only, which is what keeps the token away from other code.
const KEY = 'vigie.session';
const listeners = new Set();

export function session() {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) || 'null');
    return value && typeof value.token === 'string' ? value : null;
  } catch {
    return null;
  }
}

export function saveSession(value) {
  localStorage.setItem(KEY, JSON.stringify({ token: value.token, username: value.username, role: value.role }));
  listeners.forEach((fn) => fn(session()));
}

export function clearSession() {
  if (!localStorage.getItem(KEY)) return;
  localStorage.removeItem(KEY);
  listeners.forEach((fn) => fn(null));
}

/** Calls fn(session or null) on every login and logout, in this tab and in others. */
export function onSessionChange(fn) {
  listeners.add(fn);
  if (typeof window !== 'undefined') window.addEventListener('storage', (e) => { if (e.key === KEY) fn(session()); });
}
