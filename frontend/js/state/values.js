// The allowed values of each enumerated camera property (kind, cameraType, zone, ...), as the server
// lists them: GET /api/config `values`, built from the Java enums (CameraValues). The front end keeps
// no list of its own, only labels (i18n) and looks (map/style.js) keyed by value, so that a value
// added to an enum reaches the filters, the form and the legend without touching them.
// The last lists received are kept on the device: the add form works offline, and a returning
// visitor sees the filters at once instead of after the settings' round trip.

const KEPT = 'vigie.values';
const listeners = new Set();
let current = readKept();

/** The values of `property`, in the server's order; [] while they are not known yet. */
export const valuesOf = (property) => current[property] || [];

/** True once some lists are known (received now or kept from an earlier visit). */
export const valuesKnown = () => Object.keys(current).length > 0;

/** Takes the lists of GET /api/config `values`; anything else (an older server, an error) is ignored. */
export function setValues(values) {
  const lists = wellFormed(values);
  if (!lists || JSON.stringify(lists) === JSON.stringify(current)) return;
  current = lists;
  try {
    globalThis.localStorage?.setItem(KEPT, JSON.stringify(lists));
  } catch {
    // a full or disabled storage only costs the offline copy
  }
  listeners.forEach((listener) => listener());
}

/** Calls `listener` each time the lists change; returns what unsubscribes it. */
export function onValuesChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** { property: [value, ...] } with strings only, or null. */
function wellFormed(values) {
  if (!values || typeof values !== 'object' || Array.isArray(values)) return null;
  const entries = Object.entries(values)
    .filter(([, list]) => Array.isArray(list) && list.every((v) => typeof v === 'string'));
  return entries.length ? Object.fromEntries(entries) : null;
}

function readKept() {
  try {
    return wellFormed(JSON.parse(globalThis.localStorage?.getItem(KEPT) || 'null')) || {};
  } catch {
    return {};
  }
}
