// The camera sheet: every field in plain words, its trust (status, confirmations), last change,
// history, and the actions confirm / report gone / edit. A bottom sheet on a phone, a side panel
// on a wider screen (CSS), never a Leaflet popup: everything here is built node by node.
import { h, fill, announce, formatDay } from './dom.js';
import { t, valueLabel, language, onLanguageChange } from '../i18n/i18n.js';
import { camera as fetchCamera } from '../api/cameras.js';
import { showHistory } from './camera-history.js';
import { shareAction } from './camera-link.js';
import { write } from '../api/offline-queue.js';
import { ApiError, NetworkError } from '../api/client.js';
import { photosSection } from './camera-photos.js';
import { embedAction } from './embed.js';
import { parseHash, formatHash } from '../state/url-state.js';
import { valuesOf } from '../state/values.js';

const ENUM_FIELDS = ['kind', 'cameraType', 'mount', 'filmedArea', 'zone', 'filmsWorkstations', 'operatorType', 'signage', 'status'];

export class CameraSheet {
  /**
   * @param {HTMLElement} root
   * @param {{onEdit: (feature) => void, onClose: () => void, readOnly?: boolean}} options `readOnly`
   *   (an embedded map): the sheet is built without its actions, the report form and the photo upload
   */
  constructor(root, { onEdit, onClose, onQueued = () => {}, onChanged = () => {}, readOnly = false }) {
    Object.assign(this, { root, onEdit, onClose, onQueued, onChanged, readOnly, feature: null });
    root.addEventListener('keydown', (e) => { if (e.key === 'Escape') this.close(); });
    // An open sheet follows a change of language, where the focus is (the language button).
    onLanguageChange(() => { if (!root.hidden && this.feature) this.open(this.feature, { focus: false }); });
  }

  /**
   * Shows a camera: at once with what the map's marker carries (the list answers `view=map`), then
   * every field once the full camera has come (GET /api/cameras/{id}); editing starts from the full one.
   */
  open(feature, { focus = true } = {}) {
    this.feature = feature;
    const fields = h('dl', { class: 'fields' }, fieldRows(feature.properties));
    const historyList = h('ol', { class: 'history', hidden: true });
    const historyButton = h('button', { type: 'button', class: 'link history-toggle', 'aria-expanded': 'false',
      onclick: () => this.toggleHistory(historyButton, historyList) }, t('sheet.history'));
    fill(this.root,
      h('header', {},
        h('h2', { id: 'sheet-title', tabindex: '-1' }, t('sheet.title', { id: feature.id })),
        h('button', { type: 'button', class: 'close', 'aria-label': t('sheet.close'), onclick: () => this.close() }, '×')),
      photosSection(feature.id, { readOnly: this.readOnly }),
      fields,
      this.readOnly ? null : h('p', { class: 'actions' },
        h('button', { type: 'button', class: 'confirm', onclick: () => this.trust({ type: 'confirm', cameraId: feature.id }, 'sheet.confirmed') }, t('sheet.confirm')),
        h('button', { type: 'button', onclick: () => this.edit() }, t('sheet.edit')),
        shareAction(feature.id),
        embedAction(() => cameraView(feature))),
      this.readOnly ? null : reportForm(feature.id, (reason) => this.trust({ type: 'report', cameraId: feature.id, reason }, 'sheet.reported')),
      h('p', {}, historyButton, ' ', h('a', { href: `/api/cameras/${feature.id}/history`, class: 'muted' }, 'JSON')),
      historyList);
    this.root.hidden = false;
    if (focus) this.root.querySelector('#sheet-title').focus();
    this.full = isFull(feature) ? Promise.resolve(feature) : this.loadFull(feature, fields);
  }

  /** The full camera, its fields shown when it comes; null when it could not be read (offline). */
  async loadFull(marker, fields) {
    fields.setAttribute('aria-busy', 'true');
    try {
      const { body } = await fetchCamera(marker.id);
      if (this.feature !== marker) return body; // another camera was opened meanwhile
      this.feature = body;
      fill(fields, fieldRows(body.properties));
      return body;
    } catch (e) {
      const reason = e instanceof NetworkError ? t('sheet.detailsUnavailable') : e.message;
      if (this.feature === marker) fields.after(h('p', { class: 'muted details-unavailable' }, reason));
      return null;
    } finally {
      fields.removeAttribute('aria-busy');
    }
  }

  /** Edits the full camera: a form built from the marker alone would send its other fields back empty. */
  async edit() {
    const shown = this.feature.id;
    const full = await this.full;
    // another camera was opened while this one loaded (the full camera replaces the marker: same id)
    if (!this.feature || this.feature.id !== shown) return;
    if (full) this.onEdit(full);
    else announce(t('sheet.detailsUnavailable'), { error: true });
  }

  /** A confirmation or report: sent now, or kept on the device until the network is back (offline-queue.js). */
  async trust(item, thanksKey) {
    try {
      const result = await write(item);
      if (result.suspended) {
        announce(t('account.suspendedKept', { reason: result.suspended.problem?.reason ?? '' }), { error: true });
        return this.onQueued();
      }
      if (result.queued) {
        announce(t(result.loginRequired ? 'sheet.queuedLogin' : 'sheet.queued'));
        return this.onQueued();
      }
      const outcome = result.body;
      // The server says when a confirmation or report did not count (the author's own, a repeat).
      announce(outcome && outcome.counted === false ? t(`sheet.notCounted.${outcome.reason}`) : t(thanksKey));
      this.refresh(item.cameraId);
    } catch (e) {
      if (e instanceof ApiError && e.missing) announce(t('sheet.trustUnavailable'), { error: true });
      else if (e instanceof ApiError && (e.status === 401 || e.status === 403)) announce(t('sheet.loginRequired'), { error: true });
      else if (e instanceof NetworkError) announce(t('map.networkDown'), { error: true });
      else announce(e.message, { error: true });
    }
  }

  /** After a write: the sheet shows the camera as it is now (its confirmations, its status), and the map too. */
  async refresh(id) {
    this.onChanged();
    if (!this.feature || this.feature.id !== id) return;
    try {
      const { body } = await fetchCamera(id);
      if (this.feature && this.feature.id === id && !this.root.hidden) {
        this.feature = body;
        this.full = Promise.resolve(body);
        fill(this.root.querySelector('.fields'), fieldRows(body.properties));
      }
    } catch {
      // offline again: the sheet keeps what it showed
    }
  }

  /** The history (camera-history.js): each version's old and new values, and going back to one. */
  toggleHistory(button, list) {
    const open = list.hidden;
    list.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (!open || list.childElementCount) return;
    const id = this.feature.id;
    const load = () => showHistory(list, id, {
      readOnly: this.readOnly,
      current: async () => ((await this.full) || this.feature).properties.version,
      onReverted: () => { this.full = null; this.refresh(id).then(load); },
    });
    load();
  }

  close() {
    if (this.root.hidden) return;
    this.root.hidden = true;
    fill(this.root);
    this.feature = null;
    this.onClose();
  }
}

/** A full camera has what only the full answer carries (the map's markers do not). */
const isFull = (feature) => feature.properties.updatedAt !== undefined;

/** Issue 16: the site and what the employer owes the staff, for a camera of a site or a workplace. */
function workplaceRows(p, row) {
  if (!(p.site || p.zone === 'workplace') || p.staffInformed === undefined) return;
  if (p.site) row(t('field.site'), p.site.name);
  row(t('field.staffInformed'), valueLabel('staffInformed', p.staffInformed));
  row(t('field.staffBodyConsulted'), valueLabel('staffBodyConsulted', p.staffBodyConsulted));
  if (p.viewers) row(t('field.viewers'), p.viewers);
  if (p.retentionDays != null) row(t('field.retentionDays'), String(p.retentionDays));
}

/**
 * Issue 17: what the sign says (when one is there), the authorisation that covers the camera, the
 * day it was first seen (its true date, for the timeline) and the day it entered Vigie.
 */
function watchRows(p, row) {
  if (p.signNamesOperator === undefined) return; // a marker: the full camera follows
  if (p.signage === 'present') {
    row(t('field.signNamesOperator'), valueLabel('signNamesOperator', p.signNamesOperator));
    row(t('field.signGivesContact'), valueLabel('signGivesContact', p.signGivesContact));
  }
  if (p.authorisation) {
    row(t('field.authorisation'), `${p.authorisation.reference}, ${t('sheet.validUntil', { date: formatDay(p.authorisation.validUntil, language(), 'long') })}`);
  }
  row(t('field.firstSeen'), p.firstSeen ? formatDay(p.firstSeen, language(), 'long') : t('sheet.firstSeenUnknown'));
  if (p.addedAt) row(t('sheet.addedAt'), formatDay(p.addedAt, language(), 'long'));
}

/** Where the camera comes from: volunteers and the 2012 export by name, a list by the name it was imported under. */
function sourceLabel(p) {
  // Cameras from OpenStreetMap are ODbL data: credited wherever shown, whatever the tile server.
  if (p.source === 'osm') return `OpenStreetMap (${p.sourceId}), © OpenStreetMap contributors`;
  return p.source === 'volunteer' || p.source === 'sous-surveillance' ? t(`source.${p.source}`) : p.source;
}

/** The sheet's rows for what `p` holds: a marker's few fields, or every field of a full camera. */
export function fieldRows(p) {
  const rows = [];
  const row = (label, value) => rows.push(h('dt', {}, label), h('dd', {}, value === null || value === undefined || value === '' ? t('sheet.none') : value));
  const has = (field) => p[field] !== undefined;
  for (const field of ENUM_FIELDS.slice(0, 3)) if (has(field)) row(t(`field.${field}`), valueLabel(field, p[field]));
  row(t('sheet.directions'), p.directions && p.directions.length ? p.directions.map((d) => `${d}°`).join(', ') : t('add.noDirection'));
  row(t('field.fieldOfView'), `${p.fieldOfView}°`);
  row(t('field.range'), `${p.range} m`);
  if (p.height != null) row(t('field.height'), `${p.height} m`);
  for (const field of ['filmedArea', 'zone']) if (has(field)) row(t(`field.${field}`), valueLabel(field, p[field]));
  if (p.level) row(t('field.level'), p.level);
  if (has('capabilities')) row(t('field.capabilities'), p.capabilities.map((c) => valueLabel('capabilities', c)).join(', '));
  if (p.filmedArea === 'indoor' || p.zone === 'workplace') row(t('field.filmsWorkstations'), valueLabel('filmsWorkstations', p.filmsWorkstations));
  workplaceRows(p, row);
  row(t('field.operator'), p.operator);
  row(t('field.operatorType'), valueLabel('operatorType', p.operatorType));
  if (p.city && p.city.name) row(t('city.label'), p.city.name);
  row(t('field.signage'), valueLabel('signage', p.signage));
  watchRows(p, row);
  row(t('field.status'), valueLabel('status', p.status));
  if (p.confirmations !== undefined) {
    row(t('sheet.confirmations'), `${p.confirmations}` + (p.lastConfirmedAt ? `, ${t('sheet.lastConfirmed', { at: formatDay(p.lastConfirmedAt, language(), 'long') })}` : ''));
  }
  if (p.toRecheck) row(t('sheet.recheck'), t('sheet.recheckDue'));
  if (p.notes) row(t('field.notes'), p.notes);
  if (has('source')) row(t('field.source'), sourceLabel(p));
  if (has('updatedAt')) row(t('sheet.lastChange'), `${formatDay(p.updatedAt, language(), 'long')} (v${p.version})`);
  return rows;
}

/** A report: the reason picked from those the server lists (ReportReason: "gone" first, the commonest). */
function reportForm(id, send) {
  const reason = h('select', { 'aria-label': t('sheet.reportReason'), class: 'report-reason' },
    ...valuesOf('reportReason').map((r) => h('option', { value: r }, t(`report.${r}`))));
  return h('p', { class: 'actions report' }, reason,
    h('button', { type: 'button', onclick: () => send(reason.value) }, t('sheet.report')));
}

/** The current filters and city, centred close on the camera, its sheet open: the view its embed code shows. */
function cameraView(feature) {
  const [lon, lat] = feature.geometry.coordinates;
  return formatHash({ ...parseHash(location.hash), view: { zoom: 18, lat, lon }, camera: feature.id });
}
