// Issue 17: what was changed in a city's registers, for anyone, as a camera's history is: the city's
// latest changes (a section of the dossier, older ones a page at a time), and one entry's history,
// opened from its row. Who (the moderator's name), when (the day), what: old → new, field by field.
import { h, fill } from '../ui/dom.js';
import { t, language } from '../i18n/i18n.js';
import { NetworkError } from '../api/client.js';
import { registerChanges, entryChanges } from '../api/watch.js';

const day = (iso) => (iso ? new Date(`${String(iso).slice(0, 10)}T00:00:00Z`).toLocaleDateString(language(), { timeZone: 'UTC' }) : '');
const euros = (n) => `${Number(n).toLocaleString(language(), { minimumFractionDigits: Number.isInteger(Number(n)) ? 0 : 2 })} €`;
const WORDS = { purpose: 'watch.purpose', subject: 'watch.subject', outcome: 'watch.outcome' };

/** A field's name in the forms' words (a few shorter for the history). */
function fieldName(field) {
  const own = `history.field.${field}`;
  return t(own) === own ? t(`record.${field}`) : t(own);
}

/** A value as the dossier shows it: enumerations in words, days, euros; nothing as a dash. */
function shown(field, value) {
  if (value === null || value === undefined || value === '') return '—';
  if (WORDS[field]) return t(`${WORDS[field]}.${value}`);
  if (/(On|Until)$/.test(field)) return day(value);
  if (field === 'amount') return euros(value);
  return String(value);
}

/** What names the entry a change was made to: a reference, a year and purpose, a subject and day. */
function entryName(c) {
  const e = c.entry || {};
  if (c.register === 'authorisations') return t('history.entry.authorisations', { reference: e.reference ?? '' });
  if (c.register === 'budget') return t('history.entry.budget', { year: e.year ?? '', purpose: shown('purpose', e.purpose) });
  return t('history.entry.requests', { subject: shown('subject', e.subject), date: day(e.sentOn) });
}

/** One change; `named`: in the city's list, which entry it was made to. */
function changeItem(c, named) {
  const when = c.at ? new Date(c.at).toLocaleString(language(), { dateStyle: 'medium', timeStyle: 'short' }) : day(c.date);
  const values = (f) => (c.action === 'created' ? shown(f.field, f.after)
    : [h('del', {}, shown(f.field, f.before)), ' → ', h('ins', {}, shown(f.field, f.after))]);
  return h('li', { class: `register-change change-${c.action}`, dataset: { changeId: c.id } },
    h('p', { class: 'change-head' }, h('strong', {}, t(`history.action.${c.action}`)), named ? ` · ${entryName(c)}` : '',
      ` · ${when} · ${c.moderator ?? t('history.noModerator')}`),
    c.fields.length ? h('ul', { class: 'change-fields' },
      c.fields.map((f) => h('li', {}, h('span', { class: 'change-field' }, fieldName(f.field)), ' : ', values(f)))) : null);
}

const failure = (e) => h('p', { class: 'error' }, e instanceof NetworkError ? t('history.offline') : e.message);

/** The city's changes, newest first, twenty at a time. */
export function changesSection(code) {
  const list = h('ol', { class: 'register-changes' });
  const status = h('p', { class: 'history-status', role: 'status' }, t('map.loading'));
  const more = h('button', { type: 'button', class: 'screen-only history-more', hidden: true }, t('history.more'));
  let next = null;
  const load = async () => {
    more.disabled = true;
    try {
      const page = await registerChanges(code, next);
      list.append(...page.changes.map((c) => changeItem(c, true)));
      next = page.next;
      fill(status, list.children.length ? '' : t('history.none'));
      more.hidden = !next;
      list.dataset.loaded = String(list.children.length);
    } catch (e) {
      fill(status, failure(e));
    }
    more.disabled = false;
  };
  more.addEventListener('click', load);
  load();
  return h('section', { id: 'changes' }, h('h2', {}, t('history.title')), h('p', { class: 'help' }, t('history.help')),
    list, status, more);
}

/** One entry's history, oldest first, opened in `slot` (where the entry's form opens) by its History button. */
export function historyButton(code, register, entry, slot) {
  const open = async () => {
    const title = h('h3', { tabindex: '-1' }, t('history.entryTitle'));
    const box = h('div', { class: 'entry-history', dataset: { register, entryId: entry.id } }, title,
      h('p', { role: 'status' }, t('map.loading')),
      h('button', { type: 'button', class: 'history-close', onclick: () => fill(slot) }, t('history.close')));
    fill(slot, box);
    title.focus();
    try {
      const changes = await entryChanges(code, register, entry.id);
      box.children[1].replaceWith(h('ol', { class: 'register-changes' }, changes.map((c) => changeItem(c, false))));
    } catch (e) {
      fill(box.children[1], failure(e));
    }
  };
  return h('button', { type: 'button', class: 'entry-history-open', onclick: open }, t('history.open'));
}
