// The view in the URL, like openstreetmap.org: #map=ZOOM/LAT/LON, then the filters and the city
// (#map=16/45.19030/5.72630&kind=camera,alpr&city=38185). Pure functions, tested with node --test.

export const FILTERS = ['kind', 'cameraType', 'operatorType', 'operator', 'signage', 'status',
  // issue 16: the workplace filters
  'zone', 'filmedArea', 'filmsWorkstations', 'capabilities', 'level', 'site',
  // issue 15: the cameras nobody confirmed for long (toRecheck=true), for volunteers to go and look
  'toRecheck',
  // issue 17: the true date (a day, month or year; firstSeenTo=2014 is "before 2015") and the sign's words
  'firstSeenFrom', 'firstSeenTo', 'signNamesOperator', 'signGivesContact'];

// issue 17: the date filters take one period, as the server reads it
const DATE_FILTERS = ['firstSeenFrom', 'firstSeenTo'];
const PERIOD = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** Reads a hash ("#map=..." or "map=...") into {view, filters, city}; bad parts are ignored (js/first-view.js reads the view alike). */
export function parseHash(hash) {
  const params = new URLSearchParams(String(hash || '').replace(/^#/, ''));
  const state = { view: null, filters: {}, city: null };
  const m = /^(\d{1,2})\/(-?\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)$/.exec(params.get('map') || '');
  if (m) {
    const zoom = Number(m[1]);
    const lat = Number(m[2]);
    const lon = Number(m[3]);
    if (zoom <= 22 && Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
      state.view = { zoom, lat, lon };
    }
  }
  for (const name of FILTERS) {
    const raw = params.get(name);
    if (raw) {
      const values = raw.split(',').map((v) => v.trim()).filter(Boolean);
      // toRecheck takes one value: another (a hand-edited link) would make the server refuse the whole view
      if (name === 'toRecheck' && !(values.length === 1 && ['true', 'false'].includes(values[0]))) continue;
      if (DATE_FILTERS.includes(name) && !(values.length === 1 && PERIOD.test(values[0]))) continue;
      if (values.length) state.filters[name] = name === 'operator' ? [raw.trim()] : values;
    }
  }
  const city = params.get('city');
  if (city && /^[\w.-]{1,40}$/.test(city)) state.city = city; // as long as a code may be
  // "am I filmed here?" asked at a point: LAT/LON, kept so that a result can be shared
  const here = /^(-?\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)$/.exec(params.get('here') || '');
  if (here && Math.abs(Number(here[1])) <= 90 && Math.abs(Number(here[2])) <= 180) {
    state.here = { lat: Number(here[1]), lon: Number(here[2]) };
  }
  // issue 14: a camera's sheet (#camera=42) and an account's page (#account=name), kept with the view
  const camera = params.get('camera');
  if (camera && /^\d{1,18}$/.test(camera)) state.camera = Number(camera);
  const account = params.get('account');
  if (account && /^[A-Za-z0-9_.-]{3,40}$/.test(account)) state.account = account;
  return state;
}

/** The hash for a state; coordinates are rounded to what the zoom can show (as OSM does). */
export function formatHash({ view, filters = {}, city = null, here = null, camera = null, account = null }) {
  const parts = [];
  if (view) {
    const digits = Math.max(0, Math.min(7, Math.ceil(Math.log10(2 ** view.zoom) + 0.5)));
    parts.push(`map=${view.zoom}/${view.lat.toFixed(digits)}/${view.lon.toFixed(digits)}`);
  }
  for (const name of FILTERS) {
    const values = filters[name];
    if (values && values.length) parts.push(`${name}=${encodeURIComponent(values.join(','))}`);
  }
  if (city) parts.push(`city=${encodeURIComponent(city)}`);
  if (here) parts.push(`here=${here.lat.toFixed(6)}/${here.lon.toFixed(6)}`); // about 10 cm
  if (camera) parts.push(`camera=${camera}`);
  if (account) parts.push(`account=${encodeURIComponent(account)}`);
  return '#' + parts.join('&');
}

/** The current URL's hash with a change (a camera's or an account's link keeps the view and filters). */
export function hashWith(change, hash = globalThis.location ? location.hash : '') {
  return formatHash({ ...parseHash(hash), ...change });
}

/** issue 17: a date filter's period (yyyy, yyyy-mm or yyyy-mm-dd) as a day, its first or, when `end`, its last
 * (as the server reads it: firstSeenTo=2014 is 2014-12-31); '' for none. */
export function asDay(period, end) {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(period || '');
  if (!m) return '';
  if (m[3]) return period;
  if (m[2]) {
    if (!end) return `${m[1]}-${m[2]}-01`;
    const last = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate(); // day 0 of the next month
    return `${m[1]}-${m[2]}-${String(last).padStart(2, '0')}`;
  }
  return end ? `${m[1]}-12-31` : `${m[1]}-01-01`;
}

/** The query parameters of the camera API for a set of filters and a city. */
export function filterParams(filters = {}, city = null) {
  const params = new URLSearchParams();
  for (const name of FILTERS) {
    const values = filters[name];
    if (values && values.length) params.set(name, values.join(','));
  }
  if (city) params.set('city', city);
  return params;
}
