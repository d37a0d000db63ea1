// Starts the app: reads the settings, sets the language, builds the map and wires the panels to
// the view kept in the URL (#map=ZOOM/LAT/LON&filters&city).
import * as L from 'leaflet';
import { mapConfig, city as fetchCity, exportUrl, camera as fetchCameraById } from './api/cameras.js';
import { parseHash, formatHash, filterParams } from './state/url-state.js';
import { initialLanguage, setLanguage, language, onLanguageChange, t } from './i18n/i18n.js';
import { CameraLayer } from './map/camera-layer.js';
import { ClusterLayer } from './map/cluster-layer.js';
import { CityOutline } from './map/city-outline.js';
import { ViewLoader } from './map/view-loader.js';
import { FilterPanel } from './ui/filters.js';
import { CitySearch } from './ui/city-search.js';
import { isEmbed, renderEmbedTools, showEmbedHeadline, removeWriteControls, NOTHING_PENDING } from './ui/embed.js';
import { watchPending } from './ui/pending.js';
import { onDevice, onQueueChange } from './api/offline-queue.js';
import { PendingLayer } from './map/pending-layer.js';
import { registerServiceWorker } from './api/service-worker.js';
import { Legend } from './ui/legend.js';
import { onePanelAtATime } from './ui/one-panel.js';
import { session, onSessionChange } from './api/session.js';
import { announce } from './ui/dom.js';
import { lazy } from './ui/lazy.js';
import { AddFlow } from './ui/add-flow.js';
import { setValues } from './state/values.js';

const DEFAULT_CONFIG = { tileUrl: '/basemap/{z}/{x}/{y}.png', attribution: '© OpenStreetMap contributors', maxZoom: 19 };

const $ = (id) => document.getElementById(id);
/** The view last shown, to open there next time (offline too) when the URL names none. */
const LAST_VIEW = 'vigie.lastView';

async function start() {
  setLanguage(initialLanguage());
  const embed = isEmbed();
  document.body.classList.toggle('embed', embed);
  // An embedded map only reads: its write controls are not in the page at all (not merely hidden),
  // and nothing below builds them or sends what waits on the device (issue 19).
  if (embed) removeWriteControls(document);
  const map = L.map('map', { zoomControl: true, keyboard: true, worldCopyJump: true });
  map.attributionControl.setPrefix(false);
  map.getContainer().setAttribute('aria-label', t('map.label'));
  // The cameras are asked for at once; the base map follows when the settings have come.
  // They carry the enumerated properties' values too, which the filters, the form and the legend list.
  const tilesAdded = mapConfig().catch(() => DEFAULT_CONFIG).then((config) => {
    setValues(config.values);
    addTiles(map, config);
  });

  let state = parseHash(location.hash);
  const params = () => filterParams(state.filters, state.city);
  const cameras = new CameraLayer(map, { onSelect: (feature) => {
    sheet((s) => { s.open(feature); cameras.select(feature.id); });
    keepInUrl({ camera: feature.id, account: null }); // issue 14: the sheet's link is the page's
  } });
  const clusters = new ClusterLayer(map);
  const outline = new CityOutline(map);
  const count = $('count');
  const loader = new ViewLoader(map, {
    cameras, clusters, params,
    onCount: ({ mode, count: n }) => {
      count.textContent = t(mode === 'cameras' ? 'map.countCameras' : 'map.countClusters', { n });
      count.dataset.mode = mode;
      loadLaterModules();
    },
    onError: (e) => { loadLaterModules(); count.textContent = e === 'network' ? t('map.networkDown') : t('map.loadFailed', { reason: e.message }); },
  });

  const sheet = lazy(() => import('./ui/camera-sheet.js').then(({ CameraSheet }) => new CameraSheet($('sheet'), {
    readOnly: embed,
    onEdit: (f) => { sheet.ifLoaded((s) => s.close()); flow.start(f); },
    onClose: () => { cameras.select(null); if (state.camera) keepInUrl({ camera: null }); },
    onQueued: () => pendingBadge.show(),
    onChanged: () => refreshAfterWrite(),
  })), panelUnavailable);
  // The add flow is loaded with the map, not later: a volunteer on a poor signal must be able to
  // add a camera to the offline queue even when nothing else could be fetched.
  const flow = embed ? null : new AddFlow({
    root: $('editor'), map,
    nearbyOperators: () => operatorsByFrequency(cameras.features),
    onSaved: () => { refreshAfterWrite(); pendingBadge.show(); sitePanel.ifLoaded((p) => p.refresh()); },
    onClose: () => $('add').focus(),
    onLoginRequired: (reason) => accountPanel((panel) => panel.open(reason)),
    sitesAt: (position) => import('./api/sites.js').then(({ sitesAt }) => sitesAt(position)),
  });
  // --- Workplace sites (issue 16): the panel and the printable report, loaded when first opened
  const sitePanel = lazy(() => import('./ui/site-panel.js').then(({ SitePanel }) => new SitePanel($('site-panel'), {
    map, box: () => loader.box(),
    onAddCamera: (site, level) => flow.start(null, {
      preset: { site: { id: site.id, name: site.name }, level, zone: 'workplace', filmedArea: 'indoor' },
      sites: [{ id: site.id, name: site.name }] }),
    onEditCamera: (feature, site) => flow.start(feature, { sites: [{ id: site.id, name: site.name }] }),
    onReport: (id) => siteReport((view) => view.open(id)),
    onLoginRequired: (reason) => accountPanel((panel) => panel.open(reason)),
    onClose: () => $('sites').focus(),
  })), panelUnavailable);
  const siteReport = lazy(() => import('./ui/site-report.js').then(({ SiteReportView }) => new SiteReportView($('site-report'), {
    onClose: () => sitePanel.ifLoaded((p) => p.refresh()),
  })), panelUnavailable);
  // --- end of workplace sites
  const accountPanel = lazy(() => import('./ui/account-panel.js').then(({ AccountPanel }) => new AccountPanel({
    root: $('account-panel'),
    onLoggedIn: () => pendingBadge.send(),
    onClose: () => $('account').focus(),
    onModerate: () => moderationPanel((panel) => panel.open()),
    onImport: () => importPanel((panel) => panel.open()),
  })), panelUnavailable);
  // the administrators' Imports screen (docs/operations.md), loaded only when an admin opens it
  const importPanel = lazy(() => import('./ui/import-panel.js').then(({ ImportPanel }) => new ImportPanel(
    $('import-panel'), { onClose: () => $('account').focus(), box: () => loader.box() })), panelUnavailable);
  // issue 14: the moderators' screen, loaded only when a moderator opens it
  const moderationPanel = lazy(() => import('./ui/moderation-panel.js').then(({ ModerationPanel }) => new ModerationPanel(
    $('moderation-panel'), { onClose: () => $('account').focus() })), panelUnavailable);
  // issue 14: an account's page (#account=NAME), from a version's author, a reporter, the log
  const accountPage = lazy(() => import('./ui/account-page.js').then(({ AccountPage }) => new AccountPage($('account-page'), {
    onClose: () => { if (state.account) keepInUrl({ account: null }); },
  })), panelUnavailable);
  const showAccount = () => {
    if (embed) return;
    const current = session();
    $('account').textContent = current ? current.username : t('account.open');
    // the name a screen reader says holds the name shown (WCAG 2.5.3: a voice user says what they see)
    $('account').setAttribute('aria-label', current ? t('account.openAs', { name: current.username }) : t('account.open'));
    $('account').classList.toggle('logged-in', Boolean(current));
  };
  onSessionChange(() => { showAccount(); pendingBadge.show(); });
  showAccount();
  const filters = new FilterPanel($('filters-body'), (f) => update({ filters: structuredClone(f) }),
    (format) => exportUrl(format, { city: state.city, box: loader.box(), params: filterParams(state.filters) }),
    { onSites: () => openSites() });
  // "Am I filmed here?" (loaded on first use): the point is kept in the URL (&here=LAT/LON)
  const herePanel = lazy(() => import('./ui/here-panel.js').then(({ HerePanel }) => new HerePanel($('here-panel'), {
    map, onClose: () => { if (state.here) update({ here: null }); $('here').focus(); },
  })), panelUnavailable);
  /** After a write: the map and the city's figures show what the server holds now. */
  const refreshAfterWrite = () => {
    loader.load({ force: true });
    if (state.city && !embed) cityPanel.ifLoaded((panel) => { if (!$('city-panel').hidden) panel.show(state.city, { params: filterParams(state.filters) }); });
  };
  const cityPanel = lazy(() => import('./ui/city-panel.js').then(({ CityPanel }) => new CityPanel($('city-panel'), {
    outline, onClear: () => { $('city-search').value = ''; update({ city: null }); },
  })), panelUnavailable);
  new CitySearch($('city-search'), $('city-suggestions'), (city) => {
    update({ city: city.code }, { fitBox: city.bbox });
  });
  // The panels are loaded (not on the first screen) once the first view is drawn or has failed,
  // so that the first tap finds them: after the next frame, so that the frame showing the view
  // comes first and their compiling does not delay it.
  let panelsLoading = false;
  const loadLaterModules = () => {
    if (panelsLoading) return;
    panelsLoading = true;
    requestAnimationFrame(() => setTimeout(() => {
      (embed ? [sheet] : [sheet, accountPanel, cityPanel]).forEach((use) => use.preload());
      if (!embed) registerServiceWorker();
    }, 0));
  };
  // What waits on the device: counted, listed with the choices a refusal asks for, drawn on the map.
  const pendingBadge = embed ? NOTHING_PENDING : watchPending({
    line: $('pending'), panel: $('pending-panel'),
    onSent: () => refreshAfterWrite(),
    onCorrect: (item) => { $('pending-panel').hidden = true; flow.correct(item); },
    onOpen: () => sheet.ifLoaded((s) => s.close()),
  });
  if (!embed) {
    const pendingLayer = new PendingLayer(map, { onSelect: () => pendingBadge.open() });
    const drawPending = () => pendingLayer.show(onDevice());
    onQueueChange(drawPending);
    window.addEventListener('storage', drawPending);
    drawPending();
  }
  renderEmbedTools($('embed-tools'));
  const legend = new Legend($('legend-toggle'), $('legend'));
  const toggleFilters = (open) => {
    $('filters').hidden = !open;
    $('filters-toggle').setAttribute('aria-expanded', String(open));
  };
  // The site panel stays under the camera form while one of its cameras is placed (the stylesheet hides
  // it then), so it is not among the panels closed by another one: it closes the others itself.
  const openSites = () => {
    toggleFilters(false);
    sheet.ifLoaded((s) => s.close());
    herePanel.ifLoaded((p) => p.close());
    legend.close();
    moderationPanel.ifLoaded((p) => p.close()); // issue 16: the moderation panel covers the whole phone screen
    sitePanel((panel) => panel.open());
  };
  onePanelAtATime({
    sheet: () => sheet.ifLoaded((s) => s.close()),
    filters: () => toggleFilters(false),
    'account-panel': () => accountPanel.ifLoaded((p) => p.close()),
    'pending-panel': () => { $('pending-panel').hidden = true; },
    'here-panel': () => herePanel.ifLoaded((p) => p.close()),
    legend: () => legend.close(),
    'moderation-panel': () => moderationPanel.ifLoaded((p) => p.close()), // issue 14
    'account-page': () => accountPage.ifLoaded((p) => p.close()), // issue 14
    'import-panel': () => importPanel.ifLoaded((p) => p.close()), // the administrators' imports
  });

  /** Keeps a change in the URL without a history entry and without applying it (what is shown already). */
  function keepInUrl(change) {
    state = { ...state, ...change, view: currentView(map) };
    history.replaceState(null, '', formatHash(state));
  }

  /** Writes a new state to the URL (a history entry) and applies it. */
  function update(change, { fitBox } = {}) {
    const before = state;
    state = { ...state, ...change, view: currentView(map) };
    history.pushState(null, '', formatHash(state));
    apply(before, { fit: Boolean(fitBox), box: fitBox });
  }

  /** Brings the page in line with `state`, given what it showed before. */
  function apply(before, { fit = false, box = null } = {}) {
    filters.set(state.filters);
    // A change of filters re-renders the panel too, so that its export links follow them.
    const filtersChanged = JSON.stringify(state.filters) !== JSON.stringify(before.filters);
    if (state.city !== before.city || fit || (state.city && filtersChanged)) {
      const code = state.city;
      if (code && !embed) cityPanel((panel) => panel.show(code, { params: filterParams(state.filters), fit, box }));
      else if (code) outlineOnly(code, outline, fit);
      else cityPanel.ifLoaded((panel) => panel.hide());
      if (embed) showEmbedHeadline($('embed-tools'), code);
    }
    if (JSON.stringify(state.here) !== JSON.stringify(before.here)) {
      if (state.here) {
        sheet.ifLoaded((s) => s.close());
        herePanel((panel) => panel.show(state.here));
      } else {
        herePanel.ifLoaded((panel) => panel.close());
      }
    }
    // issue 14: a camera's link opens its sheet, an account's its page (a cold load too)
    if (state.camera !== before.camera) {
      if (state.camera) openCamera(state.camera);
      else sheet.ifLoaded((s) => { if (s.feature) s.close(); });
    }
    if (state.account !== before.account && !embed) { // an account's page holds moderation and deletion forms
      if (state.account) accountPage((page) => page.open(state.account));
      else accountPage.ifLoaded((page) => page.close());
    }
    loader.load();
  }

  /** Opens a camera's sheet by its id, the map brought to it when it is off screen. */
  async function openCamera(id) {
    try {
      const { body } = await fetchCameraById(id);
      if (state.camera !== id) return; // another link was followed meanwhile
      const [lon, lat] = body.geometry.coordinates;
      if (!map.getBounds().contains([lat, lon])) map.setView([lat, lon], Math.max(map.getZoom(), 17), { animate: false });
      sheet((s) => { s.open(body); cameras.select(id); });
    } catch (e) {
      announce(t('link.cameraGone', { id, reason: e.message }), { error: true });
    }
  }

  // The back button and a pasted URL bring their view, filters and city back.
  window.addEventListener('popstate', () => fromUrl());
  window.addEventListener('hashchange', () => fromUrl());
  function fromUrl() {
    const before = state;
    state = parseHash(location.hash);
    const view = state.view || before.view;
    if (view) map.setView([view.lat, view.lon], view.zoom, { animate: false });
    apply(before);
  }

  map.on('moveend', () => {
    state = { ...state, view: currentView(map) };
    history.replaceState(null, '', formatHash(state));
    try {
      localStorage.setItem(LAST_VIEW, formatHash({ view: state.view, filters: {} }).replace(/^#map=/, ''));
    } catch {
      // private browsing: the next visit opens on the default view
    }
  });

  // The URL's view, else the last one seen on this device, else the default view index.html names
  // (js/first-view.js chooses alike and asks for its counts before this module runs).
  const view = state.view || lastView() || parseHash(`map=${$('map').dataset.defaultView}`).view;
  map.setView([view.lat, view.lon], view.zoom);
  apply({ filters: {}, city: null });

  if (!embed) {
    $('add').addEventListener('click', () => { sheet.ifLoaded((s) => s.close()); flow.start(); });
    $('account').addEventListener('click', () => accountPanel((panel) => panel.open()));
    $('sites').addEventListener('click', () => openSites());
  }
  $('filters-toggle').addEventListener('click', () => toggleFilters($('filters').hidden));
  $('here').addEventListener('click', () => askHere(map, (point) => update({ here: point })));
  // a long press on a phone (a right click on a desktop) asks at that point; so does the keyboard (issue 15)
  const askAt = (point) => { if (!flow || !flow.open) update({ here: point }); };
  map.on('contextmenu', (e) => askAt({ lat: e.latlng.lat, lon: e.latlng.lng }));
  const keyboardPoint = lazy(() => import('./ui/keyboard-point.js').then(({ KeyboardPoint }) => new KeyboardPoint({
    map, bar: $('here-keys'), button: $('here-keyboard'), onChoose: askAt })), panelUnavailable);
  $('here-keyboard').addEventListener('click', () => keyboardPoint((k) => {
    herePanel.ifLoaded((p) => p.close());
    k.start();
  }));
  $('lang').addEventListener('click', () => setLanguage(language() === 'fr' ? 'en' : 'fr'));
  onLanguageChange(() => {
    filters.render();
    pendingBadge.show();
    showAccount();
    map.getContainer().setAttribute('aria-label', t('map.label'));
    loader.load({ force: true });
    // every panel open follows the language (the sheet, the list of what waits and the others listen themselves)
    accountPanel.ifLoaded((panel) => { if (!$('account-panel').hidden) panel.render(); });
    if (state.city && !embed) cityPanel.ifLoaded((panel) => { if (!$('city-panel').hidden) panel.show(state.city, { params: filterParams(state.filters) }); });
  });
  await tilesAdded;
  document.body.dataset.ready = 'true';
}

/** "Am I filmed here?" at the volunteer's position, the map brought there. */
function askHere(map, ask) {
  if (!navigator.geolocation) return announce(t('here.locateFailed'), { error: true });
  announce(t('here.locating'));
  // a position from the last few seconds only: "am I filmed here?" is asked where one stands now
  navigator.geolocation.getCurrentPosition((pos) => {
    const point = { lat: pos.coords.latitude, lon: pos.coords.longitude };
    map.setView([point.lat, point.lon], Math.max(17, map.getZoom()), { animate: false });
    ask(point);
  }, () => announce(t('here.locateFailed'), { error: true }), { enableHighAccuracy: true, timeout: 15000, maximumAge: 5000 });
}

function lastView() {
  try {
    return parseHash(`map=${localStorage.getItem(LAST_VIEW) || ''}`).view;
  } catch {
    return null;
  }
}

/** A panel's module could not be fetched: said, and tried again on the next tap. */
function panelUnavailable() {
  announce(t('map.networkDown'), { error: true });
}

function addTiles(map, config) {
  L.tileLayer(config.tileUrl, { maxZoom: config.maxZoom, attribution: escapeText(config.attribution) }).addTo(map);
  // The cameras imported from OpenStreetMap are credited even when the tiles come from elsewhere.
  if (!/OpenStreetMap/.test(config.attribution)) map.attributionControl.addAttribution(escapeText(t('map.dataCredit')));
  // How current the OpenStreetMap data is, once the instance follows it (docs/openstreetmap.md).
  import('./ui/osm-freshness.js').then(({ showOsmFreshness }) => showOsmFreshness(map, escapeText)).catch(() => {});
}

function currentView(map) {
  const c = map.getCenter().wrap(); // past ±180° the URL would not be read back
  return { zoom: Math.round(map.getZoom()), lat: c.lat, lon: c.lng };
}

function outlineOnly(code, outline, fit) {
  fetchCity(code).then((feature) => outline.show(feature, { fit })).catch(() => outline.clear());
}

/** Operators of the cameras on screen, the most frequent first: suggestions for a new camera. */
function operatorsByFrequency(features) {
  const counts = new Map();
  for (const f of features) {
    const name = f.properties.operator;
    if (name) counts.set(name, (counts.get(name) || 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([name]) => name);
}

/** The configured attribution is text: Leaflet renders it as HTML, so it is escaped here. */
function escapeText(text) {
  const div = document.createElement('div');
  div.textContent = text;
  return div.innerHTML;
}

start().catch((e) => announce(String(e && e.message ? e.message : e), { error: true }));
