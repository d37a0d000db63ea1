// A camera's history in its sheet (issue 14), like OpenStreetMap's: each version, newest first, with
// the old and the new value of every field it changed, its author (a link to the account's page),
// its date (the day; the exact time for moderators) and its action; a volunteer may take the camera
// back to an earlier version (a new version, as the revert API writes it).
import { h, fill, announce, formatDate, formatDay } from './dom.js';
import { t, valueLabel, language } from '../i18n/i18n.js';
import { historyAsReader, revertCamera } from '../api/cameras.js';
import { session } from '../api/session.js';
import { ApiError } from '../api/client.js';
import { hashWith } from '../state/url-state.js';

const ENUMS = new Set(['kind', 'cameraType', 'mount', 'filmedArea', 'zone', 'filmsWorkstations', 'operatorType', 'signage',
  'status', 'capabilities', 'staffInformed', 'staffBodyConsulted']);

/**
 * Fills `list` with the camera's versions. `current()` resolves to the version the sheet shows (the
 * revert sends it as If-Match); `onReverted` follows a revert. `readOnly` (an embedded map): no revert,
 * and the reads carry no token.
 */
export async function showHistory(list, cameraId, { current, onReverted, readOnly = false }) {
  const account = readOnly ? null : session();
  try {
    const versions = await historyAsReader(cameraId, account?.token);
    const byVersion = new Map(versions.map((v) => [v.version, v]));
    const newest = versions.length ? versions[versions.length - 1].version : 0;
    fill(list, versions.slice().reverse().map((v) => versionItem(v, byVersion.get(v.version - 1), {
      revert: account && v.version !== newest && hasContent(v)
        ? async () => revert(cameraId, await current(), v.version, onReverted) : null,
    })));
  } catch (e) {
    fill(list, h('li', { class: 'error' }, e.message));
  }
}

/** One version: who, what, when, and each field from its old value to its new one. */
function versionItem(v, previous, { revert }) {
  const author = v.author
    ? h('a', { href: hashWith({ account: v.author }), class: 'author' }, v.author)
    : t('sheet.imported');
  const when = v.at ? formatDate(v.at, language()) : formatDay(v.date, language());
  // showing or hiding is said by the action itself
  const changes = (v.changedFields || []).filter((f) => f !== 'visible');
  return h('li', { class: 'version', dataset: { version: v.version } },
    h('p', { class: 'version-head' }, t('history.head', { version: v.version, action: valueLabel('action', v.action) }), ' ',
      author, ` · ${when}`, v.reason ? ` · ${v.reason}` : ''),
    changes.length && previous ? h('dl', { class: 'diff' }, changes.flatMap((field) => [
      h('dt', {}, fieldLabel(field)),
      h('dd', {}, h('del', {}, show(field, valueOf(previous, field))), ' → ', h('ins', {}, show(field, valueOf(v, field)))),
    ])) : null,
    revert ? revertAction(v.version, revert) : null);
}

/** "Back to this version", then a second tap to confirm it (no browser dialog: one thumb, one screen). */
function revertAction(version, revert) {
  const confirm = h('button', { type: 'button', class: 'primary revert-confirm', hidden: true, onclick: () => revert() },
    t('history.revertConfirm', { version }));
  const ask = h('button', { type: 'button', class: 'link revert-to', onclick: () => { ask.hidden = true; confirm.hidden = false; confirm.focus(); } },
    t('history.revertTo', { version }));
  return h('p', { class: 'actions' }, ask, confirm);
}

/** Whether going back to this version means something: one that only hid or showed the camera does not. */
const hasContent = (v) => !['delete', 'hide', 'restore', 'merge'].includes(v.action) && v.feature;

async function revert(cameraId, current, version, onReverted) {
  try {
    await revertCamera(cameraId, current, version);
    announce(t('history.reverted', { version }));
    onReverted();
  } catch (e) {
    if (e instanceof ApiError && e.status === 409) announce(t('history.revertConflict'), { error: true });
    else if (e instanceof ApiError && (e.status === 401 || e.status === 403)) announce(t('sheet.loginRequired'), { error: true });
    else announce(e.message, { error: true });
  }
}

function valueOf(v, field) {
  if (!v || !v.feature) return undefined;
  if (field === 'geometry') return v.feature.geometry;
  return v.feature.properties ? v.feature.properties[field] : undefined;
}

function fieldLabel(field) {
  if (field === 'geometry') return t('history.position');
  const label = t(`field.${field}`);
  return label === `field.${field}` ? field : label;
}

/** A value in plain words: an enumeration's label, a list, a position, "not given". */
function show(field, value) {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length)) return t('sheet.none');
  if (field === 'geometry' && value.coordinates) return value.coordinates.slice(0, 2).reverse().map((c) => c.toFixed(6)).join(', ');
  if (field === 'directions' && Array.isArray(value)) return value.map((d) => `${d}°`).join(', ');
  if (Array.isArray(value)) return value.map((x) => (ENUMS.has(field) ? valueLabel(field, x) : String(x))).join(', ');
  if (typeof value === 'object') return value.name ?? JSON.stringify(value);
  if (ENUMS.has(field)) return valueLabel(field, value);
  return String(value);
}

