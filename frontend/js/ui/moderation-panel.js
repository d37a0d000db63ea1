// The moderators' screen (issue 14): the open reports, oldest first, each with its camera's sheet,
// a small map, the reason, the comment, the reporter and how many others reported it; settle,
// hide with a reason, merge into a camera within 50 m, close a report on a camera readers no longer
// see; the log of every decision; and what is ready to send to OpenStreetMap, held, and sent
// (issue 18). A full-height panel on a phone, a side panel on a desktop.
import * as L from 'leaflet';
import { h, fill, announce, formatDate } from './dom.js';
import { t, language, valueLabel } from '../i18n/i18n.js';
import { camera as fetchCamera, camerasIn } from '../api/cameras.js';
import { openReports, moderationLog, settle, hide, merge, closeReport } from '../api/moderation.js';
import { fieldRows } from './camera-sheet.js';
import { distance as distanceMetres } from '../geo/sphere.js';
import { valuesOf } from '../state/values.js';
import { OsmPanel } from './osm-panel.js';
import { hashWith } from '../state/url-state.js';

/** A link to an account's page (#account=NAME), the view kept. */
const accountLink = (name) => h('a', { href: hashWith({ account: name, camera: null }), class: 'account-link' }, name);

const MERGE_RADIUS_M = 50; // the server refuses beyond it (ModerationService.MERGE_RADIUS_M)

export class ModerationPanel {
  /** @param {HTMLElement} root @param {{onClose: () => void}} options */
  constructor(root, { onClose }) {
    Object.assign(this, { root, onClose, tab: 'queue', selected: null });
    root.addEventListener('keydown', (e) => { if (e.key === 'Escape') this.close(); });
  }

  open() {
    this.root.hidden = false;
    this.render();
    this.root.querySelector('h2').focus();
  }

  close() {
    if (this.root.hidden) return;
    this.dropMap();
    this.root.hidden = true;
    this.onClose();
  }

  render() {
    this.dropMap();
    this.body = h('div', { class: 'moderation-body', 'aria-live': 'polite' });
    const tab = (name) => h('button', { type: 'button', role: 'tab', id: `moderation-tab-${name}`,
      'aria-selected': String(this.tab === name), onclick: () => { this.tab = name; this.render(); } }, t(`moderation.${name}`));
    fill(this.root,
      h('header', {},
        h('h2', { id: 'moderation-title', tabindex: '-1' }, t('moderation.title')),
        h('button', { type: 'button', class: 'close', 'aria-label': t('sheet.close'), onclick: () => this.close() }, '×')),
      h('p', { class: 'actions', role: 'tablist' }, tab('queue'), tab('log'), tab('osm')),
      this.body);
    if (this.tab === 'osm') return new OsmPanel({ root: this.body }).open();
    return this.tab === 'queue' ? this.showQueue() : this.showLog();
  }

  async showQueue() {
    const body = this.body;
    fill(body, h('p', { class: 'muted' }, t('account.wait')));
    try {
      const reports = await openReports();
      if (body !== this.body) return;
      if (!reports.length) {
        fill(body, h('p', { class: 'empty' }, t('moderation.empty')));
        return;
      }
      const current = reports.find((r) => r.id === this.selected) || reports[0];
      this.selected = current.id;
      fill(body,
        h('p', { class: 'muted' }, t('moderation.count', { n: reports.length })),
        h('ol', { class: 'queue' }, reports.map((r) => r === current ? this.item(r) : this.summary(r))));
    } catch (e) {
      fill(body, h('p', { class: 'error' }, e.message));
    }
  }

  /** A report not being worked on: one line, and a button to work on it. */
  summary(report) {
    return h('li', { class: 'report', dataset: { reportId: report.id } },
      h('button', { type: 'button', class: 'link', onclick: () => { this.selected = report.id; this.showQueue(); } },
        `${t('sheet.title', { id: report.cameraId })} · ${t(`report.${report.reason}`)} · ${formatDate(report.createdAt, language())}`));
  }

  /** The report being worked on: what it says, the camera, and the decisions. */
  item(report) {
    const sheet = h('div', { class: 'camera-summary' });
    const li = h('li', { class: 'report current', dataset: { reportId: report.id, cameraId: report.cameraId } },
      h('h3', {}, h('a', { href: hashWith({ camera: report.cameraId, account: null }) }, t('sheet.title', { id: report.cameraId }))),
      h('dl', { class: 'fields' },
        h('dt', {}, t('moderation.reason')), h('dd', {}, t(`report.${report.reason}`)),
        h('dt', {}, t('moderation.comment')), h('dd', {}, report.comment || t('sheet.none')),
        h('dt', {}, t('moderation.reporter')), h('dd', {}, accountLink(report.reporter)),
        h('dt', {}, t('moderation.date')), h('dd', {}, formatDate(report.createdAt, language())),
        h('dt', {}, t('moderation.others')), h('dd', { class: 'others' }, String(report.othersReporting))),
      sheet);
    if (!report.cameraVisible) {
      li.append(h('p', { class: 'muted' }, t('moderation.cameraGone')),
        h('p', { class: 'actions' }, h('button', { type: 'button', class: 'primary close-report',
          onclick: () => this.act(() => closeReport(report.id), 'moderation.closed') }, t('moderation.close'))));
      return li;
    }
    this.loadCamera(report, sheet);
    return li;
  }

  async loadCamera(report, sheet) {
    try {
      const { body: feature } = await fetchCamera(report.cameraId);
      if (this.selected !== report.id) return;
      const mapBox = h('div', { class: 'mini-map', 'aria-hidden': 'true' });
      const status = h('select', { class: 'settle-status', 'aria-label': t('moderation.settleAs') },
        // settling ends the dispute: any status but "disputed" (the server refuses it, ModerationResource)
        valuesOf('status').filter((s) => s !== 'disputed').map((s) => h('option', { value: s }, t(`moderation.status.${s}`))));
      const reason = h('input', { type: 'text', class: 'hide-reason', maxlength: 500, 'aria-label': t('moderation.hideReason'),
        placeholder: t('moderation.hideReason') });
      const into = h('select', { class: 'merge-into', 'aria-label': t('moderation.mergeInto') });
      const mergeRow = h('p', { class: 'actions merge', hidden: true }, into,
        h('button', { type: 'button', onclick: () => this.act(() => merge(report.cameraId, Number(into.value)), 'moderation.merged') },
          t('moderation.merge')));
      // The decisions first, within a thumb's reach; the camera's whole sheet folded below them.
      fill(sheet, mapBox,
        h('p', { class: 'actions settle' }, status,
          h('button', { type: 'button', class: 'primary', onclick: () => this.act(() => settle(report.cameraId, status.value), 'moderation.settled') },
            t('moderation.settle'))),
        h('p', { class: 'actions hide' }, reason,
          h('button', { type: 'button', onclick: () => this.act(
            // hidden from the queue: the report is answered by it, and closed with the camera's others
            () => hide(report.cameraId, reason.value.trim()).then(() => closeReport(report.id)), 'moderation.hidden') },
            t('moderation.hide'))),
        mergeRow,
        h('details', { class: 'camera-fields' }, h('summary', {}, t('moderation.sheet')),
          h('dl', { class: 'fields' }, fieldRows(feature.properties))));
      this.showMap(mapBox, feature);
      this.nearby(feature, into, mergeRow);
    } catch (e) {
      fill(sheet, h('p', { class: 'error' }, e.message));
    }
  }

  /** The cameras within 50 m, nearest first, that the reported one may be merged into. */
  async nearby(feature, select, row) {
    const [lon, lat] = feature.geometry.coordinates;
    const d = 0.001; // about 110 m of latitude, enough for 50 m in every direction below 60°
    const around = await camerasIn({ minLon: lon - d / Math.cos(lat * Math.PI / 180), minLat: lat - d,
      maxLon: lon + d / Math.cos(lat * Math.PI / 180), maxLat: lat + d }, new URLSearchParams(), { limit: 100 }).catch(() => null);
    const candidates = (around?.features || [])
      .filter((f) => f.id !== feature.id)
      .map((f) => ({ f, m: distanceMetres([lon, lat], f.geometry.coordinates) }))
      .filter((c) => c.m <= MERGE_RADIUS_M)
      .sort((a, b) => a.m - b.m);
    if (!candidates.length) return;
    fill(select, candidates.map(({ f, m }) => h('option', { value: f.id },
      t('moderation.candidate', { id: f.id, m: Math.round(m), operator: f.properties.operator || t('sheet.none') }))));
    row.hidden = false;
  }

  showMap(box, feature) {
    const [lon, lat] = feature.geometry.coordinates;
    // A picture of the spot, not a second map to explore: no dragging, no zooming, no keyboard stop.
    this.map = L.map(box, { zoomControl: false, dragging: false, scrollWheelZoom: false, doubleClickZoom: false,
      touchZoom: false, boxZoom: false, keyboard: false, attributionControl: false }).setView([lat, lon], 18);
    L.tileLayer('/basemap/{z}/{x}/{y}.png', { maxZoom: 19 }).addTo(this.map);
    L.circleMarker([lat, lon], { radius: 8, color: '#b00020' }).addTo(this.map);
  }

  dropMap() {
    if (this.map) this.map.remove();
    this.map = null;
  }

  /** Sends a decision, says what happened, and shows the queue as it is now. */
  async act(send, doneKey) {
    try {
      await send();
      announce(t(doneKey));
      this.selected = null;
    } catch (e) {
      announce(e.message, { error: true });
    }
    if (this.tab === 'queue') this.render();
  }

  async showLog() {
    const body = this.body;
    try {
      const entries = await moderationLog();
      if (body !== this.body) return;
      fill(body, entries.length ? h('ol', { class: 'log' }, entries.map((e) => h('li', { dataset: { action: e.action } },
        t('moderation.logEntry', {
          at: formatDate(e.at, language()), moderator: e.moderator, action: t(`moderation.action.${e.action}`),
          target: e.cameraId ? t('sheet.title', { id: e.cameraId }) : '',
        }), e.account && !e.cameraId ? accountLink(e.account) : '', e.reason ? ` : ${e.reason}` : '', logFacts(e.facts) ? h('span', { class: 'muted' }, ` (${logFacts(e.facts)})`) : '')))
        : h('p', {}, t('moderation.logEmpty')));
    } catch (e) {
      fill(body, h('p', { class: 'error' }, e.message));
    }
  }
}

/**
 * A decision's facts (the server's data: the status it settled, the camera merged into...) said in
 * the reader's language; '' when there are none. A note is a line written before the log kept facts.
 */
export function logFacts(facts) {
  if (!facts) return '';
  const day = (iso) => formatDate(iso, language());
  if (facts.status) return t('moderation.detail.status', { status: valueLabel('status', facts.status) });
  if (facts.mergedInto != null) return t('moderation.detail.merged', { id: facts.mergedInto });
  if (facts.reportsClosed != null) return t('moderation.detail.closed', { n: facts.reportsClosed });
  if (facts.untilLifted) return t('moderation.detail.untilLifted');
  if (facts.until) return t('moderation.detail.until', { at: day(facts.until) });
  if (facts.since && facts.with) return t('moderation.detail.sinceWith', { at: day(facts.since), names: facts.with.join(', ') });
  if (facts.since) return t('moderation.detail.since', { at: day(facts.since) });
  return facts.note || '';
}
