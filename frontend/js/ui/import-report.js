// An import's report as a person reads it: what was created, updated, linked to a camera already
// known, left unchanged, marked removed; the conflicts, with links to those cameras; what was
// skipped, each reason in words; how long it took. And a boundary file's report.
import { h } from './dom.js';
import { t, language } from '../i18n/i18n.js';
import { hashWith } from '../state/url-state.js';

const number = (n) => Number(n || 0).toLocaleString(language());
const seconds = (s) => Number(s || 0).toLocaleString(language(), { maximumFractionDigits: 2 });

/** The words for a skip reason or a note; the server's code itself for one no dictionary names yet. */
function reasonText(kind, code) {
  const key = `imports.${kind}.${code}`;
  const text = t(key);
  return text === key ? code : text;
}

/** The figures of a camera import: one row each, so that a count of zero says so too. */
function figures(report) {
  const rows = [['created', report.created], ['updated', report.updated], ['linked', report.linked],
    ['unchanged', report.unchanged], ['removed', report.removed], ['conflicts', report.conflicts]];
  return h('dl', { class: 'fields import-figures' }, rows.flatMap(([name, n]) => [
    h('dt', {}, t(`imports.report.${name}`)), h('dd', { dataset: { figure: name, value: n || 0 } }, number(n))]));
}

/** Cameras a volunteer edited since their import: their values were kept; each a link to its sheet. */
function conflicts(report) {
  if (!report.conflicts) return null;
  const ids = report.conflictCameraIds || [];
  return h('div', { class: 'import-conflicts' },
    h('p', {}, t('imports.report.conflictsHelp', { n: number(report.conflicts) })),
    ids.length ? h('ul', {}, ids.map((id, i) => h('li', {},
      h('a', { href: hashWith({ camera: id, account: null }), dataset: { cameraId: id } }, t('sheet.title', { id })),
      report.conflictSourceIds?.[i] ? ` (${report.conflictSourceIds[i]})` : ''))) : null,
    report.conflicts > ids.length && ids.length ? h('p', { class: 'muted' }, t('imports.report.conflictsMore', { n: number(report.conflicts - ids.length) })) : null);
}

function counted(kind, map, titleKey) {
  const entries = Object.entries(map || {}).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
  if (!entries.length) return null;
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  return h('div', { class: `import-${kind}` },
    h('h4', {}, t(titleKey, { n: number(total) })),
    h('ul', {}, entries.map(([code, n]) => h('li', { dataset: { reason: code } }, `${number(n)} : ${reasonText(kind, code)}`))));
}

/** True when the file brought nothing the registry did not hold already. */
export const nothingNew = (r) => !r.created && !r.updated && !r.removed && !r.linked && !r.conflicts;

export function cameraReport(report) {
  const source = report.format === 'csv' ? report.source : t(`imports.source.${report.format}`);
  return h('section', { class: 'import-report', 'aria-labelledby': 'import-report-title', dataset: { format: report.format } },
    h('h3', { id: 'import-report-title', tabindex: '-1' }, t('imports.report.title', { file: report.file })),
    h('p', {}, t('imports.report.summary', { read: number(report.elementsRead), source, s: seconds(report.seconds) })),
    nothingNew(report) ? h('p', { class: 'nothing-new' }, t('imports.report.nothingNew')) : null,
    figures(report),
    conflicts(report),
    counted('skipped', report.skipped, 'imports.report.skipped'),
    counted('notes', report.notes, 'imports.report.notes'));
}

export function boundaryReport(report) {
  return h('section', { class: 'import-report', 'aria-labelledby': 'import-report-title', dataset: { format: 'boundaries' } },
    h('h3', { id: 'import-report-title', tabindex: '-1' }, t('imports.report.title', { file: report.file })),
    h('p', {}, t('imports.report.cities', { n: number(report.cities), created: number(report.created),
      updated: number(report.updated), s: seconds(report.seconds) })),
    h('p', {}, t('imports.report.properties', { name: report.nameProperty, code: report.codeProperty })),
    h('p', { dataset: { figure: 'camerasReassigned' } }, t('imports.report.reassigned', { n: number(report.camerasReassigned) })));
}
