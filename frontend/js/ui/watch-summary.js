// The city panel's "citizen watch" section: signs on public space, authorisations against the
// cameras mapped, the latest budget year, pending records requests; links to the printable dossier
// and to the records-request letter.
import { h } from './dom.js';
import { t } from '../i18n/i18n.js';
import { dossierPage, letterPage, subjects } from '../api/watch.js';

// whole euros without decimals, anything else with its cents
const euros = (amount, lang) => Number(amount).toLocaleString(lang, { maximumFractionDigits: 2, minimumFractionDigits: Number.isInteger(Number(amount)) ? 0 : 2 });

/** @param {object} d the dossier JSON @param {string} lang */
export function watchSummary(d, lang) {
  const lines = [];
  const s = d.signs;
  lines.push(h('p', { class: 'watch-signs' }, t('watch.signs', { present: s.present, absent: s.absent, unknown: s.unknown, n: s.publicSpace }),
    ' ', s.complianceShare == null ? t('watch.signsNone') : t('watch.signsShare', { share: Math.round(s.complianceShare * 100) })));
  const a = d.authorisations;
  if (a.entries.length) {
    lines.push(h('p', { class: 'watch-authorisations' }, t('watch.authorised', { authorised: a.camerasAuthorised, mapped: a.camerasMapped }),
      a.expired ? h('span', { class: 'warning' }, ' ', t('watch.expired', { n: a.expired })) : null));
  } else {
    lines.push(h('p', { class: 'muted' }, t('watch.noAuthorisation')));
  }
  const last = d.budget.perYear[d.budget.perYear.length - 1];
  if (last) {
    lines.push(h('p', { class: 'watch-budget' }, last.perCamera == null
      ? t('watch.budgetYearNoCamera', { year: last.year, total: euros(last.total, lang) })
      : t('watch.budgetYear', { year: last.year, total: euros(last.total, lang), perCamera: euros(last.perCamera, lang) })));
  } else {
    lines.push(h('p', { class: 'muted' }, t('watch.noBudget')));
  }
  const pending = d.requests.entries.filter((r) => r.outcome === 'pending');
  if (pending.length) {
    lines.push(h('ul', { class: 'watch-requests' }, pending.map((r) => h('li', {},
      t('watch.pending', { subject: t(`watch.subject.${r.subject}`), days: r.ageDays }),
      r.overdue ? h('span', { class: 'warning' }, ' ', t('watch.overdue')) : null))));
  } else {
    lines.push(h('p', { class: 'muted' }, t('watch.noRequest')));
  }
  return h('section', { class: 'watch', 'aria-labelledby': 'watch-title' },
    h('h3', { id: 'watch-title' }, t('watch.title')), lines,
    h('p', { class: 'actions' }, h('a', { class: 'button', id: 'open-dossier', href: dossierPage(d.code) }, t('watch.dossier'))),
    letterChooser(d.code));
}

/** A subject to choose and a link to the letter asking for it. */
function letterChooser(code) {
  const select = h('select', { id: 'letter-subject' }, subjects().map((s) => h('option', { value: s }, t(`watch.subject.${s}`))));
  const link = h('a', { class: 'button', id: 'open-letter', href: letterPage(code, subjects()[0]) }, t('watch.letter'));
  select.addEventListener('change', () => { link.href = letterPage(code, select.value); });
  return h('p', { class: 'letter-chooser' }, h('label', { for: 'letter-subject' }, t('watch.letterSubject'), ' '), select, ' ', link);
}
