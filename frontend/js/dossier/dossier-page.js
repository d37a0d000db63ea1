// The printable city dossier (dossier.html?city=CODE): the figures of GET /api/cities/{code}/dossier,
// the city's outline with its cameras, and the sources with their licences; a Print button.
import { h, fill } from '../ui/dom.js';
import { get, ApiError } from '../api/client.js';
import { dossier as fetchDossier, letterPage, subjects } from '../api/watch.js';
import { mapConfig } from '../api/cameras.js';
import { setValues } from '../state/values.js';
import { initialLanguage, setLanguage, language, t, valueLabel } from '../i18n/i18n.js';
import { barChart, monthChart } from '../ui/charts.js';
import { outlineSvg } from './outline.js';
import { canRecord, authorisationForm, budgetForm, requestForm, answerForm, entryActions } from './register-forms.js';
import { changesSection, historyButton } from './register-history.js';

/** For moderators: a form to add to a register, folded away, never printed. */
const recorder = (form) => (canRecord() ? h('details', { class: 'screen-only recorder' }, h('summary', {}, form.querySelector('h3').textContent), form) : null);

// amounts (digits 2) show their cents unless whole
const number = (n, digits = 0) => Number(n).toLocaleString(language(),
  { maximumFractionDigits: digits, minimumFractionDigits: Number.isInteger(Number(n)) ? 0 : digits });
const percent = (share) => Math.round(share * 100);
const day = (iso) => (iso ? new Date(`${iso}T00:00:00Z`).toLocaleDateString(language(), { timeZone: 'UTC' }) : '');

/**
 * A table with a caption-less header row; `rows` are arrays of cells (text or nodes). `actions` (issue 17):
 * the buttons of each row (History; Edit and Delete for moderators), in a first column (in reach on a phone) that is not printed.
 */
function table(className, headers, rows, actions = null) {
  if (!rows.length) return h('p', { class: 'muted' }, t('dossier.none'));
  return h('table', { class: className }, h('thead', {}, h('tr', {},
    actions ? h('th', { scope: 'col', class: 'screen-only' }, t('record.actions')) : null,
    headers.map((k) => h('th', { scope: 'col' }, t(k))))),
  h('tbody', {}, rows.map((cells, i) => h('tr', {}, actions ? h('td', { class: 'screen-only' }, actions[i]) : null,
    cells.map((c) => h('td', {}, c ?? ''))))));
}

/** Each entry's History and, for moderators, Edit and Delete; the entry's history or form opens in `slot`. */
const actionsFor = (d, path, entries, form, slot, reload) => entries.map((e) => h('span', { class: 'entry-buttons' },
  canRecord() ? entryActions(d.code, path, e, { form, slot, onDone: reload }) : null, historyButton(d.code, path, e, slot)));

const link = (url, text) => (url ? h('a', { href: url, rel: 'noopener' }, text) : text);

function camerasSection(d) {
  const c = d.cameras;
  return h('section', { id: 'cameras' }, h('h2', {}, t('dossier.cameras')),
    h('p', {}, t('dossier.total', { n: number(c.total), verified: percent(c.verifiedShare) })),
    h('div', { class: 'dossier-charts' },
      barChart(t('field.operatorType'), c.byOperatorType, (v) => valueLabel('operatorType', v)),
      barChart(t('field.status'), c.byStatus, (v) => valueLabel('status', v)),
      barChart(t('field.kind'), c.byKind, (v) => valueLabel('kind', v))));
}

function signsSection(d) {
  const s = d.signs;
  return h('section', { id: 'signs' }, h('h2', {}, t('dossier.signs')),
    h('p', {}, t('watch.signs', { present: s.present, absent: s.absent, unknown: s.unknown, n: s.publicSpace }), ' ',
      s.complianceShare == null ? t('watch.signsNone') : t('watch.signsShare', { share: percent(s.complianceShare) })),
    signWords(s),
    h('p', { class: 'help' }, t('dossier.signsHelp')));
}

/** Issue 17: what the signs present say, when someone checked. */
function signWords(s) {
  if (!s.present || !s.namesOperator) return null;
  return h('p', { class: 'sign-words' }, t('dossier.signWords', { present: s.present,
    names: s.namesOperator.yes, namesNo: s.namesOperator.no, namesUnknown: s.namesOperator.unknown,
    contact: s.givesContact.yes, contactNo: s.givesContact.no, contactUnknown: s.givesContact.unknown }));
}

/** Issue 17: the cameras by the year they were first seen (their true dates), on what basis, then their additions to Vigie. */
function timelineSection(d) {
  const tl = d.timeline;
  return h('section', { id: 'timeline' }, h('h2', {}, t('dossier.timeline')),
    monthChart(t('dossier.timeline'), tl.years.map((y) => ({ month: String(y.year), count: y.count }))),
    h('p', { class: 'help timeline-basis' }, t('dossier.timelineBasis', { n: tl.undated })),
    monthChart(t('dossier.addedPerMonth'), tl.addedPerMonth));
}

function authorisationsSection(d, reload) {
  const a = d.authorisations;
  const slot = h('div', { class: 'screen-only edit-slot' });
  return h('section', { id: 'authorisations' }, h('h2', {}, t('dossier.authorisations')),
    h('p', {}, t('watch.authorised', { authorised: a.camerasAuthorised, mapped: a.camerasMapped }),
      a.expired ? ` ${t('watch.expired', { n: a.expired })}` : ''),
    table('dossier-table', ['dossier.col.reference', 'dossier.col.date', 'dossier.col.authority', 'dossier.col.cameras',
      'dossier.col.named', 'dossier.col.perimeter', 'dossier.col.validUntil'], a.entries.map((e) => [link(e.actUrl, e.reference), day(e.decidedOn),
      e.authority, e.camerasAuthorised == null ? '' : number(e.camerasAuthorised), number(e.camerasNamingIt || 0), e.perimeter,
      e.expired ? h('span', { class: 'warning' }, `${day(e.validUntil)} (${t('dossier.expired')})`) : day(e.validUntil)]),
    actionsFor(d, 'authorisations', a.entries, authorisationForm, slot, reload)),
    slot, recorder(authorisationForm(d.code, reload)));
}

function budgetSection(d, reload) {
  const b = d.budget;
  const slot = h('div', { class: 'screen-only edit-slot' });
  return h('section', { id: 'budget' }, h('h2', {}, t('dossier.budget')),
    table('dossier-table per-year', ['dossier.col.year', 'dossier.col.amount', 'dossier.col.perCamera'],
      b.perYear.map((y) => [String(y.year), number(y.total, 2), y.perCamera == null ? '' : number(y.perCamera, 2)])),
    b.lines.length ? table('dossier-table lines', ['dossier.col.year', 'dossier.col.purpose', 'dossier.col.amount', 'dossier.col.source'],
      b.lines.map((l) => [String(l.year), t(`watch.purpose.${l.purpose}`), number(l.amount, 2), link(l.sourceUrl, l.label || l.sourceUrl || '')]),
      actionsFor(d, 'budget', b.lines, budgetForm, slot, reload)) : null,
    slot, recorder(budgetForm(d.code, reload)));
}

function requestsSection(d, reload) {
  const r = d.requests;
  const slot = h('div', { class: 'screen-only edit-slot' });
  return h('section', { id: 'requests' }, h('h2', {}, t('dossier.requests')),
    table('dossier-table', ['dossier.col.subject', 'dossier.col.sent', 'dossier.col.outcome', 'dossier.col.age'],
      r.entries.map((e) => [t(`watch.subject.${e.subject}`), day(e.sentOn),
        e.overdue ? h('span', { class: 'warning' }, `${t('watch.outcome.pending')}, ${t('dossier.overdue')}`) : t(`watch.outcome.${e.outcome}`),
        String(e.ageDays)]),
      actionsFor(d, 'requests', r.entries, requestForm, slot, reload)),
    slot,
    h('p', { class: 'screen-only actions' }, subjects().map((s) => h('a', { class: 'button', href: letterPage(d.code, s) },
      `${t('watch.letter')} : ${t(`watch.subject.${s}`)}`))),
    recorder(requestForm(d.code, reload)),
    r.entries.filter((e) => e.outcome === 'pending').map((e) => recorder(answerForm(d.code, e, reload))));
}

function sourcesSection(d) {
  return h('section', { id: 'sources' }, h('h2', {}, t('dossier.sources')),
    table('dossier-table', ['dossier.col.source', 'dossier.col.cameras', 'dossier.col.attribution', 'dossier.col.licence'],
      d.sources.map((s) => [s.source, number(s.cameras), s.attribution, s.licence || t('dossier.noLicence')])));
}

export function renderDossier(root, d, city, cameras, reload) {
  document.title = t('dossier.title', { name: d.name });
  fill(root,
    h('header', { class: 'dossier-header' }, h('h1', {}, t('dossier.title', { name: d.name })),
      h('p', {}, t('dossier.generated', { code: d.code, area: number(d.areaKm2, 1), date: day(d.generatedOn) })),
      h('p', { class: 'screen-only actions' },
        h('button', { type: 'button', id: 'print', class: 'primary', onclick: () => window.print() }, t('dossier.print')),
        h('a', { class: 'button', href: `/api/cities/${encodeURIComponent(d.code)}/dossier` }, t('dossier.json')),
        h('a', { class: 'button', href: `/#city=${encodeURIComponent(d.code)}` }, 'Vigie'))),
    h('section', { id: 'map-section' }, h('h2', {}, t('dossier.map')), outlineSvg(city, cameras, t('dossier.map'))),
    camerasSection(d), signsSection(d),
    timelineSection(d),
    authorisationsSection(d, reload), budgetSection(d, reload), requestsSection(d, reload), changesSection(d.code), sourcesSection(d));
}

async function start() {
  setLanguage(initialLanguage());
  const root = document.getElementById('dossier');
  const code = new URLSearchParams(location.search).get('city');
  try {
    if (!code) throw new ApiError(404, null);
    // the settings carry the registers' values (budget purposes, request subjects and outcomes)
    const [d, city, cameras] = await Promise.all([fetchDossier(code), get(`/api/cities/${encodeURIComponent(code)}`),
      get(`/api/cameras/export?format=geojson&city=${encodeURIComponent(code)}`),
      mapConfig().then((config) => setValues(config.values), () => {})]);
    const positions = (cameras.features || []).map((f) => f.geometry.coordinates);
    // after a moderator's entry, the figures again (the map and cameras have not changed)
    const reload = async () => {
      renderDossier(root, await fetchDossier(code), city, positions, reload);
      document.body.dataset.version = String(Number(document.body.dataset.version || 0) + 1);
    };
    renderDossier(root, d, city, positions, reload);
    document.body.dataset.ready = '';
  } catch (e) {
    fill(root, h('p', { class: 'error' }, e instanceof ApiError && e.status === 404 ? t('dossier.missing') : e.message));
  }
}

start();
