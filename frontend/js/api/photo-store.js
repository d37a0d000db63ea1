// Photos taken without network wait in IndexedDB (localStorage holds text only, and too little),
// each under the id of its item in the offline queue. The total is capped at STORE_LIMIT_BYTES,
// stated to the volunteer: past it, a photo is refused on the device instead of filling the phone.
const DB = 'vigie-photos';
const STORE = 'photos';
export const STORE_LIMIT_BYTES = 50 * 1024 * 1024;

function open() {
  return new Promise((resolve, reject) => {
    if (!globalThis.indexedDB) return reject(new Error('IndexedDB unavailable'));
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run(mode, action) {
  const db = await open();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = action(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request ? request.result : undefined);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

/** The bytes the waiting photos take. */
export async function storedBytes() {
  const all = await run('readonly', (store) => store.getAll());
  return all.reduce((sum, photo) => sum + photo.blob.size, 0);
}

/** Keeps a photo; resolves to false (nothing kept) when it would pass the limit. */
export async function keepPhoto(id, file) {
  if ((await storedBytes()) + file.size > STORE_LIMIT_BYTES) return false;
  await run('readwrite', (store) => store.put({ blob: file, name: file.name || 'photo', type: file.type }, id));
  return true;
}

/** The photo kept under `id`, as a File, or null. */
export async function photo(id) {
  const kept = await run('readonly', (store) => store.get(id));
  return kept ? new File([kept.blob], kept.name, { type: kept.type }) : null;
}

export const dropPhoto = (id) => run('readwrite', (store) => store.delete(id));
