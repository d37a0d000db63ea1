// Vigie's service worker: the app opens without network, with what the volunteer last looked at.
// - The app's own files: network first (the server answers 304 when nothing changed, so a new
//   version runs at the next visit), the copy kept here when the network fails.
// - The map's reads (cameras, counts, a camera, the settings, cities): network first, the last
//   answer kept here; offline, the same request is answered from it, or else the kept answer of the
//   same kind whose box overlaps the view most (so a slightly different screen still shows cameras).
// - Tiles: from here when kept (tiles rarely change), else from the network and kept.
// Kept answers are bounded in number (see LIMITS, set by the instance in GET /api/config); the
// oldest go first. Only public reads are kept: writes never pass through here, and GET requests
// carry no account token (api/client.js). Nothing is sent anywhere by this file.
'use strict';

const APP = 'vigie-app';
const DATA = 'vigie-data';
const TILES = 'vigie-tiles';
/**
 * Answers kept at most: map areas (cameras or counts of a view) and tiles (about 10 to 30 kB each).
 * The instance sets them (GET /api/config, `offline`): read from each settings answer passing by,
 * and, as a worker's memory does not outlive it, from the settings answer kept here.
 */
const LIMITS = { [DATA]: 300, [TILES]: 2000 };
const CONFIG = '/api/config';
let limitsRead = null;

function takeLimits(settings) {
  const offline = (settings && settings.offline) || {};
  if (Number(offline.areas) >= 1) LIMITS[DATA] = Math.floor(Number(offline.areas));
  if (Number(offline.tiles) >= 1) LIMITS[TILES] = Math.floor(Number(offline.tiles));
}

/** The limits, once read from the settings kept here (if any). */
function limits() {
  limitsRead = limitsRead || caches.match(CONFIG, { cacheName: DATA })
    .then((kept) => (kept ? kept.json() : null)).then(takeLimits).catch(() => {});
  return limitsRead.then(() => LIMITS);
}

/** Everything the app needs to open offline (frontend/test/service-worker.test.js keeps it exact). */
const APP_FILES = [
  '/',
  '/css/app.css',
  '/webjars/leaflet/dist/leaflet.css',
  '/webjars/leaflet/dist/leaflet-src.esm.js',
  '/js/first-view.js',
  '/js/main.js',
  '/js/api/accounts.js',
  '/js/api/altcha-worker.js',
  '/js/api/cameras.js',
  '/js/api/client.js',
  '/js/api/imports.js',
  '/js/api/moderation.js',
  '/js/api/offline-queue.js',
  '/js/api/osm.js',
  '/js/api/photo-store.js',
  '/js/api/photos.js',
  '/js/api/registration-challenge.js',
  '/js/api/service-worker.js',
  '/js/api/session.js',
  '/js/api/sites.js',
  '/js/api/watch.js',
  '/js/dossier/cada-letter.js',
  '/js/dossier/dossier-page.js',
  '/js/dossier/letter-page.js',
  '/js/dossier/outline.js',
  '/js/dossier/register-forms.js',
  '/js/dossier/register-history.js',
  '/js/geo/cone.js',
  '/js/geo/plan-bounds.js',
  '/js/geo/sphere.js',
  '/js/i18n/en.js',
  '/js/i18n/en-watch.js',
  '/js/i18n/en-workplace.js',
  '/js/i18n/en-admin.js',
  '/js/i18n/fr.js',
  '/js/i18n/fr-watch.js',
  '/js/i18n/fr-workplace.js',
  '/js/i18n/fr-admin.js',
  '/js/i18n/i18n.js',
  '/js/map/camera-layer.js',
  '/js/map/city-outline.js',
  '/js/map/cluster-layer.js',
  '/js/map/floor-plan-layer.js',
  '/js/map/here-layer.js',
  '/js/map/pending-layer.js',
  '/js/map/placement.js',
  '/js/map/style.js',
  '/js/map/view-loader.js',
  '/js/state/url-state.js',
  '/js/state/values.js',
  '/js/ui/access-letter.js',
  '/js/ui/account-panel.js',
  '/js/ui/account-security.js',
  '/js/ui/account-page.js',
  '/js/ui/add-flow.js',
  '/js/ui/camera-form.js',
  '/js/ui/camera-photos.js',
  '/js/ui/camera-sheet.js',
  '/js/ui/camera-history.js',
  '/js/ui/camera-link.js',
  '/js/ui/charts.js',
  '/js/ui/city-panel.js',
  '/js/ui/city-search.js',
  '/js/ui/compass.js',
  '/js/ui/direction-fields.js',
  '/js/ui/dom.js',
  '/js/ui/embed.js',
  '/js/ui/floor-plan-editor.js',
  '/js/ui/filters.js',
  '/js/ui/here-panel.js',
  '/js/ui/import-file.js',
  '/js/ui/import-list-options.js',
  '/js/ui/import-panel.js',
  '/js/ui/import-report.js',
  '/js/ui/keyboard-point.js',
  '/js/ui/lazy.js',
  '/js/ui/legend.js',
  '/js/ui/moderation-panel.js',
  '/js/ui/one-panel.js',
  '/js/ui/osm-consent.js',
  '/js/ui/osm-freshness.js',
  '/js/ui/osm-panel.js',
  '/js/ui/osm-sync-state.js',
  '/js/ui/pending.js',
  '/js/ui/site-history.js',
  '/js/ui/site-panel.js',
  '/js/ui/site-report.js',
  '/js/ui/watch-summary.js',
];

/** The reads kept for offline use: public, and what the map shows. */
const KEPT_READS = /^\/api\/(config$|cameras$|cameras\/clusters$|cameras\/\d+$|cities(\/|$))/;

self.addEventListener('install', (event) => {
  // `no-cache`: the copies kept are the server's current files, not the browser's older ones
  event.waitUntil(caches.open(APP)
    .then((cache) => cache.addAll(APP_FILES.map((url) => new Request(url, { cache: 'no-cache' }))))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((n) => ![APP, DATA, TILES].includes(n)).map((n) => caches.delete(n))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/q/')) return;
  if (url.pathname.startsWith('/basemap/')) {
    event.respondWith(cacheFirst(request, TILES, event));
  } else if (url.pathname.startsWith('/api/')) {
    if (KEPT_READS.test(url.pathname)) event.respondWith(networkFirst(request, DATA, event, () => nearest(url)));
  } else {
    event.respondWith(networkFirst(request, APP, event,
      () => (request.mode === 'navigate' ? caches.match('/', { cacheName: APP }) : null)));
  }
});

/** The page hands over what it fetched before this worker ran (the first visit), to keep it too. */
self.addEventListener('message', (event) => {
  const data = event.data || {};
  if (data.type !== 'keep' || !Array.isArray(data.urls)) return;
  event.waitUntil(Promise.all(data.urls.slice(0, 200).map((href) => {
    const url = new URL(href, self.location.origin);
    if (url.origin !== self.location.origin) return null;
    const name = url.pathname.startsWith('/basemap/') ? TILES : KEPT_READS.test(url.pathname) ? DATA : null;
    if (!name) return null;
    return caches.open(name).then(async (cache) => {
      if (await cache.match(url.href)) return;
      const response = await fetch(url.href, { headers: { Accept: 'application/geo+json, application/json' } });
      if (response.ok) await keep(cache, name, url.href, response);
    }).catch(() => {});
  })));
});

async function networkFirst(request, name, event, fallback) {
  const cache = await caches.open(name);
  try {
    const response = await fetch(request);
    // only whole, successful answers are kept: an error page must not replace the last good one
    if (response.ok && response.status === 200) event.waitUntil(keep(cache, name, request.url, response.clone()));
    return response;
  } catch (e) {
    const kept = (await cache.match(request)) || (await fallback());
    if (kept) return kept;
    throw e;
  }
}

async function cacheFirst(request, name, event) {
  const cache = await caches.open(name);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok && response.status === 200) event.waitUntil(keep(cache, name, request.url, response.clone()));
  return response;
}

/** Keeps an answer as the newest, and lets the oldest go beyond the limit. */
async function keep(cache, name, url, response) {
  // fresh settings (from the network, or handed over by the page): their limits apply from now on
  if (new URL(url).pathname === CONFIG) limitsRead = response.clone().json().then(takeLimits).catch(() => {});
  await cache.delete(url); // put again at the end: the keys' order is the order of keeping
  await cache.put(url, response);
  const limit = (await limits())[name];
  if (!limit) return;
  const keys = await cache.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - limit))) await cache.delete(old);
}

/**
 * Offline, for a view never asked exactly: the kept answer of the same endpoint and the same other
 * parameters (filters, zoom, limit) whose box overlaps this one most. Its cameras outside the view
 * are simply drawn off screen.
 */
async function nearest(url) {
  const box = parseBox(url.searchParams.get('bbox'));
  if (!box) return null;
  const rest = withoutBox(url);
  const cache = await caches.open(DATA);
  let best = null;
  let bestArea = 0;
  for (const key of await cache.keys()) {
    const kept = new URL(key.url);
    if (withoutBox(kept) !== rest) continue;
    const other = parseBox(kept.searchParams.get('bbox'));
    const area = other ? overlap(box, other) : 0;
    if (area > bestArea) {
      best = key;
      bestArea = area;
    }
  }
  return best ? cache.match(best) : null;
}

function withoutBox(url) {
  const q = new URLSearchParams(url.searchParams);
  q.delete('bbox');
  q.sort();
  return `${url.pathname}?${q}`;
}

function parseBox(text) {
  const v = String(text || '').split(',').map(Number);
  return v.length === 4 && v.every(Number.isFinite) ? v : null;
}

function overlap(a, b) {
  const w = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
  const h = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
  return w > 0 && h > 0 ? w * h : 0;
}
