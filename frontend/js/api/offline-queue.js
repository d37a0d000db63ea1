// Additions made without network wait in localStorage and are sent when the network is back.
// A network failure, a server that cannot answer for now (5xx, 408, 429), or a missing login
// (401: the volunteer logs in, then it is sent) keeps the addition; a refusal (another 4xx) is final. Each addition has an id: it leaves the queue only once the
// server has stored it, and only one sending runs at a time, so nothing is lost or sent twice
// from this device. The id goes with every sending as the Idempotency-Key: when the signal drops
// after the server stored an addition but before its answer arrived, sending it again gets the
// stored camera back instead of a second one.
import { ApiError, NetworkError } from './client.js';
import { createCamera } from './cameras.js';

const KEY = 'vigie.pendingAdditions';

export function pending() {
  try {
    const list = JSON.parse(localStorage.getItem(KEY) || '[]');
    return Array.isArray(list) ? list : [];
  } catch {
    return [];
  }
}

function save(list) {
  localStorage.setItem(KEY, JSON.stringify(list));
}

const newId = () => (globalThis.crypto && crypto.randomUUID ? crypto.randomUUID()
  : `${Date.now()}-${Math.random().toString(36).slice(2)}`);

/** Worth trying again later: the network, or a server that is down or busy for now. */
export const retryable = (e) => e instanceof NetworkError
  || (e instanceof ApiError && (e.status >= 500 || e.status === 408 || e.status === 429 || e.status === 401));

/** Stored: the server answered with the camera (a captive portal's 200 page is not an answer). */
async function send(feature, options) {
  const { body } = await createCamera(feature, options);
  if (!body || body.id == null) throw new NetworkError(new Error('no camera in the answer'));
  return body;
}

/**
 * Sends an addition now, or keeps it for later when it cannot be sent yet. Resolves to
 * {queued, body, loginRequired}; `confirmDuplicate` goes with it into the queue.
 */
export async function addCamera(feature, { confirmDuplicate = false } = {}) {
  const id = newId();
  try {
    return { queued: false, body: await send(feature, { confirmDuplicate, idempotencyKey: id }) };
  } catch (e) {
    if (!retryable(e)) throw e;
    save([...pending(), { id, feature, confirmDuplicate, at: new Date().toISOString() }]);
    return e instanceof ApiError && e.status === 401 ? { queued: true, loginRequired: true } : { queued: true };
  }
}

let sending = null;

/**
 * Sends what waits, oldest first; stops at the first failure worth retrying. An addition the
 * server refuses is dropped (and reported through onRejected) so that it never blocks the queue.
 * A call while a sending runs joins it.
 */
export function flush(options = {}) {
  sending = sending || sendAll(options).finally(() => { sending = null; });
  return sending;
}

async function sendAll({ onRejected = () => {} }) {
  let sent = 0;
  for (let next = pending()[0]; next; next = pending()[0]) {
    try {
      await send(next.feature, { confirmDuplicate: Boolean(next.confirmDuplicate), idempotencyKey: next.id });
      sent++;
    } catch (e) {
      if (retryable(e)) break;
      onRejected(next, e);
    }
    // Read again: additions queued meanwhile must stay.
    save(pending().filter((item) => item.id !== next.id));
  }
  return sent;
}
