// Everything a volunteer writes (additions, edits, confirmations, reports, photos) waits on the
// device when it cannot be sent (in localStorage; a photo's image in IndexedDB, photo-store.js), and is sent when the network is back. A network failure, a server that
// cannot answer for now (5xx, 408, 429), or a missing login (401: the volunteer logs in, then it is
// sent) keeps the item waiting. A refusal (another 4xx) never drops it: the item stays on the
// device with the server's reason, set aside (it no longer blocks the others), until the volunteer
// decides: send it again as another camera (confirmDuplicate), turn it into a confirmation of the
// camera it repeats, or discard it. Nothing leaves the device without that decision or the server's
// acknowledgement.
// Each item has an id: it leaves the queue only once the server has answered, and only one sending
// runs at a time, so nothing is sent twice from this device. The id goes with every sending as the
// Idempotency-Key: when the signal drops after the server stored an addition but before its answer
// arrived, sending it again gets the stored camera back instead of a second one. A confirmation or
// report sent twice by one volunteer is counted once by the server (counted=false the second time).
import { ApiError, NetworkError } from './client.js';
import { createCamera, updateCamera, confirmCamera, reportCamera } from './cameras.js';
import { addPhoto } from './photos.js';
import { keepPhoto, photo, dropPhoto } from './photo-store.js';

// The name is older than the other kinds of items: queues already on volunteers' phones are kept.
const KEY = 'vigie.pendingAdditions';
const listeners = new Set();

/** Every item on the device, waiting or refused, oldest first. Items without a type are additions. */
export function pending() {
  try {
    const list = JSON.parse(localStorage.getItem(KEY) || '[]');
    return Array.isArray(list) ? list.map((item) => ({ type: 'add', ...item })) : [];
  } catch {
    return [];
  }
}

/** Items being sent by write() right now, on this page: the queue's sending leaves them to it. */
const inFlight = new Set();
/** Of these, those whose form still waits for the answer (and says "sending"): not shown as waiting. */
const awaited = new Set();

/** The items to show as on the device: all of them but those a form is still sending. */
export const onDevice = () => pending().filter((item) => !awaited.has(item.id));

/** The items still to send (not set aside by a refusal, nor being sent by write()). */
export const waiting = () => pending().filter((item) => !item.refused && !inFlight.has(item.id));
/** The items the server refused, each waiting for the volunteer's decision. */
export const refused = () => pending().filter((item) => item.refused);

function save(list) {
  localStorage.setItem(KEY, JSON.stringify(list));
  listeners.forEach((fn) => fn());
}

/** Called whenever the queue changes on this page (another tab's changes come by the storage event). */
export const onQueueChange = (fn) => listeners.add(fn);

const newId = () => (globalThis.crypto && crypto.randomUUID ? crypto.randomUUID()
  : `${Date.now()}-${Math.random().toString(36).slice(2)}`);

/** Worth trying again later: the network, or a server that is down or busy for now. */
export const retryable = (e) => e instanceof NetworkError
  || (e instanceof ApiError && (e.status >= 500 || e.status === 408 || e.status === 429 || e.status === 401));

/** Sends one item; resolves to the server's answer body. */
async function send(item) {
  const key = { idempotencyKey: item.id };
  switch (item.type) {
    case 'edit':
      return (await updateCamera(item.cameraId, item.version, item.feature)).body;
    case 'confirm':
      return (await confirmCamera(item.cameraId, key)).body;
    case 'report':
      return (await reportCamera(item.cameraId, item.reason, key)).body;
    case 'photo': {
      const file = await photo(item.id);
      if (!file) throw new ApiError(410, { detail: 'the photo is no longer on this device' });
      return addPhoto(item.cameraId, file, { sign: Boolean(item.sign) });
    }
    default: {
      const { body } = await createCamera(item.feature, { confirmDuplicate: Boolean(item.confirmDuplicate), ...key });
      // a captive portal's 200 page is not an answer: the camera is stored only when the server says so
      if (!body || body.id == null) throw new NetworkError(new Error('no camera in the answer'));
      return body;
    }
  }
}

/** How long a form waits for the server before the write is left to the queue (a stalled signal). */
export const SLOW_MS = 10000;

/**
 * Sends a write now, or keeps it for later when it cannot be sent yet. `item` is
 * {type: 'add', feature, confirmDuplicate} | {type: 'edit', cameraId, version, feature}
 * | {type: 'confirm', cameraId} | {type: 'report', cameraId, reason}. Resolves to
 * {queued, body, loginRequired}; a refusal is thrown (ApiError), for the form that is still open.
 * A suspended account's write (issue 14) is no form's to correct: it is kept on the device, set
 * aside with the reason like any refusal, and resolves to {queued: true, suspended: ApiError}.
 * The item is kept on the device before it leaves, so that closing the app while the signal
 * stalls loses nothing; when the server has not answered within `slowAfter` ms, this resolves to
 * {queued: true, slow: true} and the sending goes on: its answer settles the item as the queue's
 * would (sent, kept waiting, or set aside with the server's reason).
 */
export async function write(item, { slowAfter = SLOW_MS } = {}) {
  const entry = { ...item, id: newId(), at: new Date().toISOString() };
  inFlight.add(entry.id);
  awaited.add(entry.id);
  save([...pending(), entry]);
  let late = false; // set when the form stopped waiting: from then on the queue keeps what comes
  let timer;
  const outcome = send(entry).then((body) => {
    inFlight.delete(entry.id);
    awaited.delete(entry.id);
    save(pending().filter((kept) => kept.id !== entry.id));
    return { queued: false, body };
  }, (e) => {
    inFlight.delete(entry.id);
    awaited.delete(entry.id);
    if (e instanceof ApiError && e.suspended) return setAside(entry.id, e);
    if (retryable(e)) {
      listeners.forEach((fn) => fn()); // waiting now, as any queued item
      return e instanceof ApiError && e.status === 401 ? { queued: true, loginRequired: true } : { queued: true };
    }
    if (late) return setAside(entry.id, e);
    save(pending().filter((kept) => kept.id !== entry.id)); // the open form shows the refusal
    throw e;
  }).finally(() => clearTimeout(timer));
  const stalled = new Promise((resolve) => {
    timer = setTimeout(() => {
      late = true;
      awaited.delete(entry.id);
      listeners.forEach((fn) => fn()); // shown as waiting from now on
      resolve({ queued: true, slow: true });
    }, slowAfter);
  });
  return Promise.race([outcome, stalled]);
}

/**
 * A photo for a camera: sent now, or its image kept in IndexedDB and the sending queued. Resolves
 * to {queued, body}, or {queued: false, full: true} when the device's photo space is full. `sign`: a
 * photo of the camera's sign (issue 17), kept as such while it waits.
 */
export async function addCameraPhoto(cameraId, file, { sign = false } = {}) {
  const entry = { type: 'photo', cameraId, name: file.name || 'photo', size: file.size, sign, id: newId(), at: new Date().toISOString() };
  try {
    return { queued: false, body: await addPhoto(cameraId, file, { sign }) };
  } catch (e) {
    if (e instanceof ApiError && e.suspended && (await keepPhoto(entry.id, file))) return keepRefused(entry, e);
    if (!retryable(e)) throw e;
    if (!(await keepPhoto(entry.id, file))) return { queued: false, full: true };
    save([...pending(), entry]);
    return { queued: true, loginRequired: e instanceof ApiError && e.status === 401 };
  }
}

/** An addition: see write(). */
export const addCamera = (feature, { confirmDuplicate = false } = {}) => write({ type: 'add', feature, confirmDuplicate });

/** What the server said when it refused an item, kept with it (the problem's fields a decision needs). */
function refusal(e) {
  const p = e.problem || {};
  return { status: e.status, type: p.type || null, detail: e.message, nearby: Array.isArray(p.nearby) ? p.nearby : [],
    errors: e.errors.map(({ field, reason }) => ({ field, reason })) };
}

/** A refused write kept on the device with the server's reason, for the volunteer to decide on later. */
function keepRefused(entry, e) {
  save([...pending(), { ...entry, refused: refusal(e) }]);
  return { queued: true, suspended: e };
}

/** The same, for an item already kept: it stays, with the server's reason. */
function setAside(id, e) {
  save(pending().map((kept) => (kept.id === id ? { ...kept, refused: refusal(e) } : kept)));
  return e.suspended ? { queued: true, suspended: e } : { queued: true };
}

/** Changes an item (a decision on a refusal clears it, so the item is sent again); null removes it. */
export function settle(id, change) {
  if (change === null) dropPhoto(id).catch(() => {}); // a photo's image goes with its item
  save(pending().flatMap((item) => {
    if (item.id !== id) return [item];
    return change === null ? [] : [{ ...item, refused: undefined, ...change }];
  }));
}

/** Discards an item, on the volunteer's word. */
export const discard = (id) => settle(id, null);

let sending = null;

/**
 * Sends what waits, oldest first; stops at the first failure worth retrying. An item the server
 * refuses is set aside with the reason (reported through onRejected), so that it never blocks the
 * queue and is never lost. A call while a sending runs joins it. Resolves to the number sent.
 */
export function flush(options = {}) {
  sending = sending || sendAll(options).finally(() => { sending = null; });
  return sending;
}

async function sendAll({ onRejected = () => {}, onSent = () => {} }) {
  let sent = 0;
  for (let next = waiting()[0]; next; next = waiting()[0]) {
    try {
      const body = await send(next);
      sent++;
      // Read again: items queued meanwhile must stay.
      save(pending().filter((item) => item.id !== next.id));
      if (next.type === 'photo') await dropPhoto(next.id).catch(() => {});
      onSent(next, body);
    } catch (e) {
      if (retryable(e)) break;
      const reason = e instanceof ApiError ? refusal(e) : { status: 0, type: null, detail: String(e.message), nearby: [], errors: [] };
      save(pending().map((item) => (item.id === next.id ? { ...item, refused: reason } : item)));
      onRejected(next, e);
    }
  }
  return sent;
}
