// Additions made without network wait in localStorage and are sent when the network is back.
// Only a network failure queues an addition: an answer from the server (even an error) is final.
import { NetworkError } from './client.js';
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

/** Sends an addition now, or keeps it for later when the network fails. Resolves to {queued, body}. */
export async function addCamera(feature) {
  try {
    const { body } = await createCamera(feature);
    return { queued: false, body };
  } catch (e) {
    if (!(e instanceof NetworkError)) throw e;
    save([...pending(), { feature, at: new Date().toISOString() }]);
    return { queued: true };
  }
}

/**
 * Sends what waits, oldest first; stops at the first network failure. An addition the server
 * refuses is dropped (and reported through onRejected) so that it never blocks the queue.
 */
export async function flush({ onRejected = () => {} } = {}) {
  let list = pending();
  let sent = 0;
  while (list.length) {
    try {
      await createCamera(list[0].feature);
      sent++;
    } catch (e) {
      if (e instanceof NetworkError) break;
      onRejected(list[0], e);
    }
    list = list.slice(1);
    save(list);
  }
  return sent;
}
