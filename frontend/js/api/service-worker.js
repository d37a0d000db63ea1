// Registers the service worker (/sw.js) once the first view is drawn, so that it adds no request
// before it: the app then opens without network, with what was last viewed. What this visit
// fetched before the worker ran (the first view's counts and cameras, its tiles) is handed over
// for it to keep too. The worker checks for a new version of itself at each visit (never from the
// HTTP cache), and takes over at once: a deployment reaches the next visit.

/** Reads the worker keeps: the map's (same list as sw.js's KEPT_READS, plus tiles). */
const KEEP = /^\/(basemap\/|api\/(config$|cameras$|cameras\/clusters$|cameras\/\d+$|cities(\/|$)))/;

/** How many map areas and tiles the device keeps is the instance's (GET /api/config, `offline`): the worker reads it there. */
export function registerServiceWorker() {
  if (!('serviceWorker' in navigator) || !globalThis.isSecureContext) return Promise.resolve(null);
  return navigator.serviceWorker.register('/sw.js', { updateViaCache: 'none' })
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => {
      registration.active?.postMessage({ type: 'keep', urls: fetchedSoFar() });
      return registration;
    })
    .catch(() => null); // a browser that refuses (private mode): the app works online as before
}

function fetchedSoFar() {
  return performance.getEntriesByType('resource').map((e) => new URL(e.name))
    .filter((u) => u.origin === location.origin && KEEP.test(u.pathname) && !u.searchParams.has('confirmDuplicate'))
    .map((u) => u.href);
}
